import Foundation
import Marketplace

/// What the shop sells in and charges: its currency, the premium upgrade, Stars top-ups, and
/// when stock counts as low.
public struct ShopSettings: Sendable {
    public var currency: Currency
    /// The premium upgrade's price.
    public var premiumPrice: Money
    /// The Stars amounts a customer can top up with.
    public var starsTopUps: [Int]
    /// How much balance one Star buys.
    public var starValue: Money
    /// A price with fewer unsold keys than this is flagged in the admin panel and its dashboard.
    public var lowStockThreshold: Int

    public static let currencyVariable = SettingsVariable("CURRENCY")
    public static let premiumPriceVariable = SettingsVariable("PREMIUM_PRICE")
    public static let starsTopUpsVariable = SettingsVariable("STARS_TOP_UPS")
    public static let starValueVariable = SettingsVariable("STAR_VALUE")
    public static let lowStockThresholdVariable = SettingsVariable("LOW_STOCK_THRESHOLD")
    public static let variables = [currencyVariable, premiumPriceVariable, starsTopUpsVariable, starValueVariable, lowStockThresholdVariable]

    init?(reading reader: SettingsReader) {
        let code = Self.currencyCode(reader)
        // The amounts are checked in the shop's currency, or in USD's when it is wrong itself.
        let currency = Currency(code: code ?? "USD")
        let premiumPrice = reader.amount(Self.premiumPriceVariable, currency: currency, default: 10 * currency.scale, allowZero: true)
        let starsTopUps = Self.starsTopUps(reader)
        let starValue = reader.amount(Self.starValueVariable, currency: currency, default: 1, allowZero: false)
        let lowStockThreshold = reader.integer(
            Self.lowStockThresholdVariable, in: 0...1_000_000, default: 5, expected: "a number of keys from 0 to 1000000")
        guard code != nil, let premiumPrice, let starsTopUps, let starValue, let lowStockThreshold else { return nil }
        self.currency = currency
        self.premiumPrice = premiumPrice
        self.starsTopUps = starsTopUps
        self.starValue = starValue
        self.lowStockThreshold = lowStockThreshold
    }

    private static func currencyCode(_ reader: SettingsReader) -> String? {
        guard let text = reader.value(currencyVariable) else { return "USD" }
        let code = text.uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            reader.report("\(currencyVariable) must be a three-letter ISO 4217 code such as USD or EUR, got \(reader.quoted(text)).")
            return nil
        }
        return code
    }

    /// Telegram takes 1 to 10000 Stars in one invoice; six buttons fit a screen.
    private static func starsTopUps(_ reader: SettingsReader) -> [Int]? {
        guard let text = reader.value(starsTopUpsVariable) else { return [50, 100, 250, 500, 1000] }
        let amounts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...6).contains(amounts.count), amounts.allSatisfy({ $0.map { (1...10_000).contains($0) } ?? false }) else {
            reader.report(
                "\(starsTopUpsVariable) must be 1 to 6 comma-separated Star amounts from 1 to 10000, such as 100,250,500, got \(reader.quoted(text))."
            )
            return nil
        }
        return Array(Set(amounts.compactMap { $0 })).sorted()
    }
}
