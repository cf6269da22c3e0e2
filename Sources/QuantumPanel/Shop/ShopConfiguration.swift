import Marketplace

/// What the customer screens need from the settings.
public struct ShopConfiguration: Sendable {
    public var premiumPrice: Money
    /// The support contact, without the `@`.
    public var supportUsername: String?
    /// Star amounts offered for top-ups; empty turns Stars top-ups off.
    public var starsTopUps: [Int]

    public init(premiumPrice: Money, supportUsername: String?, starsTopUps: [Int]) {
        self.premiumPrice = premiumPrice
        self.supportUsername = supportUsername
        self.starsTopUps = starsTopUps
    }
}

extension ShopConfiguration {
    public init(settings: Settings) {
        let currency = Currency(code: settings.currency)
        self.init(
            premiumPrice: Money(minorUnits: settings.premiumPriceMinorUnits, currency: currency),
            supportUsername: settings.adminUsername, starsTopUps: settings.starsTopUps
        )
    }
}
