import AsyncHTTPClient
import BotAPISandbox
import Foundation
import TelegramBotAPI
import Testing

/// A real `BotClient` and real bots against the sandbox over loopback, as against Telegram.
@Suite(.timeLimit(.minutes(1))) struct SandboxEndToEndTests {
    @Test func echoBotAnswersEveryUserOverLongPolling() async throws {
        try await withSandboxBot { sandbox, bot in
            let echo = Task { try await EchoBot(bot: bot).runPolling() }
            defer { echo.cancel() }
            let ana = await sandbox.makeUser(firstName: "Ana")
            let bob = await sandbox.makeUser(firstName: "Bob")
            for text in ["hello", "second"] {
                try await ana.send(text)
                try await bob.send("\(text) from Bob")
                #expect(try await ana.nextMessage().text == text)
                #expect(try await bob.nextMessage().text == "\(text) from Bob")
            }
            #expect(await ana.transcript().map { "\($0.sender): \($0.text)" } == ["user: hello", "bot: hello", "user: second", "bot: second"])
        }
    }

    @Test func webhookDeliversWithTheSecretAndTheBotAnswers() async throws {
        try await withSandboxBot { sandbox, bot in
            let echo = EchoBot(bot: bot)
            try await withWebhookReceiver(secret: "s3cret_token-1", handle: { try await echo.handle($0) }) { url in
                try await bot.send(SetWebhook(url: url, secretToken: "s3cret_token-1"))
                let ana = await sandbox.makeUser(firstName: "Ana")
                try await ana.send("over the webhook")
                #expect(try await ana.nextMessage().text == "over the webhook")
                let info = try await bot.send(GetWebhookInfo())
                #expect(info.url == url)
                #expect(info.lastErrorMessage == nil)
            }
        }
    }

    @Test func webhookWithTheWrongSecretIsRetriedAndNothingIsLost() async throws {
        try await withSandboxBot { sandbox, bot in
            let echo = EchoBot(bot: bot)
            try await withWebhookReceiver(secret: "the-right-one", handle: { try await echo.handle($0) }) { url in
                try await bot.send(SetWebhook(url: url, secretToken: "a-wrong-one"))
                let ana = await sandbox.makeUser(firstName: "Ana")
                try await ana.send("kept until delivered")
                var info = try await bot.send(GetWebhookInfo())
                while info.lastErrorMessage == nil {
                    await Task.yield()
                    info = try await bot.send(GetWebhookInfo())
                }
                #expect(info.lastErrorMessage == "Wrong response from the webhook: 401 Unauthorized")
                #expect(info.pendingUpdateCount == 1)
                #expect(await ana.nextEvent(timeout: .zero) == nil)

                try await bot.send(SetWebhook(url: url, secretToken: "the-right-one"))
                #expect(try await ana.nextMessage().text == "kept until delivered")
                // The delivery is confirmed when the webhook's answer arrives, just after the reply.
                while try await bot.send(GetWebhookInfo()).pendingUpdateCount > 0 { await Task.yield() }
            }
        }
    }

    @Test func floodAnswersAreRetriedByTheClientAndNothingIsLost() async throws {
        // One message per two seconds after a burst of two: the third comes well within the wait,
        // however slow the machine, so it is refused once and sent after retry_after.
        let configuration = SandboxConfiguration(floodControl: FloodControl(perChatPerSecond: 0.5, perChatBurst: 2))
        try await withSandboxBot(configuration: configuration, retryPolicy: .standard) { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            for index in 1...3 {
                try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "key \(index)"))
            }
            #expect(await ana.transcript().map(\.text) == ["key 1", "key 2", "key 3"])
            let statuses = await sandbox.calls.map(\.status)
            #expect(statuses.contains(429), "the burst went past the limit")
            #expect(statuses.filter { $0 == 200 }.count == 3)
        }
    }

    @Test func starsInvoiceIsPaidOnceAndRefundedOnce() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let invoice = try await bot.send(
                SendInvoice(
                    chatID: .id(ana.chatID), title: "Top up", description: "250 Stars of shop credit",
                    payload: "topup:\(ana.id):250", currency: "XTR", prices: [LabeledPrice(label: "Credit", amount: 250)]
                ))
            #expect(invoice.invoice?.totalAmount == 250)

            let payment = Task { try await ana.pay(invoiceMessageID: invoice.messageID) }
            let query = try #require(try await nextUpdate(bot) { $0.preCheckoutQuery }.preCheckoutQuery)
            #expect(query.invoicePayload == "topup:\(ana.id):250")
            #expect(query.currency == "XTR")
            try await bot.send(AnswerPreCheckoutQuery(preCheckoutQueryID: query.id, ok: true))
            guard case .paid(let chargeID) = try await payment.value else {
                Issue.record("the payment should go through")
                return
            }
            let paid = try #require(try await nextUpdate(bot) { $0.message?.successfulPayment }.message?.successfulPayment)
            #expect(paid.telegramPaymentChargeID == chargeID)
            #expect(paid.totalAmount == 250)

            #expect(try await bot.send(RefundStarPayment(userID: ana.id, telegramPaymentChargeID: chargeID)))
            await expectRefusal(400, "Bad Request: CHARGE_ALREADY_REFUNDED") {
                try await bot.send(RefundStarPayment(userID: ana.id, telegramPaymentChargeID: chargeID))
            }
            await expectRefusal(400, "Bad Request: CHARGE_NOT_FOUND") {
                try await bot.send(RefundStarPayment(userID: ana.id, telegramPaymentChargeID: "stxforged"))
            }
            #expect(await sandbox.state.isRefunded(chargeID: chargeID) == true)
            #expect(await ana.transcript().map(\.text) == ["[invoice Top up: 250 XTR]", "[paid 250 XTR]", "[refunded 250 XTR]"])
        }
    }

    @Test func declinedPreCheckoutChargesNobody() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let invoice = try await bot.send(
                SendInvoice(
                    chatID: .id(ana.chatID), title: "Premium", description: "Premium for life", payload: "premium", currency: "XTR",
                    prices: [LabeledPrice(label: "Premium", amount: 500)]))
            let payment = Task { try await ana.pay(invoiceMessageID: invoice.messageID) }
            let query = try #require(try await nextUpdate(bot) { $0.preCheckoutQuery }.preCheckoutQuery)
            await expectRefusal(400, "Bad Request: error_message is empty") {
                try await bot.send(AnswerPreCheckoutQuery(preCheckoutQueryID: query.id, ok: false))
            }
            try await bot.send(AnswerPreCheckoutQuery(preCheckoutQueryID: query.id, ok: false, errorMessage: "Premium is sold out"))
            #expect(try await payment.value == .declined(errorMessage: "Premium is sold out"))
            await expectRefusal(400, "Bad Request: STARS_INVOICE_INVALID") {
                try await bot.send(
                    SendInvoice(
                        chatID: .id(ana.chatID), title: "x", description: "y", payload: "z", currency: "XTR",
                        prices: [LabeledPrice(label: "a", amount: 1)], providerToken: "284685063:TEST"))
            }
        }
    }

    /// Polls until an update for which `pick` gives a value arrives, confirming what it passes.
    func nextUpdate<T>(_ bot: BotClient, _ pick: (Update) -> T?) async throws -> Update {
        var offset: Int64?
        while true {
            let updates = try await bot.send(GetUpdates(offset: offset, timeout: 5), decoding: [Update].self, timeout: .seconds(10))
            for update in updates {
                offset = update.updateID + 1
                if pick(update) != nil {
                    _ = try await bot.send(GetUpdates(offset: offset, timeout: 0))
                    return update
                }
            }
        }
    }
}
