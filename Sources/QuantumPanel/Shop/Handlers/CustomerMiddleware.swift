import BotRouting
import Marketplace
import TelegramBotAPI

/// Finds the sender's customer record (registering them on first contact) and stops a banned
/// customer there, with one short message.
struct CustomerMiddleware: UpdateMiddleware {
    let customers: CustomerLookup
    let broadcasts: BroadcastService

    func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        guard let customer = try await customers.customer(for: context) else { return }
        if customer.isBlocked, context.update.myChatMember == nil {
            // Writing to the bot again: broadcasts reach them again.
            try await broadcasts.markBlocked(false, telegramID: customer.telegramID)
        }
        var context = context
        CustomerLookup.remember(customer, in: &context)
        guard !customer.isBanned else {
            let text = context.templates.strings.banned
            if context.update.callbackQuery != nil {
                try await context.answerCallback(text, showAlert: true)
            } else if context.update.message != nil {
                try await context.answer(plain: text)
            }
            return
        }
        try await next(context)
    }
}
