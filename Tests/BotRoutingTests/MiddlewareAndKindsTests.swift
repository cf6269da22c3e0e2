import BotAPISandbox
import BotRouting
import TelegramBotAPI
import Testing

@Suite(.timeLimit(.minutes(1))) struct MiddlewareAndKindsTests {
    enum Shop: ContextKey { typealias Value = String }

    /// Records its name before and after the rest of the chain, and can hand a value on.
    struct Tracing: UpdateMiddleware {
        let name: String
        let trace: Recorder<String>
        var shop: String?

        func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
            trace.append("\(name) in")
            var context = context
            if let shop { context.values[Shop.self] = shop }
            try await next(context)
            trace.append("\(name) out")
        }
    }

    @Test func middlewaresRunInOrderAroundTheHandlerAndHandValuesOn() async throws {
        let trace = Recorder<String>()
        let root = Router(name: "root")
        let child = Router(name: "child")
        child.use(Tracing(name: "router", trace: trace))
        child.message { _, context in
            trace.append("handler sees \(context.values[Shop.self] ?? "nothing")")
            try await context.answer("ok")
        }
        root.include(child)
        try await withRoutedBot(
            root,
            outerMiddlewares: [Tracing(name: "outer 1", trace: trace), Tracing(name: "outer 2", trace: trace)],
            innerMiddlewares: [Tracing(name: "inner", trace: trace, shop: "Quantum")]
        ) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            #expect(try await ana.ask("hi") == "ok")
            while trace.all.count < 9 { await Task.yield() }
            #expect(
                trace.all == [
                    "outer 1 in", "outer 2 in", "inner in", "router in", "handler sees Quantum", "router out", "inner out", "outer 2 out",
                    "outer 1 out",
                ])
        }
    }

    @Test func otherKindsOfUpdateReachTheirHandlers() async throws {
        let seen = Recorder<String>()
        let root = Router(name: "root")
        root.editedMessage { message, _ in seen.append("edited \(message.text ?? "")") }
        root.myChatMember { change, _ in seen.append("member \(change.newChatMember.status)") }
        root.preCheckoutQuery { query, context in
            seen.append("checkout \(query.totalAmount)")
            try await context.bot.send(AnswerPreCheckoutQuery(preCheckoutQueryID: query.id, ok: true))
        }
        root.message(.contentType(.successfulPayment)) { message, _ in seen.append("paid \(message.successfulPayment?.totalAmount ?? 0)") }
        try await withRoutedBot(root) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            _ = try await sandbox.state.enqueueRaw([
                "edited_message": [
                    "message_id": 1, "date": 1, "edit_date": 2, "text": "fixed", "chat": ["id": ana.chatID, "type": "private"],
                    "from": ["id": ana.id, "is_bot": false, "first_name": "Ana"],
                ]
            ])
            await ana.block()
            await ana.unblock()
            let invoice = try await sandbox.makeClient().send(
                SendInvoice(
                    chatID: .id(ana.chatID), title: "Top up", description: "Credit", payload: "topup", currency: "XTR",
                    prices: [LabeledPrice(label: "Credit", amount: 100)]))
            #expect(try await ana.pay(invoiceMessageID: invoice.messageID) != .timedOut)
            while seen.all.count < 5 { await Task.yield() }
            #expect(seen.all == ["edited fixed", "member kicked", "member member", "checkout 100", "paid 100"])
        }
    }
}
