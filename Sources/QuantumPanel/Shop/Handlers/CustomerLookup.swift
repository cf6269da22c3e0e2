import BotRouting
import Marketplace
import TelegramBotAPI

/// The customer behind an update: found, or registered on first contact, once per update.
///
/// ``CustomerMiddleware`` looks them up and remembers them in the update's context; handlers
/// receive them as a value from ``CustomerRouter``. What was remembered is read here only, and
/// when nothing was (a handler outside the middleware), it is looked up again, not refused.
struct CustomerLookup: Sendable {
    let users: UserService

    /// The update's customer; nil when no person sent it (a bot, a channel post).
    func customer(for context: HandlerContext) async throws -> CustomerSnapshot? {
        if let found = context.values[FoundCustomer.self] { return found }
        guard let user = context.update.sender, !user.isBot else { return nil }
        if let customer = try await users.find(telegramID: user.id) { return customer }
        return try await users.register(telegramID: user.id, username: user.username, firstName: user.firstName, languageCode: user.languageCode)
    }

    /// Keeps `customer` for the rest of the update, so it is looked up once.
    static func remember(_ customer: CustomerSnapshot, in context: inout HandlerContext) {
        context.values[FoundCustomer.self] = customer
    }
}

/// The customer a ``CustomerLookup`` found for this update.
private enum FoundCustomer: ContextKey { typealias Value = CustomerSnapshot }

extension HandlerContext {
    /// The language of the update's customer: the one they picked, else their Telegram app's.
    var language: Language {
        Language(customer: values[FoundCustomer.self], telegramCode: update.sender?.languageCode)
    }

    /// The shop's screens in the customer's language.
    var templates: ShopTemplates { ShopTemplates(language: language) }

    /// The shop's screens in the language of `customer`, who may have just picked another.
    func templates(for customer: CustomerSnapshot) -> ShopTemplates {
        ShopTemplates(language: Language(customer: customer, telegramCode: update.sender?.languageCode))
    }
}

extension Language {
    /// The language the customer picked, else the one of their Telegram app; `telegramCode`
    /// speaks for someone who isn't a customer yet.
    init(customer: CustomerSnapshot?, telegramCode: String?) {
        self = customer?.botLanguage.flatMap(Language.init(rawValue:)) ?? Language(telegramCode: customer?.languageCode ?? telegramCode)
    }
}
