import Logging
import Synchronization
import TelegramBotAPI

/// What a handler gets besides the update's content: the bot, the conversation state, the values
/// middlewares added, and a logger that already carries the update's metadata.
public struct HandlerContext: Sendable {
    public let update: Update
    public let bot: BotClient
    /// The bot's own username, for `/command@bot` in groups.
    public let botUsername: String?
    /// The conversation state of the update's user in its chat.
    public let fsm: FSMContext
    public var logger: Logger
    public var values: ContextValues
    /// The dispatcher's outage monitor: an error it calls an outage is not the handler's to apologise for.
    public internal(set) var outages: any OutageMonitor = NoOutages()
    let callbackAnswer: CallbackAnswerTracker
    /// The handler routing chose, for outer middlewares.
    public var handlerName: String?? { route.handler }
    let route: RouteRecord

    public init(update: Update, bot: BotClient, botUsername: String?, storage: any StateStorage, logger: Logger) {
        self.update = update
        self.bot = bot
        self.botUsername = botUsername
        let userID = update.sender?.id ?? 0
        self.fsm = FSMContext(storage: storage, key: StorageKey(chatID: update.chat?.id ?? userID, userID: userID))
        self.logger = logger
        self.values = ContextValues()
        self.callbackAnswer = CallbackAnswerTracker()
        self.route = RouteRecord()
    }

    /// The chat to answer in: the message's, or the chat of the message behind a button.
    public var chatID: Int64? { update.chat?.id ?? update.sender?.id }

    /// Sends a message to the update's chat and returns it as Telegram made it.
    @discardableResult
    public func answer(_ html: HTML, replyMarkup: ReplyMarkup? = nil) async throws -> Message {
        try await bot.send(message(html.rendered, replyMarkup: replyMarkup, parseMode: "HTML"))
    }

    /// ``answer(_:replyMarkup:)`` in plain text: nothing in `text` is markup.
    @discardableResult
    public func answer(plain text: String, replyMarkup: ReplyMarkup? = nil) async throws -> Message {
        try await bot.send(message(text, replyMarkup: replyMarkup, parseMode: nil))
    }

    /// ``answer(_:replyMarkup:)`` for a handler that doesn't need the message back: Telegram's
    /// answer is checked, the ``Message`` in it isn't decoded.
    public func reply(_ html: HTML, replyMarkup: ReplyMarkup? = nil) async throws {
        try await bot.perform(message(html.rendered, replyMarkup: replyMarkup, parseMode: "HTML"))
    }

    /// ``reply(_:replyMarkup:)`` in plain text.
    public func reply(plain text: String, replyMarkup: ReplyMarkup? = nil) async throws {
        try await bot.perform(message(text, replyMarkup: replyMarkup, parseMode: nil))
    }

    private func message(_ text: String, replyMarkup: ReplyMarkup?, parseMode: String?) throws -> SendMessage {
        guard let chatID else { throw RoutingError.noChat(updateID: update.updateID) }
        return SendMessage(chatID: .id(chatID), text: text, parseMode: parseMode, replyMarkup: replyMarkup)
    }

    /// Replaces the text (and keyboard) of the message whose button was pressed; when it can no
    /// longer be edited (deleted, too old), sends the text as a new message instead.
    public func editMessage(_ html: HTML, replyMarkup: InlineKeyboardMarkup? = nil) async throws {
        try await edit(html.rendered, replyMarkup: replyMarkup, parseMode: "HTML")
    }

    /// ``editMessage(_:replyMarkup:)`` in plain text.
    public func editMessage(plain text: String, replyMarkup: InlineKeyboardMarkup? = nil) async throws {
        try await edit(text, replyMarkup: replyMarkup, parseMode: nil)
    }

    private func edit(_ text: String, replyMarkup: InlineKeyboardMarkup?, parseMode: String?) async throws {
        guard let message = update.callbackQuery?.message, message.isAccessible else {
            try await bot.perform(self.message(text, replyMarkup: replyMarkup.map(ReplyMarkup.inlineKeyboard), parseMode: parseMode))
            return
        }
        do {
            try await bot.perform(
                EditMessageText(
                    chatID: .id(message.chat.id), messageID: message.messageID, text: text, parseMode: parseMode, replyMarkup: replyMarkup))
        } catch let error as BotAPIError where error.code == .messageNotModified {
            // Pressing the same button twice changes nothing; that is not a failure.
        }
    }

    /// Answers the pressed button, which stops its spinner; at most once per update.
    /// The dispatcher answers with nothing if a handler didn't.
    ///
    /// A refused answer is logged and the handler goes on: Telegram refuses every answer to a
    /// press older than 15 seconds (one delivered again after a restart, say), and what the press
    /// did must still be shown. Throws only `CancellationError`.
    public func answerCallback(_ text: String? = nil, showAlert: Bool = false) async throws {
        guard let query = update.callbackQuery, callbackAnswer.claim() else { return }
        do {
            try await bot.perform(AnswerCallbackQuery(callbackQueryID: query.id, text: text, showAlert: showAlert))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.debug("The button's answer was refused; going on", metadata: ["error": "\(error)"])
        }
    }
}

/// Remembers whether the update's callback query was answered, across copies of the context.
final class CallbackAnswerTracker: Sendable {
    // Guards the flag; claimed once, by whoever answers first.
    private let answered = Mutex(false)

    /// True the first time only.
    func claim() -> Bool {
        answered.withLock { answered in
            defer { answered = true }
            return !answered
        }
    }
}

/// Routing failures a handler can meet.
public enum RoutingError: Error, Equatable, Sendable {
    /// The update has no chat to answer in (an inline query, say).
    case noChat(updateID: Int64)
}
