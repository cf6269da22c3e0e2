import BotRouting

/// A language the shop speaks. Every customer-facing text comes from its ``Strings``.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case russian = "ru"

    /// The language for Telegram's `language_code` (`ru`, `ru-RU`, `uk`…); English when unknown.
    public init(telegramCode: String?) {
        let base = telegramCode?.lowercased().split(separator: "-").first.map(String.init) ?? ""
        switch base {
        // Russian is the closer second language for these, as the original shop's customers found.
        case "ru", "uk", "be", "kk", "uz", "ky", "tg": self = .russian
        default: self = .english
        }
    }

    var strings: any Strings {
        switch self {
        case .english: EnglishStrings()
        case .russian: RussianStrings()
        }
    }
}
