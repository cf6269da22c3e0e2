import TelegramBotAPI

/// Something the bot did in a chat, as the user sees it happen.
public enum BotEvent: Sendable, Equatable {
    case sent(Message)
    case edited(Message)
    case deleted(messageID: Int64)

    /// The message sent or edited; nil for a deletion.
    public var message: Message? {
        switch self {
        case .sent(let message), .edited(let message): message
        case .deleted: nil
        }
    }
}

/// A Bot API call the bot made, for assertions and latency figures.
public struct RecordedCall: Sendable, Codable {
    public var method: String
    /// The parameters as JSON, uploaded files as `<file name N bytes>`.
    public var parameters: String
    /// Seconds since 1970 when the call arrived.
    public var receivedAt: Double
    /// Seconds the sandbox took to answer.
    public var duration: Double
    public var status: Int
}
