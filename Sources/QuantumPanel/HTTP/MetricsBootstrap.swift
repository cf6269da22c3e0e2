import Metrics
import Prometheus

/// Sends the process's swift-metrics to the Prometheus registry `/metrics` reads. Call once,
/// before anything records a metric, as with logging.
public enum MetricsBootstrap {
    public static func bootstrap() {
        var factory = PrometheusMetricsFactory(registry: registry)
        // Handling an update takes milliseconds; a webhook's answer must come within seconds.
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
    }

    static var registry: PrometheusCollectorRegistry { PrometheusMetricsFactory.defaultRegistry }
}
