import Logging
import Marketplace
import ServiceLifecycle

/// The loop of a background service: `work` at start, every `interval`, and whenever `wakeUp`
/// is nudged, until a graceful shutdown; a failed round is logged and tried again at the next.
enum RepeatingTask {
    static func run(
        every interval: Duration, wakeUp: WakeUpSignal = WakeUpSignal(), logger: Logger, failure: Logger.Message,
        _ work: @escaping @Sendable () async throws -> Void
    ) async {
        // A graceful shutdown cancels the loop, between rounds or inside one: each round's writes
        // are whole transactions, so nothing is half done.
        await cancelWhenGracefulShutdown {
            await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    while true {
                        wakeUp.wake()
                        try await Task.sleep(for: interval)
                    }
                }
                // Ends when the task is cancelled; the ticker is cancelled with it.
                while true {
                    await wakeUp.wait()
                    guard !Task.isCancelled else { break }
                    do {
                        try await work()
                    } catch is CancellationError {
                        break
                    } catch {
                        logger.warning(failure, metadata: ["error": "\(DatabaseFailure.describe(error))"])
                    }
                }
                group.cancelAll()
            }
        }
    }
}
