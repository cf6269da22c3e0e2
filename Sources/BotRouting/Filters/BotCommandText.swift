import TelegramBotAPI

/// A `/command@bot argument` at the start of a message, split into its parts.
public struct BotCommandText: Sendable, Equatable {
    /// Lowercased, without the slash.
    public var name: String
    /// The bot named after `@`, if any.
    public var mention: String?
    /// What follows the command, trimmed; nil when nothing does (`/start ref42` gives `ref42`).
    public var argument: String?

    public init?(_ message: Message) {
        guard let text = message.text, text.hasPrefix("/") else { return nil }
        self.init(text: text)
    }

    public init?(text: String) {
        guard text.hasPrefix("/") else { return nil }
        let head = text.dropFirst().prefix { !$0.isWhitespace }
        let parts = head.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty else { return nil }
        name = first.lowercased()
        mention = parts.count > 1 ? String(parts[1]) : nil
        let rest = text.dropFirst(1 + head.count).trimmingPrefix { $0.isWhitespace }
        let trimmed = String(rest.reversed().drop { $0.isWhitespace }.reversed())
        argument = trimmed.isEmpty ? nil : trimmed
    }
}
