import FluentKit

/// Every service of one shop, sharing one database, currency and cache.
public struct Shop: Sendable {
    public let users: UserService
    public let ledger: LedgerService
    public let purchases: PurchaseService
    public let orders: OrderHistoryService
    public let refunds: RefundService
    public let catalog: CatalogService
    public let stock: StockService
    public let admins: AdminService
    public let sellers: SellerService
    public let stats: StatsService
    public let stars: StarsTopUpService
    public let restock: RestockService
    public let exports: ExportService
    public let broadcasts: BroadcastService
    public let audit: AuditService
    public let currency: Currency

    public init(database: any Database, currency: Currency, rootAdminID: Int64, starValue: Money, cache: any Cache = DisabledCache(), ttls: CacheTTLs = .standard) {
        self.currency = currency
        users = UserService(database: database, currency: currency, cache: cache, ttls: ttls)
        ledger = LedgerService(database: database, currency: currency, cache: cache)
        purchases = PurchaseService(database: database, currency: currency, cache: cache)
        orders = OrderHistoryService(database: database, currency: currency)
        refunds = RefundService(database: database, currency: currency, cache: cache)
        catalog = CatalogService(database: database, currency: currency, cache: cache, ttls: ttls)
        stock = StockService(database: database)
        admins = AdminService(database: database, rootAdminID: rootAdminID, cache: cache, ttls: ttls)
        sellers = SellerService(database: database, cache: cache, ttls: ttls)
        stats = StatsService(database: database, currency: currency)
        restock = RestockService(database: database)
        exports = ExportService(database: database, currency: currency)
        broadcasts = BroadcastService(database: database, cache: cache)
        audit = AuditService(database: database)
        stars = StarsTopUpService(database: database, currency: currency, starValue: starValue, cache: cache)
    }
}
