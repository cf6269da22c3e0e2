import Logging
import ServiceLifecycle

/// The loop of a background service: `work` at start and every `interval` until a graceful
/// shutdown; a failed round is logged and tried again at the next.
enum RepeatingTask {
    static func run(every interval: Duration, logger: Logger, failure: Logger.Message, _ work: @escaping @Sendable () async throws -> Void) async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    do {
                        try await work()
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        logger.warning(failure, metadata: ["error": "\(error)"])
                    }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Graceful shutdown: each round's writes are whole transactions, so nothing is half done.
        }
    }
}
