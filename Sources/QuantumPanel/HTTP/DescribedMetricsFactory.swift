import CoreMetrics
import Prometheus

/// swift-metrics into the Prometheus registry, each metric with its `# HELP` line (swift-prometheus's
/// own factory leaves them out, and `promtool check metrics` reports every one).
struct DescribedMetricsFactory: MetricsFactory {
    let registry: PrometheusCollectorRegistry
    /// Handling an update takes milliseconds; a webhook's answer must come within seconds.
    var durationBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]
    var valueBuckets: [Double] = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000]

    /// What each metric the bot records means, as `/metrics` says it.
    static let help: [String: String] = [
        "bot_updates_total": "Updates handled, by kind and by the handler that took them.",
        "bot_update_duration_seconds": "How long handling an update took, by kind.",
        "bot_updates_in_flight": "Updates being handled now.",
        "telegram_api_requests_total": "Bot API calls, by method and result.",
        "telegram_api_retry_wait_seconds_total": "Seconds spent waiting before retrying Bot API calls, by reason.",
        "shop_purchases_total": "Completed purchases.",
        "shop_keys_sold_total": "Keys sold.",
        "shop_revenue_minor_units_total": "Revenue from purchases, in the currency's minor units (cents), by currency.",
        "cache_lookups_total": "Cache lookups, by result (hit or miss).",
        "redis_up": "1 while Redis answers, 0 while it is down.",
        "broadcast_messages_total": "Broadcast messages, by result.",
    ]

    static func descriptor(_ label: String) -> MetricNameDescriptor {
        // A metric of a dependency's, unknown here, still gets a line: its name in words.
        MetricNameDescriptor(metricName: label, unitName: "", helpText: help[label] ?? label.split(separator: "_").joined(separator: " "))
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: Self.descriptor(label), labels: dimensions)
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(descriptor: Self.descriptor(label), labels: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard aggregate else { return registry.makeGauge(descriptor: Self.descriptor(label), labels: dimensions) }
        return registry.makeValueHistogram(descriptor: Self.descriptor(label), labels: dimensions, buckets: valueBuckets)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(descriptor: Self.descriptor(label), labels: dimensions)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(descriptor: Self.descriptor(label), labels: dimensions, buckets: durationBuckets)
    }

    func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    func destroyRecorder(_ handler: any RecorderHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
        if let histogram = handler as? ValueHistogram { registry.unregisterValueHistogram(histogram) }
    }

    func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
    }

    func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? DurationHistogram { registry.unregisterDurationHistogram(histogram) }
    }
}
