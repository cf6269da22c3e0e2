import Logging
import ServiceLifecycle
import TelegramBotAPI

/// Receives updates by long polling and hands each to `handle`, until graceful shutdown.
///
/// The poller confirms an update only when the next batch is asked for, so an update being
/// handled when the process stops is delivered again on the next start.
public struct PollingService: Service {
    private let poller: UpdatePoller
    private let handle: @Sendable (Update) async -> Void
    private let logger: Logger

    public init(poller: UpdatePoller, logger: Logger, handle: @escaping @Sendable (Update) async -> Void) {
        self.poller = poller
        self.logger = logger
        self.handle = handle
    }

    public func run() async throws {
        logger.info("Polling for updates")
        for try await update in poller.cancelOnGracefulShutdown() {
            await handle(update)
        }
        logger.info("Polling stopped")
    }
}
