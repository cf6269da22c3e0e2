import Synchronization

/// A nudge to a background service to do its next round now rather than at its interval, so
/// work a handler starts runs inside the service (stopped with it at shutdown) and never holds
/// up the handler's chat. Nudges given while a round runs fold into one more round.
///
/// The service may stop and run again (a process that loses the lead and leads anew), so the
/// signal outlives any one wait.
public final class WakeUpSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    public func wake() {
        let waiter = state.withLock { state in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil as CheckedContinuation<Void, Never>?
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the next nudge, at once when one came since the last wait, or when the task
    /// is cancelled. One waiter at a time: the service that owns the signal.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state in
                    if Task.isCancelled { return true }
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.waiter = nil }
                return state.waiter
            }?.resume()
        }
    }
}
