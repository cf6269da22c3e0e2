import Foundation
import TelegramBotAPI
import Testing

@Suite struct UpdateDecodingTests {
    @Test func commandMessageDecodesWithItsEntitiesAndIgnoresUnknownFields() throws {
        let update = try Payload.update("message_start_command")
        #expect(update.updateID == 903_412_001)
        guard case .message(let message) = update.kind else {
            Issue.record("expected a message, got \(update.kind)")
            return
        }
        #expect(message.text == "/start ref_42")
        #expect(message.entities == [MessageEntity(type: "bot_command", offset: 0, length: 6)])
        #expect(message.from?.username == "ana_l")
        #expect(message.from?.languageCode == "pt-br")
        #expect(message.chat.type == "private")
        #expect(update.sender?.id == 5_511_223_344)
        #expect(update.chat?.id == 5_511_223_344)
    }

    @Test func photoMessageKeepsEverySizeAndTheCaption() throws {
        let message = try #require(try Payload.update("message_photo").message)
        #expect(message.photo?.map(\.width) == [90, 320, 1280])
        #expect(message.photo?.last?.fileID == "AgACAgIAAxkBAAIBsmS-large")
        #expect(message.caption == "Netflix Premium <4K>")
        #expect(message.captionEntities?.first?.type == "bold")
    }

    @Test func documentMessageCarriesFileNameTypeAndThumbnail() throws {
        let document = try #require(try Payload.update("message_document").message?.document)
        #expect(document.fileName == "keys.txt")
        #expect(document.mimeType == "text/plain")
        #expect(document.fileSize == 2048)
        #expect(document.thumbnail?.width == 90)
    }

    @Test func repliesNestAsDeepAsTelegramSendsThem() throws {
        let message = try #require(try Payload.update("message_reply").message)
        #expect(message.chat.type == "supergroup")
        #expect(message.chat.id == -1_001_234_567_890)
        #expect(message.replyToMessage?.text == "Restock needed")
        #expect(message.replyToMessage?.from?.isBot == true)
        #expect(message.replyToMessage?.replyToMessage?.text == "first")
    }

    @Test func editedMessageIsItsOwnKind() throws {
        let update = try Payload.update("edited_message")
        guard case .editedMessage(let message) = update.kind else {
            Issue.record("expected an edited message, got \(update.kind)")
            return
        }
        #expect(message.editDate == 1_764_075_660)
    }

    @Test func callbackQueryCarriesItsDataAndTheMessageWithItsKeyboard() throws {
        let query = try #require(try Payload.update("callback_query").callbackQuery)
        #expect(query.data == "buy:7:1")
        #expect(query.message?.isAccessible == true)
        let keyboard = try #require(query.message?.replyMarkup?.inlineKeyboard)
        #expect(keyboard.map { $0.map(\.text) } == [["1 month — $4.99", "Lifetime — $29.99"], ["Support"]])
        #expect(keyboard[1][0].url == "https://t.me/shop_support")
    }

    @Test func callbackOnAnInaccessibleMessageStillDecodes() throws {
        let update = try Payload.update("callback_query_inaccessible")
        let message = try #require(update.callbackQuery?.message)
        #expect(message.isAccessible == false)
        #expect(message.messageID == 3)
        #expect(update.chat?.id == 5_511_223_344)
    }

    @Test func starsPaymentUpdatesDecode() throws {
        let query = try #require(try Payload.update("pre_checkout_query").preCheckoutQuery)
        #expect(query.currency == "XTR")
        #expect(query.totalAmount == 250)
        #expect(query.invoicePayload == "topup:5511223344:250")
        let payment = try #require(try Payload.update("successful_payment").message?.successfulPayment)
        #expect(payment.telegramPaymentChargeID == "stxAbCdEfGhIjKlMnOpQrStUvWxYz0123456789")
        #expect(payment.totalAmount == 250)
    }

    @Test func myChatMemberShowsTheBotBlocked() throws {
        let change = try #require(try Payload.update("my_chat_member_blocked").myChatMember)
        #expect(change.oldChatMember.status == "member")
        #expect(change.newChatMember.status == "kicked")
        #expect(change.newChatMember.untilDate == 0)
        #expect(change.newChatMember.user.username == "quantum_shop_bot")
    }

    @Test func unknownUpdateKindDecodesAsUnknown() throws {
        let update = try Payload.update("unknown_kind")
        #expect(update.updateID == 903_412_011)
        #expect(update.kind == .unknown)
        #expect(update.sender == nil)
    }

    @Test func missingRequiredBooleanReadsAsFalse() throws {
        // aiogram issue #1812: Telegram left out a Boolean its reference calls required.
        let user = try #require(try Payload.update("user_without_is_bot").message?.from)
        #expect(user.isBot == false)
        #expect(user.firstName == "Ana")
    }

    @Test func malformedOptionalFieldsReadAsMissingWithoutLosingTheUpdate() throws {
        let message = try #require(try Payload.update("malformed_optional_field").message)
        #expect(message.text == "/help")
        #expect(message.entities == nil)
        #expect(message.photo == nil)
    }

    @Test func updateRoundTripsThroughJSON() throws {
        let update = try Payload.update("message_reply")
        let again = try JSONDecoder().decode(Update.self, from: JSONEncoder().encode(update))
        #expect(again == update)
    }

    /// Every async frame that holds an update copies it, so nested objects are kept behind
    /// references: an Update is a few words, not the 19 KB it was inline.
    @Test func anUpdateStaysSmallAndKeepsValueSemantics() throws {
        #expect(MemoryLayout<Update>.size <= 128)
        #expect(MemoryLayout<Message>.size <= 1024)
        var update = Update(updateID: 1, message: Message(messageID: 1, date: 1, chat: Chat(id: 5, type: "private"), text: "before"))
        let copy = update
        update.message?.text = "after"
        update.message?.replyMarkup = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "Buy", callbackData: "b")]])
        #expect(update.message?.text == "after" && update.message?.replyMarkup?.inlineKeyboard.first?.first?.text == "Buy")
        #expect(copy.message?.text == "before" && copy.message?.replyMarkup == nil, "a copy doesn't share the change")
        #expect(update != copy)
    }

    @Test func oneBrokenUpdateInABatchDoesNotCostTheOthers() throws {
        let batch = """
            [{"update_id": 1, "message": {"message_id": 1, "chat": {"id": 5, "type": "private"}, "date": 1, "text": "a"}},
             {"update_id": 2, "message": {"message_id": 2, "date": 2, "text": "no chat"}},
             {"update_id": 3, "callback_query": {"id": "q", "from": {"id": 5, "is_bot": false, "first_name": "A"}, "chat_instance": "1", "data": "x"}},
             {"not_an_update": true}]
            """
        let decoded = try JSONDecoder().decode([DecodedUpdate].self, from: Data(batch.utf8))
        #expect(decoded.map(\.updateID) == [1, 2, 3, nil])
        guard case .undecodable(2, let reason) = decoded[1] else {
            Issue.record("update 2 should be undecodable, got \(decoded[1])")
            return
        }
        #expect(reason == "missing field message.chat")
        guard case .update(let third) = decoded[2], case .callbackQuery = third.kind else {
            Issue.record("update 3 should decode, got \(decoded[2])")
            return
        }
    }

    @Test func webhookBodyDecodesOneUpdateOrSaysWhy() throws {
        let good = DecodedUpdate(webhookBody: Array(try Payload.bytes("callback_query")))
        #expect(good.updateID == 903_412_006)
        let bad = DecodedUpdate(webhookBody: Array("{\"update_id\": 9, \"message\": 5}".utf8))
        guard case .undecodable(9, let reason) = bad else {
            Issue.record("expected undecodable update 9, got \(bad)")
            return
        }
        #expect(reason == "field message is not Dictionary<String, Any>")
        let garbage = DecodedUpdate(webhookBody: Array("<html>".utf8))
        #expect(garbage.updateID == nil)
    }
}
