import Foundation
import Metrics
import TelegramBotAPI

/// Updates admitted for handling: one queue per chat, handled strictly in order, different chats
/// at once, taken in turns.
///
/// A worker takes one update of the chat whose turn it is, and the chat goes to the back of the
/// line when it has more, so a chat that sends 500 updates holds one worker at a time and waits
/// its turn like everyone else. At most `queueLimit` updates are admitted and unfinished, so a
/// busy bot stops taking updates (back-pressure on polling) instead of piling them up in memory.
actor InFlightUpdates {
    let queueLimit: Int
    private var queues: [Int64: [Update]] = [:]
    /// Chats with queued updates and no worker on them, in the order of their turns.
    private var ready: [Int64] = []
    private var readyHead = 0
    /// Chats a worker is handling an update of; never in `ready` at the same time.
    private var busy: Set<Int64> = []
    private var admitted = 0 {
        didSet { inFlightGauge.record(admitted) }
    }
    private let inFlightGauge = Gauge(label: "bot_updates_in_flight")
    private var isClosed = false
    private var capacityWaiters: [CheckedContinuation<Void, Never>] = []
    private var workWaiters: [CheckedContinuation<Void, Never>] = []
    private var idleWaiters: [UUID: CheckedContinuation<Void, Never>] = [:]

    init(queueLimit: Int) {
        precondition(queueLimit > 0, "at least one update must be allowed in flight")
        self.queueLimit = queueLimit
    }

    /// The key whose updates must be handled in order: the chat, else the user, else none.
    static func orderingKey(of update: Update) -> Int64 {
        update.chat?.id ?? update.sender?.id ?? -update.updateID
    }

    /// Waits for room, then queues the update behind its chat's earlier ones.
    func admit(_ update: Update) async {
        while admitted >= queueLimit {
            await withCheckedContinuation { capacityWaiters.append($0) }
        }
        admitted += 1
        enqueue(update)
    }

    /// Takes a place for an update without waiting (the webhook answers "busy" instead of
    /// holding Telegram's request); false when full or closed. Follow it with
    /// ``admit(reserved:)`` or ``release()``.
    func reserve() -> Bool {
        guard !isClosed, admitted < queueLimit else { return false }
        admitted += 1
        return true
    }

    /// Queues an update in the place ``reserve()`` took. After ``close()`` the update is left
    /// out: it is in the inbox, for the next start.
    func admit(reserved update: Update) {
        guard !isClosed else { return release() }
        enqueue(update)
    }

    /// Gives back a place ``reserve()`` took.
    func release() {
        admitted -= 1
        wakeAfterRelease()
    }

    private func enqueue(_ update: Update) {
        let key = Self.orderingKey(of: update)
        let wasIdle = queues[key, default: []].isEmpty && !busy.contains(key)
        queues[key, default: []].append(update)
        if wasIdle { makeReady(key) }
    }

    /// The next update to handle, once there is one; nil after ``close()`` when nothing is left.
    func take() async -> Update? {
        while true {
            if readyHead < ready.count {
                let key = ready[readyHead]
                readyHead += 1
                if readyHead > 1024, readyHead * 2 > ready.count {
                    ready.removeFirst(readyHead)
                    readyHead = 0
                }
                busy.insert(key)
                return queues[key]!.removeFirst()
            }
            if isClosed { return nil }
            await withCheckedContinuation { workWaiters.append($0) }
        }
    }

    /// Ends the handling of an update ``take()`` returned: its chat's next update gets a turn.
    func finish(_ update: Update) {
        let key = Self.orderingKey(of: update)
        busy.remove(key)
        if queues[key]?.isEmpty == false {
            makeReady(key)
        } else {
            queues[key] = nil
        }
        admitted -= 1
        wakeAfterRelease()
    }

    private func wakeAfterRelease() {
        if !capacityWaiters.isEmpty { capacityWaiters.removeFirst().resume() }
        if admitted == 0 {
            for waiter in idleWaiters.values { waiter.resume() }
            idleWaiters.removeAll()
        }
    }

    /// No more updates will be admitted: workers waiting for one stop.
    func close() {
        isClosed = true
        for waiter in workWaiters { waiter.resume() }
        workWaiters.removeAll()
    }

    private func makeReady(_ key: Int64) {
        ready.append(key)
        if !workWaiters.isEmpty { workWaiters.removeFirst().resume() }
    }

    /// Returns once every admitted update is finished, or when the calling task is cancelled.
    func waitUntilIdle() async {
        let id = UUID()
        await withTaskCancellationHandler {
            guard admitted > 0, !Task.isCancelled else { return }
            await withCheckedContinuation { idleWaiters[id] = $0 }
        } onCancel: {
            Task { await self.stopWaiting(id) }
        }
    }

    private func stopWaiting(_ id: UUID) {
        idleWaiters.removeValue(forKey: id)?.resume()
    }
}
