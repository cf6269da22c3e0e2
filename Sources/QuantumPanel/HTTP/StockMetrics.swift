import Marketplace
import Prometheus
import Synchronization

/// `shop_unsold_keys{price_id}`: the unsold keys of each price on sale, read when `/metrics` is
/// scraped, so an owner can alert on low stock. A price taken off sale loses its series.
final class StockMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let stats: StatsService
    private let gauges = Mutex<[Int: Gauge]>([:])

    static func descriptor() -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: "shop_unsold_keys", unitName: "", helpText: "Unsold keys of each price on sale, by price id.")
    }

    init(registry: PrometheusCollectorRegistry, stats: StatsService) {
        self.registry = registry
        self.stats = stats
    }

    /// Reads the stock now; when the database doesn't answer, the last figures stay (readiness
    /// reports the outage).
    func update() async {
        guard let prices = try? await stats.lowStock(below: .max) else { return }
        let stock = Dictionary(prices.map { ($0.priceID, $0.stock) }) { first, _ in first }
        let registry = registry
        gauges.withLock { gauges in
            for (priceID, gauge) in gauges where stock[priceID] == nil {
                registry.unregisterGauge(gauge)
                gauges[priceID] = nil
            }
            for (priceID, count) in stock {
                let gauge = gauges[priceID] ?? registry.makeGauge(descriptor: Self.descriptor(), labels: [("price_id", "\(priceID)")])
                gauge.set(to: Double(count))
                gauges[priceID] = gauge
            }
        }
    }
}
