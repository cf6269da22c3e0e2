import Metrics
import Prometheus

/// Sends the process's swift-metrics to the Prometheus registry `/metrics` reads. Call once,
/// before anything records a metric, as with logging.
public enum MetricsBootstrap {
    public static func bootstrap() {
        MetricsSystem.bootstrap(DescribedMetricsFactory(registry: registry))
    }

    static var registry: PrometheusCollectorRegistry { PrometheusMetricsFactory.defaultRegistry }
    /// One per registry: a metric's name is registered once.
    static let process = ProcessMetrics(registry: registry)
}
