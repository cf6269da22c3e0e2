/// Tells the dispatcher when something every update needs (the shop's database) is down, so
/// that an update cut short by it waits and is handled again, instead of being apologised for and
/// forgotten; and so that no new update is taken until it is back.
///
/// The dispatcher asks ``isOutage(_:)`` about every error that escapes a handler, the inbox or
/// an intake. The monitor decides which errors mean "unreachable" (a lost connection, not a bad
/// query) and, once it has said yes, watches for the return itself.
public protocol OutageMonitor: Sendable {
    /// Whether `error` means a dependency is unreachable. A yes starts an outage if none is
    /// under way; the monitor then checks the dependency until it answers.
    func isOutage(_ error: any Error) -> Bool
    /// False from the start of an outage until the dependency answers again.
    var isAvailable: Bool { get }
    /// Returns at once when available, else once the outage is over.
    /// - Throws: `CancellationError` when the calling task is cancelled.
    func waitUntilAvailable() async throws
    /// `error` in words for a log line: what the dependency said, where its own description
    /// says nothing (PostgreSQL's errors describe themselves with one fixed sentence).
    func describe(_ error: any Error) -> String
}

extension OutageMonitor {
    public func describe(_ error: any Error) -> String { "\(error)" }
}

/// No dependency that can go away: every error is the handler's own.
public struct NoOutages: OutageMonitor {
    public init() {}
    public func isOutage(_ error: any Error) -> Bool { false }
    public var isAvailable: Bool { true }
    public func waitUntilAvailable() async throws {}
}
