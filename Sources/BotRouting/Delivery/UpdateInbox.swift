import TelegramBotAPI

/// Where received updates wait until their handling finishes, so that none is lost and none is
/// handled twice.
///
/// The dispatcher keeps each batch here before it lets the next getUpdates (or the webhook's 200)
/// confirm it to Telegram, and marks an update handled once its handler returned. After a crash,
/// what is kept and not handled is handled at the next start; an update Telegram delivers again is
/// not handed out a second time.
///
/// - Important: ``receive(_:)`` must be atomic per update id: of two calls with the same id, at
///   once or years apart, exactly one returns it. `InboxConformance` checks every implementation.
public protocol UpdateInbox: Sendable {
    /// Keeps `updates` until they are marked handled.
    /// - Returns: the updates this inbox did not hold yet, in the order given.
    func receive(_ updates: [Update]) async throws -> [Update]
    /// Records that the update's handling finished; it is never handed out again.
    func markHandled(_ updateID: Int64) async throws
    /// The updates kept and not handled (a crash or a shutdown cut them short), oldest first.
    func unhandled() async throws -> [Update]
    /// While running beside other processes that share the inbox: the updates one of them
    /// received and can no longer handle (it died), now this process's to handle, oldest first.
    /// Each is returned to one caller only.
    func orphans() async throws -> [Update]
}

extension UpdateInbox {
    /// An inbox no other process shares has no orphans.
    public func orphans() async throws -> [Update] { [] }
}
