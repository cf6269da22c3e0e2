import Marketplace

/// Where the cache lives (Redis, or the process without it) and how long values stay in it.
public struct CacheSettings: Sendable {
    /// Unset: the cache lives in the process.
    public var redisURL: String?
    /// How long admin checks, customers, the catalogue and the sellers list stay cached.
    public var ttls: CacheTTLs

    public static let redisURLVariable = SettingsVariable("REDIS_URL", secret: true)
    public static let adminTTLVariable = SettingsVariable("CACHE_TTL_ADMIN")
    public static let customerTTLVariable = SettingsVariable("CACHE_TTL_CUSTOMER")
    public static let catalogueTTLVariable = SettingsVariable("CACHE_TTL_CATALOGUE")
    public static let sellersTTLVariable = SettingsVariable("CACHE_TTL_SELLERS")
    public static let variables = [redisURLVariable, adminTTLVariable, customerTTLVariable, catalogueTTLVariable, sellersTTLVariable]

    init?(reading reader: SettingsReader) {
        let redisURL = Self.redisURL(reader)
        let standard = CacheTTLs.standard
        func ttl(_ variable: SettingsVariable, _ standard: Duration) -> Duration? {
            reader.seconds(variable, upTo: 86_400, default: standard, expected: "a number of seconds from 0 (not cached) to 86400")
        }
        let admin = ttl(Self.adminTTLVariable, standard.admin)
        let customer = ttl(Self.customerTTLVariable, standard.customer)
        let catalogue = ttl(Self.catalogueTTLVariable, standard.catalogue)
        let sellers = ttl(Self.sellersTTLVariable, standard.sellers)
        guard let redisURL = redisURL.value, let admin, let customer, let catalogue, let sellers else { return nil }
        self.redisURL = redisURL
        self.ttls = CacheTTLs(admin: admin, customer: customer, catalogue: catalogue, sellers: sellers)
    }

    private static func redisURL(_ reader: SettingsReader) -> SettingsReader.Read<String?> {
        if let text = reader.value(redisURLVariable), text.lowercased().hasPrefix("rediss://") {
            reader.report(
                "\(redisURLVariable) uses rediss:// (TLS), which is not supported: use redis:// to a local Redis or through a TLS tunnel.")
            return .problem
        }
        return reader.url(redisURLVariable, schemes: ["redis"], expected: "redis://[user:password@]host[:port][/db]")
    }
}
