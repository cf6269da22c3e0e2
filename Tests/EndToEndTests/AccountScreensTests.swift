import BotAPISandbox
import Marketplace
import MarketplaceTesting
import QuantumPanel
import TelegramBotAPI
import Testing

/// Balance, orders, premium, Stars top-ups, and the screens around them.
@Suite(.timeLimit(.minutes(2))) struct AccountScreensTests {
    @Test func balanceShowsRecentActivityAndOrdersReopenWithTheirKeys() async throws {
        try await withShop { harness in
            try await harness.product("Netflix", price: "5.00", keys: ["N-1", "N-2"])
            let ana = try await harness.customer("Ana", balance: "20.00")
            for _ in 1...2 {
                _ = try await ana.tap("🛍 Products")
                _ = try await ana.tap("Netflix · \(try await harness.shop.stock.unusedCount(priceID: 1))")
                _ = try await ana.tap("1 month · $5.00")
                _ = try await ana.tap("✅ Buy for $5.00")
                _ = try await ana.tap("🏠 Menu")
            }
            let balance = try await ana.tap("💰 Balance")
            #expect(balance.shown.contains("$10.00"))
            #expect(balance.shown.contains("Purchase -$5.00"))
            #expect(balance.shown.contains("Credit +$20.00"))
            #expect(balance.buttons.contains("⭐ Top up with Stars"))
            _ = try await ana.tap("🏠 Menu")
            let orders = try await ana.tap("📦 My orders")
            #expect(orders.buttons.prefix(2) == ["#2 · Netflix · 1 month", "#1 · Netflix · 1 month"])
            let first = try await ana.tap("#1 · Netflix · 1 month")
            #expect(first.shown.contains("Order #1"))
            #expect(first.codeSpans == ["N-1"])
        }
    }

    @Test func longOrderHistoriesArePaginated() async throws {
        try await withShop { harness in
            let (_, price) = try await harness.product("Bulk", price: "1.00", keys: (1...10).map { "B-\($0)" })
            let ana = try await harness.customer("Ana", balance: "10.00")
            for number in 1...10 {
                _ = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: price, idempotencyKey: "order-\(number)")
            }
            let first = try await ana.tap("📦 My orders")
            #expect(first.buttons.filter { $0.hasPrefix("#") }.count == 8)
            #expect(first.buttons.first == "#10 · Bulk · 1 month", "newest first")
            let second = try await ana.tap("›")
            #expect(second.buttons.filter { $0.hasPrefix("#") } == ["#2 · Bulk · 1 month", "#1 · Bulk · 1 month"])
            let order = try await ana.tap("#1 · Bulk · 1 month")
            #expect(order.codeSpans == ["B-1"])
            #expect(try await ana.tap("‹ Back").buttons.contains("#1 · Bulk · 1 month"), "back to the page it came from")
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func premiumIsPaidFromTheBalanceOnce(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let poor = try await harness.customer("Poor", balance: "4.00")
            _ = try await poor.tap("💎 Premium")
            let refused = try await poor.tap("💎 Upgrade for $10.00")
            #expect(refused.shown.contains("you need $6.00 more for Premium"))

            let ana = try await harness.customer("Ana", balance: "12.00")
            let pitch = try await ana.tap("💎 Premium")
            #expect(pitch.shown.contains("Premium unlocks"))
            let upgraded = try await ana.tap("💎 Upgrade for $10.00")
            #expect(upgraded.shown.contains("Welcome to Premium"))
            let customer = try #require(try await harness.shop.users.find(telegramID: ana.id))
            #expect(customer.isPremium && customer.balance == ShopHarness.dollars("2.00"))
            #expect(try await ana.ask("/start").shown.contains("Status: 💎 Premium"))
            #expect(try await ana.tap("💎 Premium").shown.contains("You are Premium"))
            #expect(try await harness.shop.ledger.recentLines(of: ana.id).map(\.reason) == [.premiumUpgrade, .adminCredit])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func starsTopUpIsCreditedOnceEvenWhenThePaymentArrivesTwice(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let ana = try await harness.customer("Ana")
            _ = try await ana.tap("💰 Balance")
            let options = try await ana.tap("⭐ Top up with Stars")
            #expect(options.buttons.prefix(2) == ["⭐ 100 → $1.00", "⭐ 500 → $5.00"])
            try await ana.press("⭐ 500 → $5.00")
            let invoice = try await ana.nextMessage()
            #expect(invoice.invoice?.currency == "XTR")
            #expect(invoice.invoice?.totalAmount == 500)
            guard case .paid(let chargeID) = try await ana.pay(invoiceMessageID: invoice.messageID) else {
                Issue.record("the payment was not accepted")
                return
            }
            #expect(try await ana.nextMessage().shown.contains("$5.00 added. Balance: $5.00"))
            try await harness.sandbox.state.redeliverSuccessfulPayment(chargeID: chargeID)
            #expect(try await ana.nextMessage().shown.contains("already added"))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("5.00"))
            #expect(try await harness.shop.ledger.recentLines(of: ana.id).map(\.reason) == [.starsTopUp])
        }
    }

    @Test func preCheckoutIsRefusedForABannedCustomer() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            _ = try await ana.tap("💰 Balance")
            _ = try await ana.tap("⭐ Top up with Stars")
            try await ana.press("⭐ 100 → $1.00")
            let invoice = try await ana.nextMessage()
            _ = try await harness.shop.users.setBanned(true, telegramID: ana.id)
            #expect(try await ana.pay(invoiceMessageID: invoice.messageID) == .declined(errorMessage: "Your account can't make payments."))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("0.00"))
        }
    }

    @Test func preCheckoutIsRefusedForAnInvoiceTheShopDidNotIssue() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            let bot = harness.sandbox.makeClient()
            // Invoices another program (or an older version) sent with the bot's token.
            let forged = [("topup:\(ana.id + 1):100", Int64(100)), ("topup:\(ana.id):100", 50), ("topup:\(ana.id):7", 7), ("gift:\(ana.id)", 100)]
            for (payload, amount) in forged {
                let invoice = try await bot.send(
                    SendInvoice(
                        chatID: .id(ana.chatID), title: "Top-up", description: "Stars", payload: payload, currency: "XTR",
                        prices: [LabeledPrice(label: "Stars", amount: amount)]
                    ))
                _ = try await ana.nextMessage()
                #expect(
                    try await ana.pay(invoiceMessageID: invoice.messageID)
                        == .declined(errorMessage: "This payment can't be accepted. Please start the top-up again."), "\(payload) for \(amount)")
            }
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("0.00"))
        }
    }

    @Test func bannedCustomerGetsOneShortMessageAndNothingElse() async throws {
        try await withShop { harness in
            try await harness.product("Netflix", keys: ["N-1"])
            let ana = try await harness.customer("Ana", balance: "10.00")
            _ = try await harness.shop.users.setBanned(true, telegramID: ana.id)
            #expect(try await ana.ask("/start").shown == "⛔ Your access to this shop is blocked.")
            let press = try await ana.press("🛍 Products")
            while await ana.answer(toCallback: press) == nil { await Task.yield() }
            #expect(await ana.answer(toCallback: press)?.text == "⛔ Your access to this shop is blocked.")
            #expect(try await ana.ask("hello").shown == "⛔ Your access to this shop is blocked.")
        }
    }

    @Test func sellersSupportHelpAndUnexpectedInput() async throws {
        try await withShop { harness in
            _ = try await harness.shop.sellers.add(username: "best_keys", displayName: "Best <Keys>", note: "fast & fair", by: ShopHarness.rootAdmin)
            let ana = try await harness.customer("Ana")
            let sellers = try await ana.tap("🤝 Trusted sellers")
            #expect(sellers.shown.contains("Best <Keys> @best_keys — fast & fair"))
            #expect(sellers.replyMarkup?.inlineKeyboard.first?.first?.url == "https://t.me/best_keys")
            _ = try await ana.tap("🏠 Menu")
            let support = try await ana.tap("🆘 Support")
            #expect(support.shown.contains("write to @shop_support"))
            #expect(try await ana.ask("/help").shown.contains("How it works"))
            let hint = try await ana.ask("where is my key??")
            #expect(hint.shown == "I didn't get that. Use the menu:")
            #expect(hint.buttons.first == "🛍 Products")
            #expect(try await ana.ask("/cancel").shown == "Nothing to cancel.")
        }
    }

    @Test func adminsGetTheDashboardAndOthersDontKnowItExists() async throws {
        try await withShop { harness in
            try await harness.product("Scarce", keys: ["S-1"])
            let ana = try await harness.customer("Ana")
            #expect(try await ana.ask("/admin").shown == "I didn't get that. Use the menu:")
            let boss = try await harness.customer("Boss")
            try await harness.shop.admins.add(boss.id, username: nil, by: ShopHarness.rootAdmin)
            let menu = try await boss.ask("/start")
            #expect(menu.buttons.last == "🛠 Admin panel")
            let dashboard = try await boss.tap("🛠 Admin panel")
            #expect(dashboard.shown.contains("Customers: 2"))
            #expect(dashboard.shown.contains("Today: 0 orders · $0.00"))
            #expect(dashboard.shown.contains("Scarce · 1 month: 1"), "low stock is listed per price")
            try await harness.shop.admins.remove(boss.id, by: ShopHarness.rootAdmin)
            #expect(try await boss.ask("/admin").shown == "I didn't get that. Use the menu:", "removal takes effect on the next update")
        }
    }

    @Test func longSellerListsStayWithinTelegramsLimits() async throws {
        try await withShop { harness in
            for number in 1...40 {
                _ = try await harness.shop.sellers.add(
                    username: "seller_\(number)", displayName: "Seller \(number)", note: String(repeating: "Reliable. ", count: 20),
                    by: ShopHarness.rootAdmin
                )
            }
            let ana = try await harness.customer("Ana")
            let sellers = try await ana.tap("🤝 Trusted sellers")
            #expect(sellers.shown.utf16.count <= 4096)
            #expect(sellers.shown.hasSuffix("…"), "the list says there is more")
            #expect(sellers.buttons.count == 21, "twenty sellers' buttons and the menu")
        }
    }

    @Test func tooManyTapsAtOnceGetOneNoticeInTheUsersLanguage() async throws {
        try await withShop(throttling: ShopBot.throttling(perSecond: 0.1, burst: 2)) { harness in
            let ivan = await harness.sandbox.makeUser(firstName: "Иван", languageCode: "ru")
            for _ in 1...4 { try await ivan.send("/help") }
            var texts: [String] = []
            for _ in 1...3 { texts.append(try await ivan.nextMessage().shown) }
            #expect(texts.filter { $0.contains("Как это работает") }.count == 2)
            #expect(texts.last == "⏳ Слишком много нажатий подряд: подождите немного.")
            #expect(await ivan.nextEvent(timeout: .milliseconds(300)) == nil, "one notice per burst")
        }
    }

    @Test func languageCanBeSwitchedAndStaysSwitched() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            _ = try await ana.tap("🌐 Language")
            let russian = try await ana.tap("🇷🇺 Русский")
            #expect(russian.shown.contains("Добро пожаловать, Ana!"))
            #expect(try await ana.ask("/start").shown.contains("Добро пожаловать"), "Telegram's en does not undo the choice")
            _ = try await ana.tap("🌐 Язык")
            #expect(try await ana.tap("🇬🇧 English").shown.contains("Welcome, Ana!"))
        }
    }
}
