import Foundation
import ServiceLifecycle
import Synchronization
import TelegramBotAPI

/// Where the services that take updates or run jobs wait for ``BotPrelude``: opened with the
/// bot's own user once the database is migrated and the Bot API has answered, or closed when the
/// prelude stopped or failed.
final class PreludeGate: Sendable {
    private enum State {
        case waiting([UUID: CheckedContinuation<User?, Never>])
        case opened(User)
        case closed
    }

    private let state = Mutex(State.waiting([:]))

    func open(as me: User) {
        finish(.opened(me), answer: me)
    }

    func close() {
        finish(.closed, answer: nil)
    }

    private func finish(_ final: State, answer: User?) {
        let waiters = state.withLock { state -> [CheckedContinuation<User?, Never>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = final
            return Array(waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: answer) }
    }

    /// The bot's user once the prelude is done; nil when it stopped or failed, or at graceful
    /// shutdown while still waiting.
    func wait() async -> User? {
        let id = UUID()
        return await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let answer: User?? = state.withLock { state in
                        switch state {
                        case .opened(let me): return .some(me)
                        case .closed: return .some(nil)
                        case .waiting(var waiters):
                            if Task.isCancelled || Task.isShuttingDownGracefully { return .some(nil) }
                            waiters[id] = continuation
                            state = .waiting(waiters)
                            return nil
                        }
                    }
                    if let answer { continuation.resume(returning: answer) }
                }
            } onCancel: {
                leave(id)
            }
        } onGracefulShutdown: {
            self.leave(id)
        }
    }

    /// A waiter that stops waiting is answered nil.
    private func leave(_ id: UUID) {
        let waiter = state.withLock { state -> CheckedContinuation<User?, Never>? in
            guard case .waiting(var waiters) = state, let waiter = waiters.removeValue(forKey: id) else { return nil }
            state = .waiting(waiters)
            return waiter
        }
        waiter?.resume(returning: nil)
    }
}
