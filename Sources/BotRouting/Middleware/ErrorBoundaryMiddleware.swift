import Logging
import TelegramBotAPI
/// Catches what a handler throws: logs it with the update's id, tells the user briefly, and lets
/// the bot go on with the next update.
public struct ErrorBoundaryMiddleware: UpdateMiddleware {
    public var apology: String

    public init(apology: String = "Sorry, something went wrong. Please try again.") {
        self.apology = apology
    }

    public func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        do {
            try await next(context)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error("Handler failed", metadata: ["error": "\(error)", "handler": "\((context.handlerName ?? nil) ?? "none")"])
            // Best effort: the user may have blocked the bot, or Telegram may be the problem.
            if context.update.callbackQuery != nil {
                try? await context.answerCallback(apology, showAlert: true)
            } else if context.chatID != nil {
                _ = try? await context.answer(apology, parseMode: nil)
            }
        }
    }
}
