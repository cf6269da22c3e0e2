import BotAPISandbox
import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// Every dialog of the customers, orders, admins and sellers sections can be left at every step,
/// with /cancel or ✖ Cancel, and leaves the database as it was.
@Suite(.timeLimit(.minutes(3))) struct AdminPeopleDialogsTests {
    @Test func everyPeopleDialogCanBeCancelledAtEveryStepLeavingNothingBehind() async throws {
        try await withShop(rootAdminID: ShopHarness.firstSandboxUser) { harness in
            let owner = try await harness.customer("Owner")
            let (_, price) = try await harness.product("Netflix", price: "1.00", keys: ["K-1", "K-2", "K-3"])
            let ana = try await harness.customer("Ana", balance: "5.00", username: "ana_k")
            _ = try await harness.shop.users.setReseller(true, telegramID: ana.id)
            let order = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: price, quantity: 2).orderID
            _ = try await harness.shop.stars.book(chargeID: "charge-1", telegramID: ana.id, stars: 100)
            _ = try await harness.customer("Bob", username: "bob_b")
            let helper = try await harness.customer("Helper")
            try await harness.shop.admins.add(helper.id, username: nil, by: owner.id)
            _ = try await harness.shop.sellers.add(username: "best_keys", displayName: "Best", by: owner.id)
            let before = try await shopSnapshot(harness.database) + ["broadcasts \(try await Broadcast.query(on: harness.database).count())"]

            // A step is a tap, `text:` typed, `pick:` a tap answered with two messages (the user
            // picker's, or a broadcast's preview before its summary), or `found:` typed and
            // answered with "Found" before the next screen.
            let profile = ["👥 Customers", "pick:🔎 Find a customer", "found:@ana_k"]
            let stars = "⭐ Refund 100 Stars · " + ShopTemplates.date(Date())
            let seller = ["🤝 Sellers", "Best · @best_keys"]
            // Each path with the length at which its dialog has begun.
            let paths: [([String], Int)] = [
                (["👥 Customers", "pick:🔎 Find a customer"], 2),
                (profile + ["➕ Credit", "text:5", "text:Because"], 4), (profile + ["➖ Debit", "text:1", "text:Because"], 4),
                (profile + ["💎 Grant premium"], 4), (profile + ["🏪 Not a reseller"], 4), (profile + ["⛔ Ban"], 4), (profile + [stars], 4),
                (["🧾 Orders"], 1), (["🧾 Orders", "text:#\(order)", "↩️ Refund…", "☐ K-1", "Next ›", "🚫 Revoke: never sold again"], 3),
                (["👮 Admins", "pick:➕ Add admin", "found:@bob_b"], 2), (["👮 Admins", "✖ Remove Helper"], 2),
                (["🤝 Sellers", "➕ Add seller", "text:@new_seller", "text:New", "text:A note"], 2),
                (seller + ["✏️ Username", "text:@other_name"], 3), (seller + ["✏️ Name", "text:Other"], 3),
                (seller + ["✏️ Note", "text:weekdays"], 3), (seller + ["🗑 Remove"], 3),
                (["📣 Broadcast", "text:<b>Hello</b>", "text:Open | https://t.me/sandbox_shop_bot", "pick:👥 Everyone"], 1),
                (["📜 Audit log", "pick:🔎 By or about someone"], 2),
            ]
            var cancellations = 0
            for (path, opening) in paths {
                for length in opening...path.count {
                    _ = try await owner.ask("/admin")
                    for step in path.prefix(length) {
                        if step.hasPrefix("text:") {
                            _ = try await owner.ask(String(step.dropFirst(5)))
                        } else if step.hasPrefix("found:") {
                            #expect(try await owner.ask(String(step.dropFirst(6))).shown.hasPrefix("🔎 Found"), "\(path.prefix(length))")
                            _ = try await owner.nextMessage()
                        } else if step.hasPrefix("pick:") {
                            _ = try await owner.tap(String(step.dropFirst(5)))
                            _ = try await owner.nextMessage()
                        } else {
                            _ = try await owner.tap(step)
                        }
                    }
                    let picking = path[length - 1].hasPrefix("pick:") && !path[length - 1].contains("Everyone")
                    cancellations += 1
                    let cancelled = cancellations % 2 == 0 ? try await owner.ask("/cancel") : try await owner.tap("✖ Cancel")
                    #expect(cancelled.shown.hasPrefix("Cancelled: nothing was changed."), "\(path.prefix(length))")
                    // Leaving the picker takes it away in a message of its own; the screen follows.
                    if picking {
                        #expect(await owner.replyKeyboard() == nil)
                        _ = try await owner.nextMessage()
                    }
                }
            }
            #expect(cancellations == 35, "18 dialogs, each step")
            #expect(try await shopSnapshot(harness.database) + ["broadcasts \(try await Broadcast.query(on: harness.database).count())"] == before)
            #expect(try await owner.ask("Because").shown == "I didn't get that. Use the menu:", "no dialog is left waiting for input")
            #expect(try await harness.shop.ledger.unbalancedCustomers().isEmpty)
        }
    }
}
