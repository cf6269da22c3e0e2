import Metrics

/// What the shop counts, through swift-metrics (nothing unless the process bootstraps a
/// backend). No label carries a customer, a product's name or a key.
enum ShopMetrics {
    /// A purchase committed (not an idempotent repeat): one more sale, its keys and its amount.
    static func sold(_ receipt: OrderReceipt) {
        let currency = [("currency", receipt.amount.currency.code)]
        Counter(label: "shop_purchases_total").increment()
        Counter(label: "shop_keys_sold_total").increment(by: receipt.quantity)
        Counter(label: "shop_revenue_minor_units_total", dimensions: currency).increment(by: Int(receipt.amount.minorUnits))
    }

    // Made once: a tap looks the cache up several times, and making a counter is a locked
    // look-up in the backend's registry. First used after the process bootstraps its backend.
    private static let cacheHits = Counter(label: "cache_lookups_total", dimensions: [("result", "hit")])
    private static let cacheMisses = Counter(label: "cache_lookups_total", dimensions: [("result", "miss")])

    /// A cache look-up answered from the cache (hit) or by the database (miss).
    static func cacheLookup(hit: Bool) {
        (hit ? cacheHits : cacheMisses).increment()
    }

    /// Whether Redis, behind the cache, answers: 1 or 0.
    static func cacheBackend(up: Bool) {
        Gauge(label: "redis_up").record(up ? 1 : 0)
    }
}
