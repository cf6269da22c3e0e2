import BotRouting
import Marketplace

/// Why what the admin typed is not an amount of money or a number of days.
enum TypedNumberRefusal: ReadableRefusal, Equatable {
    case amountEmpty
    case amountNotANumber(typed: String, currency: Currency)
    case amountNegative
    case amountTooManyDecimals(typed: String, currency: Currency)
    case amountTooLarge(typed: String)
    case daysNotANumber(typed: String)

    init(_ error: MoneyError, typed: String, currency: Currency) {
        switch error {
        case .empty: self = .amountEmpty
        case .notANumber: self = .amountNotANumber(typed: typed, currency: currency)
        case .negative: self = .amountNegative
        case .tooManyDecimals: self = .amountTooManyDecimals(typed: typed, currency: currency)
        case .tooLarge: self = .amountTooLarge(typed: typed)
        }
    }

    func words(in language: Language) -> HTML {
        let strings = language.adminStrings
        func shown(_ typed: String) -> String { HTML.truncate(typed, to: 40) }
        return switch self {
        case .amountEmpty: strings.amountEmpty
        case .amountNotANumber(let typed, let currency): strings.amountNotANumber(shown(typed), AdminTemplates.example(currency))
        case .amountNegative: strings.amountNegative
        case .amountTooManyDecimals(let typed, let currency): strings.amountDecimals(shown(typed), currency.code, AdminTemplates.example(currency))
        case .amountTooLarge(let typed): strings.amountTooLarge(shown(typed))
        case .daysNotANumber(let typed): strings.badDuration(shown(typed))
        }
    }
}
