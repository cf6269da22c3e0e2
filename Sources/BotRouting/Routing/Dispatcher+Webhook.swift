import Logging
import ServiceLifecycle

extension Dispatcher {
    /// Handles what `intake` is given by the webhook's requests until graceful shutdown, with the
    /// same rules as polling: the inbox's unhandled updates from an earlier run first, each update
    /// kept before Telegram hears it arrived, each chat in order, at most `maxConcurrentUpdates`
    /// handlers and `maxQueuedUpdates` updates in flight (then the intake answers busy). At
    /// shutdown the intake stops taking updates, and those in flight get `shutdownGracePeriod`.
    ///
    /// Every `orphanSweepInterval` it also takes over the updates a process sharing the inbox
    /// received and could not finish (``UpdateInbox/orphans()``): behind a load balancer, the
    /// survivors handle what a dead replica had already acknowledged to Telegram.
    public func runWebhook(
        _ intake: WebhookIntake, maxConcurrentUpdates: Int = 64, maxQueuedUpdates: Int = 1_000, shutdownGracePeriod: Duration = .seconds(10),
        orphanSweepInterval: Duration = .seconds(5)
    ) async throws {
        logger.info("Taking updates from the webhook")
        try await handleUpdates(
            maxConcurrentUpdates: maxConcurrentUpdates, maxQueuedUpdates: maxQueuedUpdates, shutdownGracePeriod: shutdownGracePeriod,
            orphanSweepInterval: orphanSweepInterval
        ) { flight in
            intake.open(flight, inbox: inbox, outages: outages)
            defer { intake.close() }
            try await gracefulShutdown()
        }
        logger.info("The webhook's updates stopped")
    }
}
