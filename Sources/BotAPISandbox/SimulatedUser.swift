import TelegramBotAPI

/// A Telegram user in the sandbox, talking to the bot in their private chat.
///
/// ```swift
/// let ana = await sandbox.makeUser(firstName: "Ana")
/// try await ana.send("/start")
/// let welcome = try await ana.nextMessage()
/// try await ana.press("Catalogue")
/// ```
public struct SimulatedUser: Sendable {
    public let user: User
    private let state: SandboxState

    init(user: User, state: SandboxState) {
        self.user = user
        self.state = state
    }

    public var id: Int64 { user.id }
    /// The private chat's id, which equals the user's id, as on Telegram.
    public var chatID: Int64 { user.id }

    /// Sends text; a leading `/command` is marked as a bot command.
    @discardableResult
    public func send(_ text: String) async throws(SandboxError) -> Message {
        try await state.userSends(id, text: text)
    }

    /// Presses the inline button with this label on the newest bot message that has one.
    /// - Returns: the callback query's id.
    @discardableResult
    public func press(_ label: String, messageID: Int64? = nil) async throws(SandboxError) -> String {
        try await state.userPresses(id, label: label, messageID: messageID)
    }

    /// Presses the inline button carrying this callback data.
    @discardableResult
    public func press(callbackData: String, messageID: Int64? = nil) async throws(SandboxError) -> String {
        try await state.userPresses(id, callbackData: callbackData, messageID: messageID)
    }

    @discardableResult
    public func sendPhoto(_ bytes: [UInt8], caption: String? = nil) async throws(SandboxError) -> Message {
        try await state.userSendsPhoto(id, bytes: bytes, caption: caption)
    }

    @discardableResult
    public func sendDocument(
        _ bytes: [UInt8], fileName: String, mimeType: String = "text/plain", caption: String? = nil
    ) async throws(SandboxError) -> Message {
        try await state.userSendsDocument(id, bytes: bytes, fileName: fileName, mimeType: mimeType, caption: caption)
    }

    /// Picks `users` with the reply keyboard's user-picker button whose request id is `requestID`.
    @discardableResult
    public func share(_ users: [SimulatedUser], requestID: Int64) async throws(SandboxError) -> Message {
        try await state.userSharesUsers(id, requestID: requestID, picked: users.map(\.id))
    }

    /// Forwards to the bot a message `author` wrote.
    @discardableResult
    public func forward(_ text: String, by author: SimulatedUser, authorHidesAccount: Bool = false) async throws(SandboxError) -> Message {
        try await state.userForwards(id, textBy: author.id, text: text, authorHidesAccount: authorHidesAccount)
    }

    /// The reply keyboard under this user's text box, if the bot left one.
    public func replyKeyboard() async -> ReplyKeyboardMarkup? {
        await state.replyKeyboard(of: id)
    }

    /// Pays the invoice in this message, waiting for the bot's pre-checkout answer.
    /// - Parameter notifyingBot: false loses the successful_payment update, as a network failure
    ///   might; the charge then shows only in getStarTransactions.
    public func pay(invoiceMessageID: Int64, notifyingBot: Bool = true) async throws(SandboxError) -> PaymentOutcome {
        try await state.userPays(id, invoiceMessageID: invoiceMessageID, notifyingBot: notifyingBot)
    }

    /// Blocks the bot; `notifyingBot: false` loses the my_chat_member update Telegram sends.
    public func block(notifyingBot: Bool = true) async {
        await state.setBlocked(id, true, notifyingBot: notifyingBot)
    }

    public func unblock() async {
        await state.setBlocked(id, false)
    }

    /// The next message the bot sent or edited in this chat that this user has not seen yet.
    /// - Throws: ``SandboxError`` when nothing came within `timeout`.
    public func nextMessage(timeout: Duration = .seconds(10)) async throws(SandboxError) -> Message {
        while true {
            guard let event = await state.nextBotEvent(in: chatID, timeout: timeout) else {
                throw SandboxError(code: 408, description: "no message from the bot to \(user.firstName) within \(timeout)")
            }
            if let message = event.message { return message }
        }
    }

    /// The next thing the bot did in this chat (send, edit or delete), or nil after `timeout`.
    public func nextEvent(timeout: Duration = .seconds(10)) async -> BotEvent? {
        await state.nextBotEvent(in: chatID, timeout: timeout)
    }

    /// The chat as this user sees it now.
    public func transcript() async -> [TranscriptEntry] {
        await state.transcript(of: chatID)
    }

    /// How the bot answered a press of this user's.
    public func answer(toCallback queryID: String) async -> CallbackAnswer? {
        await state.callbackAnswer(queryID)
    }
}
