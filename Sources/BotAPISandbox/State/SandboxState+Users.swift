import Foundation
import TelegramBotAPI

extension SandboxState {
    /// A new Telegram user with a private chat with the bot.
    public func createUser(
        firstName: String, lastName: String? = nil, username: String? = nil, languageCode: String? = "en", isPremium: Bool? = nil
    ) -> User {
        var user = User(id: nextUserID, isBot: false, firstName: firstName)
        user.lastName = lastName
        user.username = username
        user.languageCode = languageCode
        user.isPremium = isPremium
        nextUserID += 1
        users[user.id] = user
        var chat = Chat(id: user.id, type: "private")
        chat.firstName = firstName
        chat.lastName = lastName
        chat.username = username
        chats[user.id] = ChatRecord(chat: chat)
        return user
    }

    /// Every simulated user, oldest first.
    public func allUsers() -> [User] {
        users.values.sorted { $0.id < $1.id }
    }

    func user(_ id: Int64) throws(SandboxError) -> User {
        guard let user = users[id] else { throw .badRequest("Bad Request: user not found") }
        return user
    }

    /// Stores a message the user wrote in their chat with the bot and queues it as an update.
    @discardableResult
    func userPosts(_ userID: Int64, _ fill: (inout Message) -> Void) throws(SandboxError) -> Message {
        let user = try user(userID)
        if chats[userID]?.isBlocked == true {
            // Writing to a bot one blocked means restarting it, which unblocks it.
            setBlocked(userID, false)
        }
        let message = appendMessage(in: userID, from: user, fill)
        notifyChange(of: .chat(userID))
        enqueue { id in
            var update = Update(updateID: id)
            update.message = message
            return update
        }
        return message
    }

    /// The user sends text; a leading `/command` (also `/command@bot`) gets its bot_command entity.
    public func userSends(_ userID: Int64, text: String) throws(SandboxError) -> Message {
        try userPosts(userID) { message in
            message.text = text
            message.entities = Self.commandEntities(in: text)
        }
    }

    static func commandEntities(in text: String) -> [MessageEntity]? {
        guard text.hasPrefix("/") else { return nil }
        let command = text.prefix { !$0.isWhitespace }
        guard command.count > 1 else { return nil }
        return [MessageEntity(type: "bot_command", offset: 0, length: Int64(command.utf16.count))]
    }

    /// The user presses an inline button of one of the bot's messages.
    ///
    /// - Parameters:
    ///   - messageID: the message; nil means the newest bot message that has a matching button.
    ///   - label: the button's text, or nil to match by `callbackData`.
    /// - Returns: the callback query's id, to look up the bot's answer.
    public func userPresses(
        _ userID: Int64, label: String? = nil, callbackData: String? = nil, messageID: Int64? = nil
    ) throws(SandboxError) -> String {
        let user = try user(userID)
        guard let record = chats[userID] else { throw .badRequest("Bad Request: chat not found") }
        let matches = { (button: InlineKeyboardButton) in
            button.callbackData != nil && (label == nil || button.text == label) && (callbackData == nil || button.callbackData == callbackData)
        }
        let candidates = record.messages.values
            .filter { $0.from?.id == bot.id && (messageID == nil || $0.messageID == messageID) }
            .sorted { $0.messageID > $1.messageID }
        guard let message = candidates.first(where: { $0.replyMarkup?.inlineKeyboard.joined().contains(where: matches) == true }),
            let button = message.replyMarkup?.inlineKeyboard.joined().first(where: matches)
        else {
            throw .badRequest("Bad Request: no button \(label.map { "labelled \"\($0)\"" } ?? "with data \"\(callbackData ?? "")\"") in the chat")
        }
        return pressCallback(from: user, on: message, data: button.callbackData)
    }

    /// Queues the callback query of a press, kept so the bot's answer can be read back.
    private func pressCallback(from user: User, on message: Message, data: String?) -> String {
        var query = CallbackQuery(id: String(random.next() % 1_000_000_000_000_000), from: user, chatInstance: "\(user.id * 7 + 3)")
        query.message = message
        query.data = data
        callbackQueries[query.id] = CallbackRecord(query: query, createdAt: now)
        let pressed = query
        enqueue { id in
            var update = Update(updateID: id)
            update.callbackQuery = pressed
            return update
        }
        return query.id
    }

    /// A press a modified client sends: `data` on message `messageID` of the user's chat, whatever
    /// buttons that message has, even one deleted or never sent. The bot can answer it.
    /// - Returns: the callback query's id.
    public func userSendsCallbackData(_ userID: Int64, data: String, messageID: Int64) throws(SandboxError) -> String {
        let message = chats[userID]?.messages[messageID] ?? Message(messageID: messageID, date: 1, chat: Chat(id: userID, type: "private"))
        return pressCallback(from: try user(userID), on: message, data: data)
    }

    /// How the bot answered a callback query, once it has.
    public func callbackAnswer(_ queryID: String) -> CallbackAnswer? {
        callbackQueries[queryID]?.answer
    }

    /// The user blocks (or unblocks) the bot; the bot gets a my_chat_member update either way.
    /// - Parameter notifyingBot: false loses that update, as a long outage might; the bot then
    ///   learns of the block from its next send.
    public func setBlocked(_ userID: Int64, _ blocked: Bool, notifyingBot: Bool = true) {
        guard let user = users[userID], var record = chats[userID], record.isBlocked != blocked else { return }
        record.isBlocked = blocked
        chats[userID] = record
        notifyChange(of: .chat(userID))
        guard notifyingBot else { return }
        let change = ChatMemberUpdated(
            chat: record.chat, from: user, date: unixTime,
            oldChatMember: ChatMember(status: blocked ? "member" : "kicked", user: bot),
            newChatMember: ChatMember(status: blocked ? "kicked" : "member", user: bot)
        )
        enqueue { id in
            var update = Update(updateID: id)
            update.myChatMember = change
            return update
        }
    }

    /// The next thing the bot did in the user's chat that this has not handed out yet, waiting
    /// up to `timeout` for it; nil when nothing came.
    public func nextBotEvent(in chatID: Int64, timeout: Duration) async -> BotEvent? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let record = chats[chatID], record.readCursor < record.botEvents.count {
                chats[chatID]?.readCursor += 1
                return record.botEvents[record.readCursor]
            }
            guard ContinuousClock.now < deadline, !Task.isCancelled, !isClosed else { return nil }
            await waitForChange(of: .chat(chatID), until: deadline)
        }
    }

    /// The chat as its user sees it now: every message still there, edits applied.
    public func transcript(of chatID: Int64) -> [TranscriptEntry] {
        guard let record = chats[chatID] else { return [] }
        return record.messages.values.sorted { $0.messageID < $1.messageID }.map { TranscriptEntry($0, botID: bot.id) }
    }

    /// Whether the user has blocked the bot.
    public func isBlocked(_ userID: Int64) -> Bool {
        chats[userID]?.isBlocked ?? false
    }
}

/// One message of a chat as a person sees it.
public struct TranscriptEntry: Sendable, Equatable, Codable {
    public struct Button: Sendable, Equatable, Codable {
        public var text: String
        public var callbackData: String?
        public var url: String?

        enum CodingKeys: String, CodingKey {
            case text, url
            case callbackData = "callback_data"
        }
    }

    public var messageID: Int64
    /// `bot` or `user`.
    public var sender: String
    /// The text or caption, or a short description of what else it is (`[photo]`, `[invoice …]`).
    public var text: String
    public var buttons: [[Button]]
    public var isEdited: Bool

    enum CodingKeys: String, CodingKey {
        case sender, text, buttons
        case messageID = "message_id"
        case isEdited = "is_edited"
    }

    init(_ message: Message, botID: Int64) {
        messageID = message.messageID
        sender = message.from?.id == botID ? "bot" : "user"
        isEdited = message.editDate != nil
        buttons = (message.replyMarkup?.inlineKeyboard ?? []).map { row in
            row.map { Button(text: $0.text, callbackData: $0.callbackData, url: $0.url) }
        }
        if let text = message.text {
            self.text = text
        } else if let invoice = message.invoice {
            self.text = "[invoice \(invoice.title): \(invoice.totalAmount) \(invoice.currency)]"
        } else if let payment = message.successfulPayment {
            self.text = "[paid \(payment.totalAmount) \(payment.currency)]"
        } else if let refund = message.refundedPayment {
            self.text = "[refunded \(refund.totalAmount) \(refund.currency)]"
        } else if message.photo != nil {
            self.text = message.caption.map { "[photo] \($0)" } ?? "[photo]"
        } else if let document = message.document {
            self.text = "[document \(document.fileName ?? "")]" + (message.caption.map { " \($0)" } ?? "")
        } else {
            self.text = ""
        }
    }
}
