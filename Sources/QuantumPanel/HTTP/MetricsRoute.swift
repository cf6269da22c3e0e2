import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics`: every metric the process recorded, in Prometheus's text format.
///
/// The metrics come from swift-metrics; `quantum-panel run` bootstraps it with this registry
/// (``MetricsBootstrap``). Without that bootstrap (a library user's own process) it is empty.
struct MetricsRoute: Sendable {
    let registry: PrometheusCollectorRegistry

    func add(to router: Hummingbird.Router<BasicRequestContext>) {
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
    }
}
