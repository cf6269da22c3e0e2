/// A currency and how many digits its minor unit has (2 for USD: cents; 0 for JPY and Telegram Stars).
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The ISO 4217 code, or `XTR` for Telegram Stars.
    public let code: String
    public let minorDigits: Int

    private static let exceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
        "RWF": 0, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0, "XTR": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    ]

    private static let symbols: [String: String] = ["USD": "$", "EUR": "€", "GBP": "£", "RUB": "₽", "XTR": "⭐", "UAH": "₴", "INR": "₹"]

    /// - Parameter code: three letters, case-insensitive.
    public init(code: String) {
        self.code = code.uppercased()
        self.minorDigits = Self.exceptions[self.code] ?? 2
    }

    public static let usd = Currency(code: "USD")
    public static let stars = Currency(code: "XTR")

    /// Minor units in one major unit: 100 for USD.
    public var scale: Int64 {
        (0..<minorDigits).reduce(1) { value, _ in value * 10 }
    }

    var symbol: String? { Self.symbols[code] }

    public var description: String { code }
}
