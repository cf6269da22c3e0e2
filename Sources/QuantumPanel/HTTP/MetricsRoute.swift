import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics`: every metric the process recorded, in Prometheus's text format, with the
/// process's own figures and the stock read at the scrape.
///
/// The metrics come from swift-metrics; `quantum-panel run` bootstraps it with this registry
/// (``MetricsBootstrap``). Without that bootstrap (a library user's own process) only the
/// process's and the stock's figures are there.
struct MetricsRoute: Sendable {
    let registry: PrometheusCollectorRegistry
    let process: ProcessMetrics
    let stock: StockMetrics?

    func add(to router: Hummingbird.Router<BasicRequestContext>) {
        router.get("metrics") { _, _ in
            process.update()
            await stock?.update()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
    }
}
