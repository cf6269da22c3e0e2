/// A nudge to a background service to do its next round now rather than at its interval, so
/// work a handler starts runs inside the service (stopped with it at shutdown) and never holds
/// up the handler's chat. Nudges given while a round runs fold into one more round.
public final class WakeUpSignal: Sendable {
    /// One consumer only: the service that owns the signal.
    let wakeUps: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (wakeUps, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    public func wake() {
        continuation.yield()
    }
}
