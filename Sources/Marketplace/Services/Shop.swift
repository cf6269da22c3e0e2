import FluentKit

/// Every service of one shop, sharing one database, currency and cache.
public struct Shop: Sendable {
    public let users: UserService
    public let ledger: LedgerService
    public let purchases: PurchaseService
    public let orders: OrderHistoryService
    public let refunds: RefundService
    public let catalogue: CatalogueService
    public let stock: StockService
    public let admins: AdminService
    public let sellers: SellerService
    public let stats: StatsService
    public let stars: StarsTopUpService
    public let topUps: TopUpService
    public let promos: PromoService
    public let restock: RestockService
    public let exports: ExportService
    public let broadcasts: BroadcastService
    public let audit: AuditService
    public let currency: Currency

    public init(
        database: any Database, currency: Currency, rootAdminID: Int64, starValue: Money, cache: any Cache = DisabledCache(),
        ttls: CacheTTLs = .standard, promoFloor: Money? = nil
    ) {
        self.currency = currency
        // First: every service that changes the shop for an admin asks it whether their role allows it.
        let admins = AdminService(database: database, rootAdminID: rootAdminID, cache: cache, ttls: ttls)
        self.admins = admins
        users = UserService(database: database, currency: currency, cache: cache, ttls: ttls, permissions: admins)
        ledger = LedgerService(database: database, currency: currency, cache: cache, permissions: admins)
        purchases = PurchaseService(database: database, currency: currency, cache: cache, promoFloor: promoFloor)
        orders = OrderHistoryService(database: database, currency: currency)
        refunds = RefundService(database: database, currency: currency, cache: cache, permissions: admins)
        catalogue = CatalogueService(database: database, currency: currency, cache: cache, ttls: ttls, permissions: admins)
        stock = StockService(database: database, permissions: admins)
        sellers = SellerService(database: database, cache: cache, ttls: ttls, permissions: admins)
        stats = StatsService(database: database, currency: currency)
        restock = RestockService(database: database)
        exports = ExportService(database: database, currency: currency)
        broadcasts = BroadcastService(database: database, cache: cache, permissions: admins)
        audit = AuditService(database: database)
        topUps = TopUpService(database: database, currency: currency, cache: cache)
        promos = PromoService(database: database, currency: currency, floor: promoFloor, permissions: admins)
        stars = StarsTopUpService(database: database, currency: currency, starValue: starValue, cache: cache, permissions: admins)
    }
}
