import Foundation
import TelegramBotAPI

/// The reply keyboard under the text box, Telegram's user picker, and forwarded messages.
extension SandboxState {
    /// Refuses a user-picker button Telegram would, before anything is sent.
    func checkReplyKeyboard(_ parameters: MethodParameters) throws(SandboxError) {
        guard parameters.has("reply_markup"), let keyboard = try? parameters.decode(ReplyKeyboardMarkup.self, "reply_markup") else { return }
        for button in keyboard.keyboard.joined() {
            if let request = button.requestUsers, !(1...10).contains(request.maxQuantity ?? 1) {
                throw .badRequest("Bad Request: REQUEST_PEER_INVALID")
            }
        }
    }

    /// Keeps a sent reply keyboard for the chat, or drops it on `remove_keyboard`.
    func keepReplyKeyboard(_ parameters: MethodParameters, in chatID: Int64) {
        guard parameters.has("reply_markup") else { return }
        if let keyboard = try? parameters.decode(ReplyKeyboardMarkup.self, "reply_markup") {
            chats[chatID]?.replyKeyboard = keyboard
        } else if let removal = try? parameters.decode(ReplyKeyboardRemove.self, "reply_markup"), removal.removeKeyboard {
            chats[chatID]?.replyKeyboard = nil
        }
    }

    /// The reply keyboard the user sees now, if any.
    public func replyKeyboard(of chatID: Int64) -> ReplyKeyboardMarkup? {
        chats[chatID]?.replyKeyboard
    }

    /// The user presses a reply keyboard's user-picker button and picks `picked` users: the bot
    /// gets a `users_shared` message with what the button asked for of each.
    @discardableResult
    public func userSharesUsers(_ userID: Int64, requestID: Int64, picked: [Int64]) throws(SandboxError) -> Message {
        guard let keyboard = chats[userID]?.replyKeyboard,
            let request = keyboard.keyboard.joined().compactMap(\.requestUsers).first(where: { $0.requestID == requestID })
        else { throw .badRequest("Bad Request: no user-picker button with request_id \(requestID) in the chat") }
        guard !picked.isEmpty, picked.count <= Int(request.maxQuantity ?? 1) else {
            throw .badRequest("Bad Request: the button lets the user pick 1 to \(request.maxQuantity ?? 1) users")
        }
        var shared: [SharedUser] = []
        for id in picked {
            let user = try user(id)
            var entry = SharedUser(userID: id)
            if request.requestName == true {
                entry.firstName = user.firstName
                entry.lastName = user.lastName
            }
            if request.requestUsername == true { entry.username = user.username }
            shared.append(entry)
        }
        if keyboard.oneTimeKeyboard == true { chats[userID]?.replyKeyboard = nil }
        return try userPosts(userID) { $0.usersShared = UsersShared(requestID: requestID, users: shared) }
    }

    /// The user forwards to the bot a message `author` wrote. An author who hides their
    /// account in forwards shows only by name, as on Telegram.
    @discardableResult
    public func userForwards(_ userID: Int64, textBy author: Int64, text: String, authorHidesAccount: Bool = false) throws(SandboxError) -> Message {
        let original = try user(author)
        let name = [original.firstName, original.lastName].compactMap { $0 }.joined(separator: " ")
        var origin = MessageOrigin(type: authorHidesAccount ? "hidden_user" : "user", date: unixTime - 60)
        if authorHidesAccount { origin.senderUserName = name } else { origin.senderUser = original }
        return try userPosts(userID) { message in
            message.text = text
            message.forwardOrigin = origin
        }
    }
}
