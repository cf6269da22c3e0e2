import Foundation
import Logging
import Synchronization

/// An ``OutageMonitor`` for one dependency: an error `diagnose` recognises starts an outage, and
/// `probe` is tried at once, then with a growing pause (from `firstRetry` up to `maxRetry`) until
/// it succeeds, which ends the outage and wakes every waiter. An outage is logged once, when the
/// first probe fails too, and its end once, with its length; a failure the first probe doesn't
/// confirm (one dead connection) is no outage, and only a debug line.
public final class DependencyMonitor: OutageMonitor {
    /// What the log calls the dependency: "The database".
    public let name: String
    let diagnose: @Sendable (any Error) -> String?
    let describing: @Sendable (any Error) -> String
    let probe: @Sendable () async throws -> Void
    let firstRetry: Duration
    let maxRetry: Duration
    let logger: Logger

    private struct State {
        var outageStartedAt: ContinuousClock.Instant?
        var waiters: [UUID: CheckedContinuation<Void, any Error>] = [:]
    }

    // Guards the outage's start and the tasks waiting for its end.
    private let state = Mutex(State())

    /// - Parameters:
    ///   - diagnose: why `error` means the dependency is unreachable ("connection refused"), or
    ///     nil when it is not that kind of error.
    ///   - describe: any error in words, for the log.
    ///   - probe: succeeds once the dependency answers again.
    public init(
        name: String, firstRetry: Duration = .milliseconds(200), maxRetry: Duration = .seconds(1), logger: Logger,
        diagnose: @escaping @Sendable (any Error) -> String?, describe: @escaping @Sendable (any Error) -> String = { "\($0)" },
        probe: @escaping @Sendable () async throws -> Void
    ) {
        self.name = name
        self.diagnose = diagnose
        self.describing = describe
        self.probe = probe
        self.firstRetry = firstRetry
        self.maxRetry = maxRetry
        self.logger = logger
    }

    public func describe(_ error: any Error) -> String { describing(error) }

    public var isAvailable: Bool { state.withLock { $0.outageStartedAt == nil } }

    public func isOutage(_ error: any Error) -> Bool {
        guard let reason = diagnose(error) else { return false }
        let starts = state.withLock { state in
            guard state.outageStartedAt == nil else { return false }
            state.outageStartedAt = .now
            return true
        }
        if starts {
            Task { await self.probeUntilBack(firstReason: reason) }
        }
        return true
    }

    public func waitUntilAvailable() async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let waiting = state.withLock { state in
                    guard state.outageStartedAt != nil, !Task.isCancelled else { return false }
                    state.waiters[id] = continuation
                    return true
                }
                if !waiting { Task.isCancelled ? continuation.resume(throwing: CancellationError()) : continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }

    private func probeUntilBack(firstReason: String) async {
        var pause = firstRetry
        // A new reason is worth a line (the server is up again but refuses us); the same one is not.
        var lastReason = firstReason
        // Asked at once: a connection that died earlier (the pool's, after a restart) fails its
        // query while the dependency answers. That is not an outage, and not worth a warning.
        var isOutage = false
        while true {
            do {
                try await probe()
                break
            } catch {
                if !isOutage {
                    isOutage = true
                    logger.warning("\(name) is unreachable: no new update is taken until it is back", metadata: ["error": "\(firstReason)"])
                }
                let reason = diagnose(error) ?? describing(error)
                if reason != lastReason {
                    logger.notice("\(name) is still unreachable", metadata: ["error": "\(reason)"])
                    lastReason = reason
                }
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, maxRetry)
            }
        }
        let (startedAt, waiters) = state.withLock { state in
            defer { state = State() }
            return (state.outageStartedAt, state.waiters.values)
        }
        if isOutage {
            let length = startedAt.map { $0.duration(to: .now) } ?? .zero
            let seconds = Double(length.components.seconds) + Double(length.components.attoseconds) / 1e18
            logger.notice("\(name) answers again; taking updates", metadata: ["outage.seconds": "\(String(format: "%.1f", seconds))"])
        } else {
            logger.debug("\(name) answered at once after a failure: a lost connection, not an outage", metadata: ["error": "\(firstReason)"])
        }
        for waiter in waiters { waiter.resume() }
    }
}
