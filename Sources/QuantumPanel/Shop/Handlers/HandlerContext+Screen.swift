import BotRouting
import Logging
import TelegramBotAPI

extension HandlerContext {
    /// Shows a screen: in place of the message whose button was pressed when Telegram allows it,
    /// else as a new message, so the chat doesn't fill with stale menus.
    ///
    /// A text screen edits a text message; a photo card edits a card with the same photo's
    /// caption. Switching between a card and a text deletes the old message and sends the new one
    /// (Telegram can't turn one kind into the other).
    func show(_ screen: Screen) async throws {
        guard let message = update.callbackQuery?.message, message.isAccessible else {
            try await send(screen)
            try await sendFollowUps(screen)
            return
        }
        do {
            try await replace(message, with: screen)
        } catch let error as BotAPIError where error.code == .badRequest && !error.errorDescription.contains("can't parse entities") {
            // Deleted by the user, or too old to edit: the screen comes as a new message.
            logger.debug("Screen sent anew", metadata: ["reason": "\(error.errorDescription)"])
            try await send(screen)
        }
        try await sendFollowUps(screen)
    }

    private func replace(_ message: Message, with screen: Screen) async throws {
        let chat = ChatID.id(message.chat.id)
        switch (message.photo?.last?.fileID, screen.photoFileID) {
        case (nil, nil):
            try await editMessage(screen.text, replyMarkup: screen.keyboard)
        case (_?, let wanted?) where message.photo?.contains(where: { $0.fileID == wanted }) == true:
            do {
                try await bot.perform(
                    EditMessageCaption(
                        chatID: chat, messageID: message.messageID, caption: screen.text.rendered, parseMode: "HTML", replyMarkup: screen.keyboard))
            } catch let error as BotAPIError where error.code == .messageNotModified {
                // The same card again: nothing to change.
            }
        default:
            try await send(screen)
            // A message older than 48 hours can't be deleted; it then stays, which is harmless.
            try? await bot.perform(DeleteMessage(chatID: chat, messageID: message.messageID))
        }
    }

    private func send(_ screen: Screen) async throws {
        guard let photo = screen.photoFileID else {
            return try await reply(screen.text, replyMarkup: screen.keyboard.map(ReplyMarkup.inlineKeyboard))
        }
        guard let chatID else { throw RoutingError.noChat(updateID: update.updateID) }
        try await bot.perform(
            SendPhoto(
                chatID: .id(chatID), photo: .fileID(photo), caption: screen.text.rendered, parseMode: "HTML",
                replyMarkup: screen.keyboard.map(ReplyMarkup.inlineKeyboard)))
    }

    private func sendFollowUps(_ screen: Screen) async throws {
        for text in screen.followUps {
            try await reply(text)
        }
    }
}
