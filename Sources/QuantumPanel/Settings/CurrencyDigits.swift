/// Minor-unit digits of currencies and the parsing of amounts typed as text.
///
/// Amounts are integers of minor units from the start, never floating point.
enum CurrencyDigits {
    private static let exceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
        "RWF": 0, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0, "XTR": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    ]

    /// Digits after the decimal point: 2 unless ISO 4217 (or Telegram, for Stars) says otherwise.
    static func minorDigits(of currency: String) -> Int {
        exceptions[currency] ?? 2
    }

    static func minorUnits(wholeUnits: Int64, currency: String) -> Int64 {
        var units = wholeUnits
        for _ in 0..<minorDigits(of: currency) { units *= 10 }
        return units
    }

    /// Reads `9.99`, `9,99` or `10` as minor units; nil for negatives, too many decimals,
    /// anything that is not a plain number, or more than a billion whole units.
    static func parseAmount(_ text: String, minorDigits: Int) -> Int64? {
        let parts = text.split(separator: text.contains(",") ? "," : ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 10, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= minorDigits, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        guard let wholeValue = Int64(whole), wholeValue <= 1_000_000_000 else { return nil }
        let padded = fraction + String(repeating: "0", count: minorDigits - fraction.count)
        var scale: Int64 = 1
        for _ in 0..<minorDigits { scale *= 10 }
        return wholeValue * scale + (Int64(padded) ?? 0)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
