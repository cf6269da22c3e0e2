import BotRouting
import Marketplace
import TelegramBotAPI

/// The customer behind an update, for handlers: `context.customer`, `context.templates`.
enum CustomerKey: ContextKey { typealias Value = CustomerSnapshot }

/// Finds the sender's customer record (registering them on first contact) and stops a banned
/// customer there, with one short message.
struct CustomerMiddleware: UpdateMiddleware {
    let users: UserService
    let broadcasts: BroadcastService

    func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        guard let user = context.update.sender, !user.isBot else { return }
        var customer = try await users.find(telegramID: user.id)
        if customer == nil {
            customer = try await users.register(
                telegramID: user.id, username: user.username, firstName: user.firstName, languageCode: user.languageCode)
        }
        guard let customer else { return }
        if customer.isBlocked, context.update.myChatMember == nil {
            // Writing to the bot again: broadcasts reach them again.
            try await broadcasts.markBlocked(false, telegramID: customer.telegramID)
        }
        var context = context
        context.values[CustomerKey.self] = customer
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

extension HandlerContext {
    /// The customer ``CustomerMiddleware`` found; handlers under it always have one.
    var customer: CustomerSnapshot {
        get throws {
            guard let customer = values[CustomerKey.self] else { throw ShopHandlerError.noCustomer }
            return customer
        }
    }

    /// The templates in the customer's language.
    var templates: ShopTemplates {
        ShopTemplates(language: Language(customer: values[CustomerKey.self], telegramCode: update.sender?.languageCode))
    }
}

extension Language {
    /// The language the customer picked, else the one of their Telegram app; `telegramCode`
    /// speaks for someone who isn't a customer yet.
    init(customer: CustomerSnapshot?, telegramCode: String?) {
        self = customer?.botLanguage.flatMap(Language.init(rawValue:)) ?? Language(telegramCode: customer?.languageCode ?? telegramCode)
    }
}

enum ShopHandlerError: Error {
    /// A handler ran outside ``CustomerMiddleware``: a wiring mistake.
    case noCustomer
}
