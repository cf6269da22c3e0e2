import AsyncHTTPClient
import BotAPISandbox
import BotRouting
import InMemoryLogging
import Logging
import TelegramBotAPI
import Testing

/// Routing through the sandbox, end to end: the dispatcher polls it as it would poll Telegram.
@Suite(.timeLimit(.minutes(1))) struct DispatcherTests {
    struct BuyCallback: CallbackData {
        static let prefix = "buy"
        var priceID: Int64
    }

    struct AdminCallback: CallbackData {
        static let prefix = "adm"
        var action: String
    }

    @Test func ownHandlersComeFirstThenChildrenInOrder() async throws {
        let root = Router(name: "root")
        let shop = Router(name: "shop")
        let fallback = Router(name: "fallback")
        root.message(.command("start")) { _, context in try await context.answer("root start") }
        shop.message(.command("start")) { _, context in try await context.answer("shop start") }
        shop.message(.command("shop")) { _, context in try await context.answer("shop") }
        fallback.update { context in try await context.answer("fallback") }
        root.include(shop)
        root.include(fallback)
        try await withRoutedBot(root) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            #expect(try await ana.ask("/start") == "root start")
            #expect(try await ana.ask("/shop") == "shop")
            #expect(try await ana.ask("anything else") == "fallback")
        }
    }

    @Test func filtersOfEveryKind() async throws {
        let root = Router(name: "root")
        root.message(.command("start")) { message, context in
            try await context.answer("start \(BotCommandText(message)?.argument ?? "-")")
        }
        root.message(.text(equals: "Catalogue", "Shop")) { _, context in try await context.answer("catalogue") }
        root.message(.text(matching: #"^\d+([.,]\d{1,2})?$"#)) { message, context in try await context.answer("amount \(message.text ?? "")") }
        root.message(.contentType(.photo)) { _, context in try await context.answer("photo") }
        root.message(.contentType(.document) && .chatType(.private)) { message, context in
            try await context.answer("document \(message.document?.fileName ?? "")")
        }
        root.message(.hasText && !.command("help") && .predicate { $0.update.message?.text?.hasPrefix("!") == true }) { _, context in
            try await context.answer("bang")
        }
        root.message(.command("help") || .text(equals: "?")) { _, context in try await context.answer("help") }
        root.callbackQuery(BuyCallback.self) { buy, _, context in
            try await context.answerCallback("Buying \(buy.priceID)")
            try await context.editMessage("bought \(buy.priceID)")
        }
        root.update { context in try await context.answer("unmatched") }
        try await withRoutedBot(root) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            #expect(try await ana.ask("/start ref42") == "start ref42")
            #expect(try await ana.ask("/START@sandbox_shop_bot") == "start -")
            #expect(try await ana.ask("/start@other_bot") == "unmatched")
            #expect(try await ana.ask("Catalogue") == "catalogue")
            #expect(try await ana.ask("9,99") == "amount 9,99")
            #expect(try await ana.ask("9.999") == "unmatched")
            #expect(try await ana.ask("!hey") == "bang")
            #expect(try await ana.ask("?") == "help")
            try await ana.sendPhoto([1, 2, 3])
            #expect(try await ana.nextMessage().text == "photo")
            try await ana.sendDocument(Array("K1\nK2".utf8), fileName: "keys.txt")
            #expect(try await ana.nextMessage().text == "document keys.txt")

            var keyboard = InlineKeyboardBuilder()
            try keyboard.button("1 month", data: BuyCallback(priceID: 11))
            let bot = sandbox.makeClient()
            try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Pick", replyMarkup: .inlineKeyboard(keyboard.markup)))
            _ = try await ana.nextMessage()
            let press = try await ana.press("1 month")
            #expect(try await ana.nextMessage().text == "bought 11")
            #expect(await ana.answer(toCallback: press)?.text == "Buying 11")
        }
    }

    @Test func forgedCallbackDataMatchesNothingAndTheSpinnerStillStops() async throws {
        let root = Router(name: "root")
        let handled = Recorder<Int64>()
        root.callbackQuery(BuyCallback.self) { buy, _, _ in handled.append(buy.priceID) }
        try await withRoutedBot(root) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let bot = sandbox.makeClient()
            let forged = InlineKeyboardMarkup(inlineKeyboard: [
                [
                    InlineKeyboardButton(text: "forged", callbackData: "buy:DROP TABLE"),
                    InlineKeyboardButton(text: "extra", callbackData: "buy:1:2"),
                    InlineKeyboardButton(text: "foreign", callbackData: "sell:1"),
                ]
            ])
            try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Pick", replyMarkup: .inlineKeyboard(forged)))
            for label in ["forged", "extra", "foreign"] {
                let press = try await ana.press(label)
                while await ana.answer(toCallback: press) == nil { await Task.yield() }
            }
            #expect(handled.all.isEmpty)
        }
    }

    @Test func routerLevelAdminFilterGuardsEveryCommandAndButton() async throws {
        let adminIDs = Recorder<Int64>()
        let root = Router(name: "root")
        let admin = Router(name: "admin")
        admin.filter(.predicate { context in adminIDs.all.contains(context.update.sender?.id ?? 0) })
        admin.message(.command("stock")) { _, context in try await context.answer("stock: 12 keys") }
        admin.callbackQuery(AdminCallback.self) { action, _, context in try await context.answer("admin did \(action.action)") }
        let fallback = Router(name: "fallback")
        fallback.update { context in
            if context.update.callbackQuery != nil {
                try await context.answerCallback("Not allowed")
            } else {
                try await context.answer("Unknown command")
            }
        }
        root.include(admin)
        root.include(fallback)
        try await withRoutedBot(root) { sandbox throws in
            let boss = await sandbox.makeUser(firstName: "Boss")
            let mallory = await sandbox.makeUser(firstName: "Mallory")
            adminIDs.append(boss.id)
            #expect(try await boss.ask("/stock") == "stock: 12 keys")
            #expect(try await mallory.ask("/stock") == "Unknown command")

            // A forged admin button, sent to a non-admin: the filter is checked, not the keyboard.
            let bot = sandbox.makeClient()
            let button = InlineKeyboardMarkup(inlineKeyboard: [
                [InlineKeyboardButton(text: "Delete all", callbackData: try AdminCallback(action: "wipe").pack())]
            ])
            try await bot.send(SendMessage(chatID: .id(mallory.chatID), text: "…", replyMarkup: .inlineKeyboard(button)))
            _ = try await mallory.nextMessage()
            let press = try await mallory.press("Delete all")
            while await mallory.answer(toCallback: press) == nil { await Task.yield() }
            #expect(await mallory.answer(toCallback: press)?.text == "Not allowed")
            #expect(await mallory.transcript().map(\.text).contains("admin did wipe") == false)
        }
    }

    @Test func aFailingHandlerGetsAnApologyAndTheNextUpdateIsHandled() async throws {
        struct Boom: Error {}
        let logs = InMemoryLogHandler()
        let root = Router(name: "root")
        root.message(.command("boom")) { _, _ in throw Boom() }
        root.message(.command("ping")) { _, context in try await context.answer("pong") }
        try await withRoutedBot(root, logger: Logger(label: "test", factory: { _ in logs })) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            #expect(try await ana.ask("/boom") == "Sorry, something went wrong. Please try again.")
            #expect(try await ana.ask("/ping") == "pong")
            let failure = try #require(logs.entries.first { $0.level == .error })
            #expect(failure.message == "Handler failed")
            #expect(failure.metadata["update.id"] == "1")
            #expect(failure.metadata["user.id"] == "\(ana.id)")
        }
    }

    @Test func oneChatInOrderWhileChatsRunInParallel() async throws {
        let anaStarted = Latch()
        let bobStarted = Latch()
        let seen = Recorder<String>()
        let root = Router(name: "root")
        root.message(.text(equals: "meet")) { message, context in
            // Each chat waits for the other: this finishes only if both run at once.
            if message.from?.firstName == "Ana" {
                await anaStarted.open()
                await bobStarted.wait()
            } else {
                await bobStarted.open()
                await anaStarted.wait()
            }
            try await context.answer("met")
        }
        root.message { message, context in
            seen.append("\(message.from?.firstName ?? "") \(message.text ?? "")")
            for _ in 0..<Int.random(in: 0...20) { await Task.yield() }
            seen.append("\(message.from?.firstName ?? "") done \(message.text ?? "")")
        }
        try await withRoutedBot(root) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let bob = await sandbox.makeUser(firstName: "Bob")
            try await ana.send("meet")
            try await bob.send("meet")
            #expect(try await ana.nextMessage().text == "met")
            #expect(try await bob.nextMessage().text == "met")

            for index in 1...20 { try await ana.send("\(index)") }
            while seen.all.count < 40 { await Task.yield() }
            let expected = (1...20).flatMap { ["Ana \($0)", "Ana done \($0)"] }
            #expect(seen.all == expected, "one chat's updates never overlap and keep their order")
        }
    }

    @Test func duplicateDeliveryIsHandledOnce() async throws {
        let handled = Recorder<Int64>()
        let root = Router(name: "root")
        root.message { message, _ in handled.append(message.messageID) }
        let transport = AsyncHTTPClientTransport(httpClient: .shared, baseURL: "http://127.0.0.1:1", token: BotAPISandbox.defaultToken)
        let dispatcher = Dispatcher(
            router: root, bot: BotClient(transport: transport), botUsername: nil,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        var update = Update(updateID: 77)
        update.message = Message(messageID: 5, date: 1, chat: Chat(id: 9, type: "private"))
        _ = try await dispatcher.run(UpdateFlowTests.CountingUpdates([update, update]))
        #expect(handled.all == [5])
    }

    @Test func paymentsPassFloodControlEvenInTheMiddleOfABurst() async throws {
        let paid = Recorder<String>()
        let root = Router(name: "root")
        root.message(.text(equals: "invoice")) { _, context in
            try await context.bot.send(
                SendInvoice(
                    chatID: .id(context.chatID!), title: "Top-up", description: "500 Stars", payload: "p", currency: "XTR",
                    prices: [LabeledPrice(label: "⭐", amount: 500)]))
        }
        root.preCheckoutQuery { query, context in
            try await context.bot.send(AnswerPreCheckoutQuery(preCheckoutQueryID: query.id, ok: true))
        }
        root.message(.contentType(.successfulPayment)) { message, _ in
            paid.append(message.successfulPayment?.telegramPaymentChargeID ?? "")
        }
        // One update, then nothing for a long while: the invoice spends the whole budget.
        let throttling = ThrottlingMiddleware(perSecond: 0.001, burst: 1, notice: nil)
        try await withRoutedBot(root, outerMiddlewares: [ErrorBoundaryMiddleware(), throttling]) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            try await ana.send("invoice")
            let invoice = try await ana.nextMessage()
            guard case .paid(let charge) = try await ana.pay(invoiceMessageID: invoice.messageID) else {
                Issue.record("the pre-checkout query was throttled")
                return
            }
            while paid.all.isEmpty { await Task.yield() }
            #expect(paid.all == [charge], "the successful payment was handled, not dropped")
        }
    }

    @Test func throttlingDropsAUsersBurstWithOneNotice() async throws {
        let handled = Recorder<String>()
        let root = Router(name: "root")
        root.message { message, _ in handled.append(message.text ?? "") }
        let throttling = ThrottlingMiddleware(perSecond: 0.01, burst: 2, notice: "Slow down")
        try await withRoutedBot(root, outerMiddlewares: [throttling]) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            for index in 1...5 { try await ana.send("m\(index)") }
            #expect(try await ana.nextMessage().text == "Slow down")
            let bob = await sandbox.makeUser(firstName: "Bob")
            try await bob.send("bob is not throttled")
            while handled.all.count < 3 { await Task.yield() }
            #expect(handled.all.sorted() == ["bob is not throttled", "m1", "m2"])
            #expect(await ana.nextEvent(timeout: .zero) == nil, "one notice per burst")
        }
    }
}

/// Failing handlers: the user is told, the log is not flooded.
@Suite(.timeLimit(.minutes(1))) struct ErrorBoundaryTests {
    struct DatabaseDown: Error, CustomStringConvertible {
        var description: String { "the database is down" }
    }

    @Test func aBurstOfIdenticalFailuresIsLoggedOnce() async throws {
        let logs = InMemoryLogHandler()
        let root = Router(name: "root")
        root.message(.text(equals: "boom")) { _, _ in throw DatabaseDown() }
        root.message(.text(equals: "other")) { _, _ in throw RoutingError.noChat(updateID: 0) }
        let boundary = ErrorBoundaryMiddleware(apology: "Sorry")
        var logger = Logger(label: "test", factory: { _ in logs })
        logger.logLevel = .debug
        try await withRoutedBot(root, outerMiddlewares: [boundary], logger: logger) { sandbox throws in
            for index in 1...5 {
                let user = await sandbox.makeUser(firstName: "User \(index)")
                #expect(try await user.ask("boom") == "Sorry")
            }
            let other = await sandbox.makeUser(firstName: "Other")
            #expect(try await other.ask("other") == "Sorry")
        }
        let failures = logs.entries.filter { $0.level == .error }
        #expect(failures.count == 2, "one line for the burst of five, one for the different failure: \(failures.map(\.message))")
        #expect(logs.entries.filter { $0.level == .debug && $0.message.description.contains("again the same way") }.count == 4)
    }
}
