import Foundation
import TelegramBotAPI

extension SandboxState {
    static let notModified =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

    /// The chat the bot writes to, refusing unknown chats and users who blocked the bot.
    func writableChat(_ id: Int64) throws(SandboxError) -> ChatRecord {
        guard let record = chats[id] else { throw .badRequest("Bad Request: chat not found") }
        guard !record.isBlocked else { throw .blocked }
        return record
    }

    /// Stores a new message in a chat, numbered and dated as Telegram does.
    func appendMessage(in chatID: Int64, from sender: User, _ fill: (inout Message) -> Void) -> Message {
        var record = chats[chatID]!
        var message = Message(messageID: record.nextMessageID, date: unixTime, chat: record.chat)
        message.from = sender
        fill(&message)
        record.nextMessageID += 1
        record.messages[message.messageID] = message
        chats[chatID] = record
        return message
    }

    /// Stores a message from the bot and tells waiting users.
    func botPosts(in chatID: Int64, _ fill: (inout Message) -> Void) -> Message {
        let message = appendMessage(in: chatID, from: bot, fill)
        chats[chatID]?.botEvents.append(.sent(message))
        notifyChange(of: .chat(chatID))
        return message
    }

    /// Text and entities as the user will see them, after `parse_mode` or `entities`.
    func formatted(
        _ parameters: MethodParameters, text: String, parseModeKey: String = "parse_mode", entitiesKey: String
    ) throws(SandboxError) -> (String, [MessageEntity]?) {
        switch parameters.string(parseModeKey)?.lowercased() {
        case nil, "":
            return (text, try parameters.decode([MessageEntity].self, entitiesKey))
        case "html":
            let parsed: TelegramHTML
            do { parsed = try TelegramHTML(parsing: text) } catch { throw .badRequest("Bad Request: \(error.description)") }
            return (parsed.text, parsed.entities.isEmpty ? nil : parsed.entities)
        case "markdown", "markdownv2":
            // Accepted as sent; the sandbox checks HTML, the mode this bot uses.
            return (text, nil)
        default:
            throw .badRequest("Bad Request: unsupported parse_mode")
        }
    }

    func checkText(_ text: String) throws(SandboxError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .badRequest("Bad Request: message text is empty") }
        guard text.utf16.count <= 4096 else { throw .badRequest("Bad Request: message is too long") }
    }

    func checkCaption(_ caption: String?) throws(SandboxError) {
        if let caption, caption.utf16.count > 1024 { throw .badRequest("Bad Request: message caption is too long") }
    }

    /// The inline keyboard a message gets, checking each button's callback data as Telegram does.
    func inlineKeyboard(_ parameters: MethodParameters) throws(SandboxError) -> InlineKeyboardMarkup? {
        guard parameters.has("reply_markup") else { return nil }
        if let inline = try? parameters.decode(InlineKeyboardMarkup.self, "reply_markup") {
            for button in inline.inlineKeyboard.joined() {
                if let data = button.callbackData, data.utf8.isEmpty || data.utf8.count > 64 {
                    throw .badRequest("Bad Request: BUTTON_DATA_INVALID")
                }
                if button.text.isEmpty { throw .badRequest("Bad Request: text buttons are unallowed in the inline keyboard") }
            }
            return inline
        }
        // A reply keyboard, its removal or a forced reply: valid JSON, nothing kept on the message.
        guard (try? parameters.decode([String: JSONAny].self, "reply_markup")) != nil else {
            throw .badRequest("Bad Request: can't parse reply keyboard markup JSON object")
        }
        return nil
    }

    func sendMessage(_ parameters: MethodParameters) throws(SandboxError) -> Message {
        let chatID = try parameters.chatID()
        let raw = try parameters.requiredString("text", emptyError: "Bad Request: message text is empty")
        let (text, entities) = try formatted(parameters, text: raw, entitiesKey: "entities")
        try checkText(text)
        let keyboard = try inlineKeyboard(parameters)
        _ = try writableChat(chatID)
        return botPosts(in: chatID) { message in
            message.text = text
            message.entities = entities
            message.replyMarkup = keyboard
        }
    }

    /// The bot's message an edit or deletion addresses.
    func existingMessage(_ parameters: MethodParameters, missing: String) throws(SandboxError) -> (chatID: Int64, message: Message) {
        guard !parameters.has("inline_message_id") else { throw .badRequest(missing) }
        let chatID = try parameters.chatID()
        guard let messageID = try parameters.int64("message_id") else { throw .badRequest("Bad Request: message identifier is not specified") }
        guard let record = chats[chatID] else { throw .badRequest("Bad Request: chat not found") }
        guard !record.isBlocked else { throw .blocked }
        guard let message = record.messages[messageID] else { throw .badRequest(missing) }
        return (chatID, message)
    }

    func storeEdit(_ message: Message, in chatID: Int64) -> Message {
        var edited = message
        edited.editDate = unixTime
        chats[chatID]?.messages[message.messageID] = edited
        chats[chatID]?.botEvents.append(.edited(edited))
        notifyChange(of: .chat(chatID))
        return edited
    }

    func editMessageText(_ parameters: MethodParameters) throws(SandboxError) -> Message {
        let (chatID, message) = try existingMessage(parameters, missing: "Bad Request: message to edit not found")
        guard message.from?.id == bot.id else { throw .badRequest("Bad Request: message can't be edited") }
        guard message.text != nil else { throw .badRequest("Bad Request: there is no text in the message to edit") }
        let raw = try parameters.requiredString("text", emptyError: "Bad Request: message text is empty")
        let (text, entities) = try formatted(parameters, text: raw, entitiesKey: "entities")
        try checkText(text)
        let keyboard = try inlineKeyboard(parameters)
        guard text != message.text || entities != message.entities || keyboard != message.replyMarkup else {
            throw .badRequest(Self.notModified)
        }
        var changed = message
        changed.text = text
        changed.entities = entities
        changed.replyMarkup = keyboard
        return storeEdit(changed, in: chatID)
    }

    func editMessageCaption(_ parameters: MethodParameters) throws(SandboxError) -> Message {
        let (chatID, message) = try existingMessage(parameters, missing: "Bad Request: message to edit not found")
        guard message.from?.id == bot.id else { throw .badRequest("Bad Request: message can't be edited") }
        guard message.photo != nil || message.document != nil else { throw .badRequest("Bad Request: there is no caption in the message to edit") }
        let raw = parameters.string("caption") ?? ""
        let (caption, entities) = try formatted(parameters, text: raw, entitiesKey: "caption_entities")
        try checkCaption(caption)
        let keyboard = try inlineKeyboard(parameters)
        let newCaption = caption.isEmpty ? nil : caption
        guard newCaption != message.caption || entities != message.captionEntities || keyboard != message.replyMarkup else {
            throw .badRequest(Self.notModified)
        }
        var changed = message
        changed.caption = newCaption
        changed.captionEntities = entities
        changed.replyMarkup = keyboard
        return storeEdit(changed, in: chatID)
    }

    func editMessageReplyMarkup(_ parameters: MethodParameters) throws(SandboxError) -> Message {
        let (chatID, message) = try existingMessage(parameters, missing: "Bad Request: message to edit not found")
        guard message.from?.id == bot.id else { throw .badRequest("Bad Request: message can't be edited") }
        let keyboard = try inlineKeyboard(parameters)
        guard keyboard != message.replyMarkup else { throw .badRequest(Self.notModified) }
        var changed = message
        changed.replyMarkup = keyboard
        return storeEdit(changed, in: chatID)
    }

    func deleteMessage(_ parameters: MethodParameters) throws(SandboxError) -> Bool {
        let (chatID, message) = try existingMessage(parameters, missing: "Bad Request: message to delete not found")
        chats[chatID]?.messages[message.messageID] = nil
        chats[chatID]?.botEvents.append(.deleted(messageID: message.messageID))
        notifyChange(of: .chat(chatID))
        return true
    }

    func sendChatAction(_ parameters: MethodParameters) throws(SandboxError) -> Bool {
        let chatID = try parameters.chatID()
        let actions: Set = [
            "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document", "choose_sticker",
            "find_location", "record_video_note", "upload_video_note",
        ]
        guard let action = parameters.string("action"), actions.contains(action) else {
            throw .badRequest("Bad Request: wrong parameter action in request")
        }
        _ = try writableChat(chatID)
        return true
    }

    func answerCallbackQuery(_ parameters: MethodParameters) throws(SandboxError) -> Bool {
        let tooOld = SandboxError.badRequest("Bad Request: query is too old and response timeout expired or query ID is invalid")
        guard let id = parameters.string("callback_query_id"), var record = callbackQueries[id], record.answer == nil else { throw tooOld }
        guard now.timeIntervalSince(record.createdAt) <= Double(configuration.callbackQueryLifetime.components.seconds) else { throw tooOld }
        if let text = parameters.string("text"), text.count > 200 { throw .badRequest("Bad Request: MESSAGE_TOO_LONG") }
        record.answer = CallbackAnswer(
            text: parameters.string("text"), showAlert: parameters.bool("show_alert") ?? false, url: parameters.string("url"))
        callbackQueries[id] = record
        notifyChange(of: .chat(record.query.from.id))
        return true
    }

    func setMyCommands(_ parameters: MethodParameters) throws(SandboxError) -> Bool {
        guard let list = try parameters.decode([BotCommand].self, "commands") else {
            throw .badRequest("Bad Request: parameter \"commands\" is required")
        }
        guard list.count <= 100 else { throw .badRequest("Bad Request: too many commands specified") }
        for command in list {
            let valid =
                (1...32).contains(command.command.count) && command.command.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            guard valid else { throw .badRequest("Bad Request: BOT_COMMAND_INVALID") }
            guard (1...256).contains(command.description.count) else { throw .badRequest("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID") }
        }
        commands = list
        return true
    }
}

/// How the bot answered a button press.
public struct CallbackAnswer: Sendable, Equatable, Codable {
    public var text: String?
    public var showAlert: Bool
    public var url: String?

    /// The Bot API's names, as the rest of the control API.
    enum CodingKeys: String, CodingKey {
        case text, url
        case showAlert = "show_alert"
    }
}

/// Any JSON value, to check that a parameter is a JSON object without caring what it holds.
struct JSONAny: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { return }
        if (try? container.decode(Bool.self)) != nil { return }
        if (try? container.decode(Double.self)) != nil { return }
        if (try? container.decode(String.self)) != nil { return }
        if (try? container.decode([JSONAny].self)) != nil { return }
        _ = try container.decode([String: JSONAny].self)
    }
}
