import BotAPISandbox
import BotRouting
import TelegramBotAPI
import Testing

/// The example bot: a two-step order form with buttons, that `/cancel` or Cancel leaves at any step.
@Suite(.timeLimit(.minutes(1))) struct ExampleFormBotTests {
    enum OrderForm: String, FSMState {
        static let group = "order_form"
        case product, quantity
    }

    struct QuantityCallback: CallbackData {
        static let prefix = "qty"
        var quantity: Int
    }

    static func makeBot() -> Router {
        let root = Router(name: "root")
        root.include(CancelFlow.makeRouter())
        let form = Router(name: "order form")
        form.message(.command("order")) { _, context in
            try await context.fsm.set(OrderForm.product)
            var keyboard = InlineKeyboardBuilder()
            keyboard.row(InlineKeyboardBuilder.cancelButton())
            try await context.answer(plain: "Which product?", replyMarkup: .inlineKeyboard(keyboard.markup))
        }
        form.message(.state(OrderForm.product) && .hasText) { message, context in
            try await context.fsm.set(message.text ?? "", for: "product")
            try await context.fsm.set(OrderForm.quantity)
            var keyboard = InlineKeyboardBuilder()
            for quantity in 1...3 { try keyboard.button("\(quantity)", data: QuantityCallback(quantity: quantity)) }
            keyboard.adjust(3)
            keyboard.row(InlineKeyboardBuilder.cancelButton())
            try await context.answer(plain: "How many \(message.text ?? "")?", replyMarkup: .inlineKeyboard(keyboard.markup))
        }
        form.message(.state(OrderForm.quantity)) { _, context in
            try await context.answer(plain: "Please pick a quantity with the buttons.")
        }
        form.callbackQuery(QuantityCallback.self, .state(OrderForm.quantity)) { pick, _, context in
            let product = try await context.fsm.value(String.self, for: "product") ?? "?"
            try await context.fsm.clear()
            try await context.answerCallback("Ordered")
            try await context.editMessage(plain: "Order: \(product) × \(pick.quantity)")
        }
        form.callbackQuery(QuantityCallback.self) { _, _, context in
            try await context.answerCallback("This form has expired; send /order again.", showAlert: true)
        }
        root.include(form)
        let fallback = Router(name: "fallback")
        fallback.message { _, context in try await context.answer(plain: "Send /order to start.") }
        root.include(fallback)
        return root
    }

    @Test func formTakesAProductThenAQuantityButton() async throws {
        try await withRoutedBot(Self.makeBot()) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            #expect(try await ana.ask("/order") == "Which product?")
            #expect(try await ana.ask("Netflix Premium") == "How many Netflix Premium?")
            #expect(try await ana.ask("5") == "Please pick a quantity with the buttons.")
            let press = try await ana.press("2")
            let order = try await ana.nextMessage()
            #expect(order.text == "Order: Netflix Premium × 2")
            #expect(order.editDate != nil, "the question is edited into the answer")
            #expect(await ana.answer(toCallback: press)?.text == "Ordered")
            #expect(try await ana.ask("hello") == "Send /order to start.", "the form is over")
            #expect(await ana.transcript().first { $0.text.hasPrefix("Order:") }?.buttons.isEmpty == true, "the answered question keeps no buttons")
        }
    }

    @Test func cancelButtonLeavesTheFormAtAnyStep() async throws {
        try await withRoutedBot(Self.makeBot()) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            _ = try await ana.ask("/order")
            _ = try await ana.ask("Spotify")
            try await ana.press("✖ Cancel")
            #expect(try await ana.nextMessage().text == "Cancelled.")
            #expect(try await ana.ask("Spotify") == "Send /order to start.")
        }
    }

    @Test func cancelCommandLeavesTheFormAndSaysWhenThereIsNothingToCancel() async throws {
        try await withRoutedBot(Self.makeBot()) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let bob = await sandbox.makeUser(firstName: "Bob")
            _ = try await ana.ask("/order")
            _ = try await bob.ask("/order")
            #expect(try await ana.ask("/cancel") == "Cancelled.")
            #expect(try await ana.ask("/cancel") == "Nothing to cancel.")
            #expect(try await bob.ask("YouTube") == "How many YouTube?", "another user's form goes on")
            #expect(try await bob.ask("/cancel") == "Cancelled.")

            // The question's buttons are still on screen, but no longer place an order.
            let stale = try await bob.press("3")
            while await bob.answer(toCallback: stale) == nil { await Task.yield() }
            #expect(await bob.answer(toCallback: stale)?.text == "This form has expired; send /order again.")
        }
    }
}
