import TelegramBotAPI

/// `/cancel` and the Cancel button: they leave whatever flow the user is in, from anywhere.
///
/// Include ``makeRouter(reply:)`` first in the root router, so it wins over every handler that
/// waits for input in a state.
public enum CancelFlow {
    /// The callback data of ``InlineKeyboardBuilder/cancelButton(_:)``.
    public static let callbackData = "cancel"

    public static func makeRouter(reply: String = "Cancelled.", nothingToCancel: String = "Nothing to cancel.") -> Router {
        let router = Router(name: "cancel")
        router.message(.command("cancel")) { _, context in
            let wasInFlow = try await context.fsm.currentState() != nil
            try await context.fsm.clear()
            try await context.answer(wasInFlow ? reply : nothingToCancel, replyMarkup: ReplyKeyboardBuilder.remove, parseMode: nil)
        }
        router.callbackQuery(.predicate { $0.update.callbackQuery?.data == callbackData }) { _, context in
            try await context.fsm.clear()
            try await context.answerCallback(reply)
            try await context.editMessage(reply, parseMode: nil)
        }
        return router
    }
}
