import BotRouting

/// Why the admin's answer to "who?" (a customer, an admin, a seller) names no one usable.
enum PersonRefusal: ReadableRefusal, Equatable {
    /// Neither a picked user, a forwarded message, an id nor a @username.
    case notAPerson
    /// A forwarded message whose author hides their account.
    case hiddenForward(name: String)
    /// A @username no customer of the shop has (an admin must have started the bot).
    case unknownUsername(String)
    case customerNotFound(typed: String)
    /// A seller is a @username, and this customer has none.
    case noUsername(telegramID: Int64)
    /// A banned admin would be locked out of the panel too.
    case cantBanAdmin

    func words(in language: Language) -> HTML {
        let people = language.peopleStrings
        return switch self {
        case .notAPerson: people.notAPerson
        case .hiddenForward(let name): people.hiddenForward(HTML.truncate(name, to: 40))
        case .unknownUsername(let name):
            people.unknownUsername(HTML.truncate(name.hasPrefix("@") ? String(name.dropFirst()) : name, to: 40))
        case .customerNotFound(let typed): people.customerNotFound(HTML.truncate(typed, to: 40))
        case .noUsername(let id): people.noUsername(id)
        case .cantBanAdmin: people.cantBanAdmin
        }
    }
}
