import BotRouting
import ServiceLifecycle

/// Receives updates by long polling and hands them to the dispatcher until graceful shutdown,
/// when the updates in flight finish before the last offset is confirmed.
struct PollingService: Service {
    let dispatcher: Dispatcher

    func run() async throws {
        try await dispatcher.runPolling()
    }
}
