import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The bot's one HTTP server on `HTTP_HOST:HTTP_PORT`, in both modes: health, readiness and
/// metrics, and in webhook mode the webhook. A `Service`: it stops gracefully with the others.
enum BotHTTPServer {
    static func make(settings: Settings, readiness: Readiness, webhook: WebhookRoute?, logger: Logger) -> some Service {
        let router = Hummingbird.Router()
        HealthRoutes(readiness: readiness).add(to: router)
        MetricsRoute(registry: MetricsBootstrap.registry).add(to: router)
        webhook?.add(to: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort), serverName: "quantum-panel"),
            onServerRunning: { channel in
                logger.info("HTTP server listening", metadata: ["address": "\(settings.httpHost):\(channel.localAddress?.port ?? settings.httpPort)", "webhook": "\(webhook?.path ?? "none")"])
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
