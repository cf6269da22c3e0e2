import BotAPISandbox
import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// Orders and refunds, the admins (the root admin's alone) and the trusted sellers, through the
/// sandbox as admins would use them.
@Suite(.timeLimit(.minutes(3))) struct AdminOrdersAndStaffTests {
    /// Opens order `number` from the panel.
    static func open(order number: Int, _ boss: SimulatedUser) async throws -> Message {
        _ = try await boss.ask("/admin")
        #expect(try await boss.tap("🧾 Orders").shown.contains("Send the order's number"))
        return try await boss.ask("#\(number)")
    }

    @Test(arguments: TestDatabaseKind.available)
    func oneKeyOfThreeIsRefundedOnceAndASecondRefundOfItIsRefused(_ kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let (_, price) = try await harness.product("Netflix", price: "3.00", keys: ["N-1", "N-2", "N-3", "N-4"])
            let ana = try await harness.customer("Ana", balance: "9.00")
            _ = try await harness.shop.users.setReseller(true, telegramID: ana.id)
            let receipt = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: price, quantity: 3)
            let boss = try await AdminCustomersTests.admin(harness)
            let helper = try await AdminCustomersTests.admin(harness, "Helper")

            #expect(try await boss.ask("/admin").buttons.contains("🧾 Orders"))
            _ = try await boss.tap("🧾 Orders")
            #expect(try await boss.ask("order 7").shown.contains("is not an order number"))
            #expect(try await boss.ask("9999").shown.contains("There is no order #9999."))
            let order = try await boss.ask("#\(receipt.orderID)")
            #expect(
                order.shown.contains("Order #\(receipt.orderID)") && order.shown.contains("Paid: $9.00")
                    && receipt.keys.allSatisfy(order.codeSpans.contains))

            // Both admins get to the same refund's Confirm; the first one wins, the second is refused.
            for admin in [boss, helper] {
                if admin.id == helper.id { _ = try await Self.open(order: receipt.orderID, helper) }
                let choose = try await admin.tap("↩️ Refund…")
                #expect(choose.shown.contains("Which keys are refunded?"))
                #expect(try await admin.tap("Next ›").shown.contains("Choose at least one key."))
                #expect(try await admin.tap("☐ N-2").buttons.contains("☑ N-2"))
                #expect(try await admin.tap("Next ›").shown.contains("Should the refunded keys be sold again?"))
                let summary = try await admin.tap("🚫 Revoke: never sold again")
                #expect(
                    summary.shown.contains("Keys: 1 of 3: N-2") && summary.shown.contains("Refund: $3.00")
                        && summary.shown.contains("Balance: $0.00 → $3.00"))
            }
            #expect(try await boss.tap("✅ Confirm").shown.contains("✅ Refunded $3.00 for 1 key."))
            #expect(try await ana.nextMessage().shown == "↩️ Order #\(receipt.orderID): $3.00 refunded to your balance for 1 key.\nBalance: $3.00")
            let second = try await helper.tap("✅ Confirm")
            #expect(second.shown.contains("Part of that has been refunded meanwhile; nothing was changed."))
            #expect(second.shown.contains("$3.00 refunded, revoked"))

            // The rest go back to stock; the revoked key is never sold again.
            _ = try await boss.tap("↩️ Refund…")
            _ = try await boss.tap("All keys")
            let rest = try await boss.tap("📦 Back to stock")
            #expect(rest.shown.contains("Keys: 2 of 3") && rest.shown.contains("Refund: $6.00") && rest.shown.contains("Balance: $3.00 → $9.00"))
            let done = try await boss.tap("✅ Confirm")
            #expect(done.shown.contains("Status: refunded") && !done.buttons.contains("↩️ Refund…"))
            #expect(try await ana.nextMessage().shown.contains("$6.00 refunded to your balance for 2 keys"))
            #expect(try await harness.shop.stock.unusedKeys(priceID: price).map(\.text) == ["N-1", "N-3", "N-4"])
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("9.00"))
            #expect(try await harness.shop.ledger.unbalancedCustomers().isEmpty)
            #expect(try await KeyRefund.query(on: harness.database).count() == 3)
        }
    }

    @Test func anOrderWithOneKeyLeftGoesStraightToTheChoiceOfStockOrRevoke() async throws {
        try await withShop { harness in
            let (_, price) = try await harness.product("Spotify", price: "2.00", keys: ["S-1"])
            let ana = try await harness.customer("Ana", balance: "2.00")
            let receipt = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: price)
            let boss = try await AdminCustomersTests.admin(harness)
            _ = try await Self.open(order: receipt.orderID, boss)
            #expect(try await boss.tap("↩️ Refund…").shown.contains("Should the refunded keys be sold again?"))
        }
    }

    @Test func onlyTheRootAdminManagesAdminsAndNobodyRemovesTheRoot() async throws {
        try await withShop(rootAdminID: ShopHarness.firstSandboxUser) { harness in
            let owner = try await harness.customer("Owner")
            #expect(owner.id == ShopHarness.firstSandboxUser)
            let ana = try await harness.customer("Ana", username: "ana_k")
            let bob = try await harness.customer("Bob")
            let stranger = await harness.sandbox.makeUser(firstName: "Carol", username: "carol_c")

            let panel = try await owner.ask("/admin")
            #expect(panel.buttons.contains("👮 Admins"))
            let staff = try await owner.tap("👮 Admins")
            #expect(staff.shown.contains("👑 Owner"))
            // By @username (a customer), by the picker (anyone), by id.
            _ = try await owner.tap("➕ Add admin")
            _ = try await owner.nextMessage()
            #expect(try await owner.ask("@carol_c").shown.contains("No one with @carol_c has started the bot"))
            _ = try await owner.nextMessage()
            #expect(try await owner.ask("@ana_k").shown.contains("Found: Ana (@ana_k)"))
            #expect(try await owner.nextMessage().shown.contains("Make Ana (@ana_k) an admin?"))
            #expect(try await harness.shop.admins.list() == [owner.id], "nothing before Confirm")
            #expect(try await owner.tap("✅ Confirm").shown.contains("✅ Ana (@ana_k) is an admin now."))
            _ = try await owner.tap("➕ Add admin")
            _ = try await owner.nextMessage()
            try await owner.share([stranger], requestID: AdminTemplates.pickerRequestID)
            _ = try await owner.nextMessage()
            _ = try await owner.nextMessage()
            _ = try await owner.tap("✅ Confirm")
            _ = try await owner.tap("➕ Add admin")
            _ = try await owner.nextMessage()
            _ = try await owner.ask("\(bob.id)")
            _ = try await owner.nextMessage()
            let added = try await owner.tap("✅ Confirm")
            #expect(try await harness.shop.admins.list() == [owner.id, ana.id, stranger.id, bob.id])
            #expect(!added.buttons.contains { $0.contains("Owner") }, "the root admin has no Remove button")

            // An admin who isn't root: no section, and neither buttons nor data get them in.
            let before = try await shopSnapshot(harness.database)
            let anaPanel = try await ana.ask("/admin")
            #expect(anaPanel.buttons.contains("👥 Customers") && !anaPanel.buttons.contains("👮 Admins"))
            for data in ["a:staff:1", "a:addAdmin:1", "as:\(bob.id)", "as:\(owner.id)"] {
                // On a fresh menu, so the panel the refusal falls back to is an edit that shows.
                let menu = try await ana.ask("/start")
                let press = try await harness.forgePress(by: ana, data: data, messageID: menu.messageID)
                #expect(try await ana.nextMessage().shown.contains("Admin panel"), "\(data)")
                #expect(await harness.sandbox.state.callbackAnswer(press)?.text == "Only the root admin manages admins.", "\(data)")
            }
            // The root can't remove themselves either, even with forged data.
            let menu = try await owner.ask("/start")
            let press = try await harness.forgePress(by: owner, data: "as:\(owner.id)", messageID: menu.messageID)
            _ = try await owner.nextMessage()
            #expect(await harness.sandbox.state.callbackAnswer(press)?.text == "The root admin can't be removed.")
            #expect(try await shopSnapshot(harness.database) == before)

            // Removed: Bob loses the panel at his next message.
            #expect(try await bob.ask("/admin").shown.contains("Admin panel"))
            _ = try await owner.ask("/admin")
            _ = try await owner.tap("👮 Admins")
            #expect(try await owner.tap("✖ Remove Bob").shown.contains("Remove Bob from the admins?"))
            #expect(try await owner.tap("✅ Confirm").shown.contains("Removed: they lose the panel"))
            #expect(try await bob.ask("/admin").shown == "I didn't get that. Use the menu:")
            #expect(try await harness.shop.admins.list() == [owner.id, ana.id, stranger.id])
        }
    }

    @Test func trustedSellersAreAddedEditedReorderedAndRemovedAsCustomersSeeThem() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            let noName = try await harness.customer("Nameless")
            let seller = try await harness.customer("Sam", username: "sam_sells")
            let boss = try await AdminCustomersTests.admin(harness)
            _ = try await boss.tap("🤝 Sellers")
            for (username, name, note) in [("@best_keys", "Best <Keys>", "fast & fair"), ("\(seller.id)", "Sam", nil)] {
                #expect(try await boss.tap("➕ Add seller").shown.contains("Send the seller's @username"))
                if username == "@best_keys" {
                    #expect(try await boss.ask("@no").shown.contains("A Telegram username has 5 to 32"))
                    #expect(try await boss.ask("\(noName.id)").shown.contains("has no username"))
                }
                #expect(try await boss.ask(username).shown.contains("What name do customers see?"))
                _ = try await boss.ask(name)
                let summary: Message
                if let note { summary = try await boss.ask(note) } else { summary = try await boss.tap("Skip ›") }
                #expect(summary.shown.contains("Name: \(name)"))
                #expect(try await boss.tap("✅ Confirm").shown.contains("✅ Added."))
                _ = try await boss.tap("‹ Back")
            }
            _ = try await boss.tap("➕ Add seller")
            #expect(try await boss.ask("@best_keys").shown.contains("@best_keys is on the list already."), "refused at the step, not at Confirm")
            _ = try await boss.ask("/cancel")

            _ = try await boss.ask("/admin")
            _ = try await boss.tap("🤝 Sellers")
            _ = try await boss.tap("Sam · @sam_sells")
            #expect(try await boss.tap("⬆ Up").shown.contains("Moved: now 1 of 2."))
            _ = try await boss.tap("✏️ Name")
            #expect(try await boss.ask("Sam the seller").shown.contains("Name: Sam → Sam the seller"))
            _ = try await boss.tap("✅ Confirm")
            _ = try await boss.tap("✏️ Note")
            _ = try await boss.ask("weekdays")
            _ = try await boss.tap("✅ Confirm")
            _ = try await ana.ask("/start")
            let shown = try await ana.tap("🤝 Trusted sellers")
            let sam = try #require(shown.shown.range(of: "Sam the seller"))
            let best = try #require(shown.shown.range(of: "Best <Keys>"))
            #expect(sam.lowerBound < best.lowerBound, "in the order the admin set")
            #expect(shown.shown.contains("weekdays") && shown.shown.contains("fast & fair"))

            _ = try await boss.tap("🗑 Remove")
            #expect(try await boss.tap("✅ Confirm").shown.contains("✅ Removed."))
            #expect(try await harness.shop.sellers.list().map(\.username) == ["best_keys"])
        }
    }

    @Test func anAdminRemovedFromTheCommandLineLosesThePanelAtOnce() async throws {
        try await withShop { harness in
            let boss = try await AdminCustomersTests.admin(harness)
            #expect(try await boss.ask("/admin").shown.contains("Admin panel"), "cached as an admin by the bot")
            // The command line opens the shop with a cache of its own: the bot's isn't cleared.
            let commandLine = AdminService(database: harness.database, rootAdminID: ShopHarness.rootAdmin)
            try await commandLine.remove(boss.id, by: AuditLog.commandLine)
            #expect(try await boss.ask("/admin").shown == "I didn't get that. Use the menu:")
        }
    }
}
