extension Message {
    /// False for an InaccessibleMessage: Telegram sends date 0 for a message the bot can no
    /// longer see (deleted, or older than 48 hours in a callback query).
    public var isAccessible: Bool {
        date != 0
    }
}
