import TelegramBotAPI

/// `/cancel` and the Cancel button: they leave whatever flow the user is in, from anywhere.
///
/// Include ``makeRouter(reply:)`` first in the root router, so it wins over every handler that
/// waits for input in a state.
public enum CancelFlow {
    /// The callback data of ``InlineKeyboardBuilder/cancelButton(_:)``.
    public static let callbackData = "cancel"

    public static func makeRouter(reply: String = "Cancelled.", nothingToCancel: String = "Nothing to cancel.") -> Router {
        makeRouter { context, wasInFlow in
            if context.update.callbackQuery != nil {
                try await context.answerCallback(reply)
                try await context.editMessage(plain: reply)
            } else {
                try await context.answer(plain: wasInFlow ? reply : nothingToCancel, replyMarkup: ReplyKeyboardBuilder.remove)
            }
        }
    }

    /// Leaves the flow, then lets `answer` say so: in the user's language, with a menu…
    /// `wasInFlow` tells whether there was anything to cancel.
    public static func makeRouter(answer: @escaping @Sendable (_ context: HandlerContext, _ wasInFlow: Bool) async throws -> Void) -> Router {
        let router = Router(name: "cancel")
        let cancel: @Sendable (HandlerContext) async throws -> Void = { context in
            let wasInFlow = try await context.fsm.currentState() != nil
            try await context.fsm.clear()
            try await answer(context, wasInFlow)
        }
        router.message(.command("cancel")) { _, context in try await cancel(context) }
        router.callbackQuery(.predicate { $0.update.callbackQuery?.data == callbackData }) { _, context in try await cancel(context) }
        return router
    }
}
