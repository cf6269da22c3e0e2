/// The bot's name and descriptions as set through the Bot API; nil until set.
struct BotProfile {
    var name: String?
    var description: String?
    var shortDescription: String?
}

/// getChatMenuButton's answer: the sandbox keeps Telegram's default menu button.
struct MenuButtonDefault: Encodable, Sendable {
    let type = "default"
}
