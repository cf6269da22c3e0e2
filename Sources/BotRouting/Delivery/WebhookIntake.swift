import Synchronization
import TelegramBotAPI

/// Where the webhook's requests hand updates to a running dispatcher
/// (``Dispatcher/runWebhook(_:maxConcurrentUpdates:maxQueuedUpdates:shutdownGracePeriod:)``).
///
/// Telegram counts an update delivered once the webhook answers 2xx, so ``deliver(_:)`` answers
/// ``Outcome/accepted`` only once the update is kept in the inbox and has its place among the
/// updates in flight. When that place can't be had at once it answers ``Outcome/busy`` and keeps
/// nothing, so Telegram sends it again later: a full bot sheds load instead of queueing without
/// bound, and an update refused is never one the inbox would then call already received.
public final class WebhookIntake: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Kept and queued for handling: answer 200.
        case accepted
        /// The inbox already held it (Telegram sent it again, or another replica took it): answer 200.
        case alreadyReceived
        /// As many updates in flight as allowed: answer 503, and Telegram tries again later.
        case busy
        /// The dispatcher isn't running (starting, or stopping): answer 503.
        case notRunning
        /// The database is down (``OutageMonitor``): answer 503, and Telegram tries again later.
        case unavailable
    }

    private struct Running {
        let flight: InFlightUpdates
        let inbox: any UpdateInbox
        let outages: any OutageMonitor
    }

    // Set while the dispatcher runs, so a request knows where to put its update.
    private let running = Mutex<Running?>(nil)

    public init() {}

    /// Whether a dispatcher is running behind the intake, so that an update would be taken.
    public var isOpen: Bool { running.withLock { $0 != nil } }

    /// Hands `update` to the dispatcher.
    /// - Throws: the inbox's error when it can't keep the update (answer 500; Telegram retries).
    public func deliver(_ update: Update) async throws -> Outcome {
        guard let running = running.withLock({ $0 }) else { return .notRunning }
        guard running.outages.isAvailable else { return .unavailable }
        guard await running.flight.reserve() else { return .busy }
        let kept: [Update]
        do {
            kept = try await running.inbox.receive([update])
        } catch {
            await running.flight.release()
            if running.outages.isOutage(error) { return .unavailable }
            throw error
        }
        guard !kept.isEmpty else {
            await running.flight.release()
            return .alreadyReceived
        }
        await running.flight.admit(reserved: update)
        return .accepted
    }

    func open(_ flight: InFlightUpdates, inbox: any UpdateInbox, outages: any OutageMonitor) {
        running.withLock { $0 = Running(flight: flight, inbox: inbox, outages: outages) }
    }

    func close() {
        running.withLock { $0 = nil }
    }
}
