/// How long each kind of value stays cached. Writes clear what they change at once, so these
/// bound only how long a change made outside the bot (by hand in the database) can go unseen.
public struct CacheTTLs: Sendable, Equatable {
    /// Whether a Telegram user is an admin.
    public var admin: Duration
    /// A customer looked up by id: status, balance shown on screens, language.
    public var customer: Duration
    /// The catalogue's products and prices (stock is always counted live).
    public var catalogue: Duration
    /// The trusted sellers list.
    public var sellers: Duration

    public init(admin: Duration, customer: Duration, catalogue: Duration, sellers: Duration) {
        self.admin = admin
        self.customer = customer
        self.catalogue = catalogue
        self.sellers = sellers
    }

    public static let standard = CacheTTLs(admin: .seconds(600), customer: .seconds(60), catalogue: .seconds(300), sellers: .seconds(600))
}
