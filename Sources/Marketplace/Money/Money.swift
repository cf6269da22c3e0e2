/// An amount of money: an integer of minor units (cents) in a currency. Never floating point.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    /// The largest amount the shop handles: a billion major units. Anything larger is a typo.
    public static let maximumMajorUnits: Int64 = 1_000_000_000

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// Reads what an admin types: `9.99`, `9,99`, `10`, ` 1 000.50 ` (spaces between digits are ignored).
    /// - Throws: ``MoneyError`` for empty text, non-numbers, negatives, more decimals than the
    ///   currency has, or more than ``maximumMajorUnits``.
    public static func parse(_ text: String, currency: Currency) throws(MoneyError) -> Money {
        let compact = text.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "_" }
        guard !compact.isEmpty else { throw .empty }
        guard !compact.hasPrefix("-") else { throw .negative }
        let parts = compact.split(separator: compact.contains(",") ? "," : ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        let isDigits = { (text: Substring) in text.allSatisfy { $0.isASCII && $0.isNumber } }
        guard !whole.isEmpty, isDigits(whole), isDigits(fraction), parts.count == 1 || !fraction.isEmpty else { throw .notANumber }
        guard fraction.count <= currency.minorDigits else { throw .tooManyDecimals(allowed: currency.minorDigits) }
        guard whole.count <= 10, let wholeValue = Int64(whole), wholeValue <= maximumMajorUnits else { throw .tooLarge }
        let padded = fraction + String(repeating: "0", count: currency.minorDigits - fraction.count)
        let minor = wholeValue * currency.scale + (Int64(padded) ?? 0)
        guard minor <= maximumMajorUnits * currency.scale else { throw .tooLarge }
        return Money(minorUnits: minor, currency: currency)
    }

    /// The number alone, as ``parse(_:currency:)`` reads it back: `9.99`, `-1.50`, `250`.
    public var amount: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let scale = UInt64(currency.scale)
        var number = String(magnitude / scale)
        if currency.minorDigits > 0 {
            let fraction = String(magnitude % scale)
            number += "." + String(repeating: "0", count: currency.minorDigits - fraction.count) + fraction
        }
        return sign + number
    }

    /// `$9.99`, `€10.00`, `250 ⭐`, `1500 JPY`: for messages.
    public var formatted: String {
        let sign = minorUnits < 0 ? "-" : ""
        let number = minorUnits < 0 ? String(amount.dropFirst()) : amount
        switch currency.symbol {
        case "$", "€", "£": return "\(sign)\(currency.symbol!)\(number)"
        case let symbol?: return "\(sign)\(number) \(symbol)"
        case nil: return "\(sign)\(number) \(currency.code)"
        }
    }

    public var description: String { formatted }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "amounts in different currencies can't be compared")
        return lhs.minorUnits < rhs.minorUnits
    }

    /// `self` times `count`, or nil when it would overflow.
    public func multiplied(by count: Int) -> Money? {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: Int64(count))
        return overflow ? nil : Money(minorUnits: product, currency: currency)
    }
}

/// Why typed text is not an amount.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notANumber
    case negative
    case tooManyDecimals(allowed: Int)
    case tooLarge

    public var description: String {
        switch self {
        case .empty: "no amount given"
        case .notANumber: "not a number"
        case .negative: "amounts can't be negative"
        case .tooManyDecimals(let allowed): allowed == 0 ? "this currency has no decimals" : "at most \(allowed) decimals"
        case .tooLarge: "too large"
        }
    }
}
