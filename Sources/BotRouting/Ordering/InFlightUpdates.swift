import Foundation
import TelegramBotAPI

/// Updates admitted for handling: one queue per chat, handled strictly in order, different chats
/// at once, and at most `limit` admitted and unfinished, so a busy bot stops taking updates
/// (back-pressure on polling) instead of piling them up in memory.
actor InFlightUpdates {
    let limit: Int
    private var queues: [Int64: [Update]] = [:]
    /// Keys with a worker taking their queue.
    private var working: Set<Int64> = []
    /// Ids admitted and not finished, for the offset that is safe to confirm.
    private var unfinished: Set<Int64> = []
    private var lastAdmittedID: Int64?
    private var capacityWaiters: [CheckedContinuation<Void, Never>] = []
    private var idleWaiters: [UUID: CheckedContinuation<Void, Never>] = [:]

    init(limit: Int) {
        precondition(limit > 0, "at least one update must be allowed in flight")
        self.limit = limit
    }

    /// The key whose updates must be handled in order: the chat, else the user, else none.
    static func orderingKey(of update: Update) -> Int64 {
        update.chat?.id ?? update.sender?.id ?? -update.updateID
    }

    /// Waits for room, queues the update, and returns its key when a worker must be started for it.
    func admit(_ update: Update) async -> Int64? {
        while unfinished.count >= limit {
            await withCheckedContinuation { capacityWaiters.append($0) }
        }
        let key = Self.orderingKey(of: update)
        unfinished.insert(update.updateID)
        lastAdmittedID = max(lastAdmittedID ?? update.updateID, update.updateID)
        queues[key, default: []].append(update)
        return working.insert(key).inserted ? key : nil
    }

    /// The next update of `key`'s queue; nil ends the worker, atomically with the queue being empty.
    func next(for key: Int64) -> Update? {
        guard var queue = queues[key], !queue.isEmpty else {
            queues[key] = nil
            working.remove(key)
            return nil
        }
        let update = queue.removeFirst()
        queues[key] = queue
        return update
    }

    func finish(_ updateID: Int64) {
        unfinished.remove(updateID)
        if !capacityWaiters.isEmpty { capacityWaiters.removeFirst().resume() }
        if unfinished.isEmpty {
            idleWaiters.values.forEach { $0.resume() }
            idleWaiters.removeAll()
        }
    }

    /// Returns once every admitted update is finished, or when the calling task is cancelled.
    func waitUntilIdle() async {
        let id = UUID()
        await withTaskCancellationHandler {
            guard !unfinished.isEmpty, !Task.isCancelled else { return }
            await withCheckedContinuation { idleWaiters[id] = $0 }
        } onCancel: {
            Task { await self.stopWaiting(id) }
        }
    }

    private func stopWaiting(_ id: UUID) {
        idleWaiters.removeValue(forKey: id)?.resume()
    }

    /// The getUpdates offset that confirms what is finished and nothing that isn't.
    var confirmableOffset: Int64? {
        if let lowest = unfinished.min() { return lowest }
        return lastAdmittedID.map { $0 + 1 }
    }
}
