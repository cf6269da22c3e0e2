/// Whose conversation state this is: one user in one chat.
public struct StorageKey: Hashable, Sendable, CustomStringConvertible {
    public var chatID: Int64
    public var userID: Int64

    public init(chatID: Int64, userID: Int64) {
        self.chatID = chatID
        self.userID = userID
    }

    public var description: String { "\(chatID):\(userID)" }
}

/// Where conversation state lives: memory for tests, the database or Redis in production.
///
/// Every implementation must pass `StateStorageConformance` in the tests, so that the bot
/// behaves the same whichever is configured.
public protocol StateStorage: Sendable {
    /// The current state's qualified name (`group:state`), or nil outside any flow.
    func state(for key: StorageKey) async throws -> String?
    func setState(_ state: String?, for key: StorageKey) async throws
    /// The flow's data: JSON-encoded values by name.
    func data(for key: StorageKey) async throws -> [String: [UInt8]]
    func setData(_ data: [String: [UInt8]], for key: StorageKey) async throws
}
