import Marketplace

/// What the customer screens need from the settings.
public struct ShopConfiguration: Sendable {
    public var premiumPrice: Money
    /// The support contact, without the `@`.
    public var supportUsername: String?
    /// Star amounts offered for top-ups; empty turns Stars top-ups off.
    public var starsTopUps: [Int]
    /// A price with fewer unsold keys than this is low on stock (`LOW_STOCK_THRESHOLD`).
    public var lowStockThreshold: Int
    /// Whether the broadcast dialog offers paid broadcasts (`PAID_BROADCASTS`).
    public var paidBroadcasts: Bool
    /// Broadcast messages a second (`BROADCAST_PER_SECOND`).
    public var broadcastPerSecond: Int
    /// The amounts offered for a crypto top-up (`CRYPTO_PAY_TOP_UPS`); offered only with Crypto Pay on.
    public var cryptoTopUps: [Money] = []
    /// The assets a crypto top-up may be paid in (`CRYPTO_PAY_ASSETS`).
    public var cryptoAssets: [String] = []

    public init(
        premiumPrice: Money, supportUsername: String?, starsTopUps: [Int], lowStockThreshold: Int = 5, paidBroadcasts: Bool = false,
        broadcastPerSecond: Int = 25
    ) {
        self.premiumPrice = premiumPrice
        self.supportUsername = supportUsername
        self.starsTopUps = starsTopUps
        self.lowStockThreshold = lowStockThreshold
        self.paidBroadcasts = paidBroadcasts
        self.broadcastPerSecond = broadcastPerSecond
    }
}

extension ShopConfiguration {
    public init(settings: Settings) {
        self.init(
            premiumPrice: settings.shop.premiumPrice,
            supportUsername: settings.telegram.adminUsername, starsTopUps: settings.shop.starsTopUps,
            lowStockThreshold: settings.shop.lowStockThreshold, paidBroadcasts: settings.broadcasts.paid,
            broadcastPerSecond: settings.broadcasts.perSecond
        )
        cryptoTopUps = settings.cryptoPay?.amounts ?? []
        cryptoAssets = settings.cryptoPay?.assets ?? []
    }
}

extension ShopConfiguration {
    /// The payment providers customers are offered, in the order the Balance screen shows them.
    var topUpProviders: [TopUpProviderID] {
        (starsTopUps.isEmpty ? [] : [.stars]) + (cryptoTopUps.isEmpty ? [] : [.cryptoPay])
    }
}
