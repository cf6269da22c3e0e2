import Foundation
import TelegramBotAPI

extension SandboxState {
    /// The chat as a Telegram client draws it: its messages (edits applied, deletions gone),
    /// the reply keyboard under the text box, and how the bot answered the user's button presses.
    public func chatView(of userID: Int64) throws(SandboxError) -> ChatView {
        _ = try user(userID)
        let record = chats[userID]
        let answers = callbackQueries.filter { $0.value.query.from.id == userID && $0.value.answer != nil }.compactMapValues(\.answer)
        return ChatView(
            revision: chatRevisions[userID] ?? 0,
            messages: (record?.messages.values).map { $0.sorted { $0.messageID < $1.messageID } } ?? [],
            replyKeyboard: record?.replyKeyboard, isBlocked: record?.isBlocked ?? false, callbackAnswers: answers
        )
    }

    /// Returns once the user's chat changes (the bot sent, edited or deleted a message, or
    /// answered a press), at `deadline`, or when the sandbox stops; true unless it stopped.
    func waitForChatChange(of userID: Int64, until deadline: ContinuousClock.Instant) async -> Bool {
        guard !isClosed else { return false }
        await waitForChange(of: .chat(userID), until: deadline)
        return !isClosed
    }
}

/// One chat, as the web chat draws it (``SandboxState/chatView(of:)``).
public struct ChatView: Sendable, Equatable, Encodable {
    /// Grows with every change to the chat: of two views, the page draws the newer one, whichever
    /// arrives last (the event stream and a fetch race each other).
    public var revision: Int
    public var messages: [Message]
    public var replyKeyboard: ReplyKeyboardMarkup?
    public var isBlocked: Bool
    /// Callback query id → the bot's answer (a toast, an alert or a URL).
    public var callbackAnswers: [String: CallbackAnswer]

    enum CodingKeys: String, CodingKey {
        case revision
        case messages
        case replyKeyboard = "reply_keyboard"
        case isBlocked = "is_blocked"
        case callbackAnswers = "callback_answers"
    }
}
