import Logging
import TelegramBotAPI

/// Logs one line per update: its id, kind, sender and chat, never its text.
///
/// The whole handling of updates until the dispatcher arrives (issue 4); afterwards, the
/// metadata it builds is what every update's logger carries.
public struct UpdateLogger: Sendable {
    private let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func log(_ update: Update) {
        logger.info("Update received", metadata: Self.metadata(for: update))
    }

    /// `update.id`, `update.kind`, `user.id` and `chat.id`, as far as the update has them.
    public static func metadata(for update: Update) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["update.id": "\(update.updateID)", "update.kind": "\(update.kind.name)"]
        if let user = update.sender { metadata["user.id"] = "\(user.id)" }
        if let chat = update.chat { metadata["chat.id"] = "\(chat.id)" }
        return metadata
    }
}
