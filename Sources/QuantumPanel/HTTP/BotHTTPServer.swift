import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The bot's HTTP listeners, two so that what the internet reaches is only what it must:
/// the public one on `HTTP_HOST:HTTP_PORT` (the webhooks), and the operations one on
/// `OPS_HOST:OPS_PORT` (health, readiness and metrics, which count sales and revenue). Each is a
/// `Service`: it stops gracefully with the others.
enum BotHTTPServer {
    /// The public listener: Telegram's webhook and Crypto Pay's, those that are on; nil when
    /// there is nothing to serve there (polling, no payment provider).
    static func makePublic(settings: Settings, webhook: WebhookRoute?, cryptoPay: CryptoPayWebhookRoute?, logger: Logger) -> (some Service)? {
        guard webhook != nil || cryptoPay != nil else { return Application<RouterResponder<BasicRequestContext>>?.none }
        let router = Hummingbird.Router()
        webhook?.add(to: router)
        cryptoPay?.add(to: router)
        var metadata: Logger.Metadata = [:]
        if let webhook { metadata["webhook"] = "\(webhook.path)" }
        if let cryptoPay { metadata["cryptopay"] = "\(cryptoPay.path)" }
        return application(
            router, host: settings.http.host, port: settings.http.port, says: "Public server listening", metadata: metadata, logger: logger)
    }

    /// The operations listener: `/healthz`, `/readyz`, `/metrics`.
    static func makeOperations(settings: Settings, readiness: Readiness, stock: StockMetrics?, logger: Logger) -> some Service {
        let router = Hummingbird.Router()
        HealthRoutes(readiness: readiness).add(to: router)
        MetricsRoute(registry: MetricsBootstrap.registry, process: MetricsBootstrap.process, stock: stock).add(to: router)
        return application(
            router, host: settings.http.opsHost, port: settings.http.opsPort, says: "Operations server listening", metadata: [:], logger: logger)
    }

    private static func application(
        _ router: Hummingbird.Router<BasicRequestContext>, host: String, port: Int, says message: Logger.Message, metadata: Logger.Metadata,
        logger: Logger
    ) -> Application<RouterResponder<BasicRequestContext>> {
        Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "quantum-panel"),
            onServerRunning: { channel in
                logger.info(message, metadata: metadata.merging(["address": "\(host):\(channel.localAddress?.port ?? port)"]) { $1 })
            },
            logger: logger
        )
    }

    /// The path Telegram posts to: that of `WEBHOOK_URL`, `/` when it has none.
    static func webhookPath(of url: String) -> String {
        let path = URLComponents(string: url)?.path ?? ""
        return path.isEmpty ? "/" : path
    }
}
