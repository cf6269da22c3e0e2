import BotAPISandbox
import FluentKit
import Foundation
import Logging
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// The admin panel's catalogue and stock, driven through the sandbox as an admin would.
@Suite(.timeLimit(.minutes(3))) struct AdminCatalogueTests {
    /// A customer made an admin, who has opened the panel.
    private func admin(_ harness: ShopHarness, language: String = "en") async throws -> SimulatedUser {
        let boss = try await harness.customer("Boss", languageCode: language)
        try await harness.shop.admins.add(boss.id, username: nil, by: ShopHarness.rootAdmin)
        _ = try await boss.ask("/admin")
        return boss
    }

    @Test(arguments: TestDatabaseKind.available)
    func aShopIsSetUpFromAnEmptyDatabaseInTelegramAlone(_ kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let boss = try await admin(harness)
            _ = try await boss.tap("🛍 Products")
            #expect(try await boss.tap("➕ Add product").shown == "Send the product's name.")
            #expect(try await boss.ask("Netflix <4K>").shown.contains("Send the description"))
            #expect(try await boss.ask("Ultra HD & four screens").shown.contains("Send a photo"))
            _ = try await boss.sendPhoto(Array(repeating: 9, count: 64))
            #expect(try await boss.nextMessage().shown == "Is it for Premium customers only?")
            let summary = try await boss.tap("No")
            #expect(summary.shown.contains("Name: Netflix <4K>"), "escaped, shown as typed")
            #expect(summary.shown.contains("Photo: ✓"))
            #expect(try await harness.shop.catalogue.productCount() == 0, "nothing is written before Confirm")
            let card = try await boss.tap("✅ Confirm")
            #expect(card.shown.contains("Product added"))

            for (label, days, price) in [("1 month", "30", "9,99"), ("Lifetime", nil, "25")] {
                _ = try await boss.tap("➕ Add price")
                _ = try await boss.ask(label)
                if let days { _ = try await boss.ask(days) } else { _ = try await boss.tap("♾ Lifetime") }
                _ = try await boss.ask(price)
                let confirm = try await boss.tap("No reseller price ›")
                #expect(confirm.shown.contains("Price: $\(price == "25" ? "25.00" : "9.99")"))
                #expect(try await boss.tap("✅ Confirm").shown.contains("Price added"))
                _ = try await boss.tap("‹ Back")
            }
            let product = try #require(try await harness.shop.catalogue.adminProducts().first)
            let prices = try await harness.shop.catalogue.adminProduct(product.id).prices
            #expect(prices.map(\.durationLabel) == ["1 month", "Lifetime"])
            #expect(prices.map(\.durationDays) == [30, nil])

            // Keys: pasted for the month, a file for lifetime.
            _ = try await boss.tap("1 month · $9.99 · 0")
            _ = try await boss.tap("🔑 Keys")
            _ = try await boss.tap("➕ Add keys")
            let preview = try await boss.ask("M-1\nM-2\n\nM-1")
            #expect(preview.shown.contains("Add 2 new keys"))
            #expect(preview.shown.contains("Duplicates: 1"))
            #expect(preview.shown.contains("line 4: repeated above"))
            #expect(try await boss.tap("✅ Confirm").shown.contains("Added: 2"))
            _ = try await boss.tap("‹ Back")
            _ = try await boss.tap("‹ Back")
            _ = try await boss.tap("Lifetime · $25.00 · 0")
            _ = try await boss.tap("🔑 Keys")
            _ = try await boss.tap("➕ Add keys")
            _ = try await boss.sendDocument(Array("key,note\nL-1,first\n\"L-2\",second\n".utf8), fileName: "lifetime.csv", mimeType: "text/csv")
            let filePreview = try await boss.nextMessage()
            #expect(filePreview.shown.contains("Add 2 new keys"), "\(filePreview.shown)")
            #expect(try await boss.tap("✅ Confirm").shown.contains("Unsold keys: 2"))

            // A customer sees it and buys; then the admin hides the price.
            let ana = try await harness.customer("Ana", balance: "30.00")
            _ = try await ana.tap("🛍 Products")
            let shopCard = try await ana.tap("Netflix <4K> · 4")
            #expect(shopCard.photo != nil && shopCard.shown.contains("Ultra HD & four screens"))
            _ = try await ana.tap("1 month · $9.99")
            let receipt = try await ana.tap("✅ Buy for $9.99")
            #expect(receipt.codeSpans.first.map { ["M-1", "M-2"].contains($0) } == true)

            _ = try await boss.tap("‹ Back")
            _ = try await boss.tap("‹ Back")
            _ = try await boss.tap("1 month · $9.99 · 1")
            let hidden = try await boss.tap("🙈 Hide")
            #expect(hidden.shown.contains("Shown to customers: no (hidden)"))
            _ = try await ana.ask("/start")
            _ = try await ana.tap("🛍 Products")
            let after = try await ana.tap("Netflix <4K> · 2")
            #expect(!after.buttons.contains("1 month · $9.99"), "a hidden price is no longer for sale")
            let audit = try await AuditEntry.query(on: harness.database).all().map(\.action)
            #expect(Set(audit).isSuperset(of: ["product.create", "price.create", "stock.add", "price.hide"]))
            #expect(try await AuditEntry.query(on: harness.database).filter(\.$action == "price.hide").first()?.after == "visible=false")

            // A Confirm pressed again (a second tap, or one handled anew) finds the dialog over.
            try await harness.forgePress(by: boss, data: "sc:1:confirm", messageID: hidden.messageID)
            #expect(try await boss.nextMessage().shown.hasPrefix("That dialog has ended"))
            #expect(try await harness.shop.catalogue.productCount() == 1, "nothing is added twice")
        }
    }

    @Test func wrongInputIsRefusedWithTheReasonAndAskedAgain() async throws {
        try await withShop { harness in
            let (product, _) = try await harness.product("Existing", keys: ["E-1"])
            let boss = try await admin(harness)
            _ = try await boss.tap("🛍 Products")
            _ = try await boss.tap("➕ Add product")
            let long = try await boss.ask(String(repeating: "🛒", count: 60))
            #expect(long.shown.contains("That name is 120 characters; customers see at most 100."), "counted in UTF-16, as Telegram does")
            _ = try await boss.sendPhoto(Array(repeating: 1, count: 16))
            #expect(try await boss.nextMessage().shown.contains("Send it as text"))
            _ = try await boss.ask("/cancel")
            #expect(try await harness.shop.catalogue.productCount() == 1)

            _ = try await boss.ask("/admin")
            _ = try await boss.tap("🛍 Products")
            _ = try await boss.tap("Existing · 1")
            _ = try await boss.tap("➕ Add price")
            _ = try await boss.ask("2 months")
            #expect(try await boss.ask("soon").shown.contains("soon isn't a number of days"), "the reason quotes what was typed")
            _ = try await boss.ask("60")
            for (typed, reason) in [
                ("9.999", "9.999 has more decimals than USD allows: send an amount like 9.99."),
                ("0", "A price is above zero"), ("-5", "can't be negative"), ("ten", "ten isn't an amount"),
                ("99999999999", "too large to be a price"),
            ] {
                #expect(try await boss.ask(typed).shown.contains(reason), "\(typed) is refused")
            }
            _ = try await boss.ask("10")
            let question = try await boss.ask("12")
            #expect(question.shown.contains("The reseller price $12.00 is above the price $10.00"))
            let confirm = try await boss.tap("Keep it")
            #expect(confirm.shown.contains("Reseller price: $12.00"))
            _ = try await boss.tap("✖ Cancel")
            #expect(try await harness.shop.catalogue.adminProduct(product).prices.count == 1, "cancelled at the summary: nothing written")

            let card = try await boss.tap("🗑 Delete")
            #expect(card.shown.contains("It can't be deleted: 1 key and 0 orders refer to it"))
            _ = try await boss.tap("🗄 Archive")
            #expect(try await boss.tap("✅ Confirm").shown.contains("no (archived)"))
            let ana = try await harness.customer("Ana")
            #expect(try await ana.tap("🛍 Products").shown.contains("Nothing for sale yet"), "an archived product is gone for customers at once")
        }
    }

    @Test func everyDialogCanBeCancelledAtEveryStepLeavingNothingBehind() async throws {
        try await withShop { harness in
            try await harness.product("Existing", keys: ["E-1"])
            let boss = try await admin(harness)
            let before = try await shopSnapshot(harness.database)
            // Each path is the taps and texts that reach a step; the dialog is then cancelled there.
            let addProduct = ["🛍 Products", "➕ Add product", "name:Game", "text:About", "🔘Skip ›"]
            let addPrice = ["🛍 Products", "Existing · 1", "➕ Add price", "text:1 week", "text:7", "text:3", "text:2"]
            let addKeys = ["🔑 Stock", "⚠️ Existing · 1 month · 1", "➕ Add keys", "text:K-9"]
            let product = ["🛍 Products", "Existing · 1"]
            let price = product + ["1 month · $5.00 · 1"]
            let stock = ["🔑 Stock", "⚠️ Existing · 1 month · 1"]
            let edits: [([String], Int)] = [
                (product + ["✏️ Name", "text:New"], 3), (product + ["✏️ Description", "text:Words"], 3), (product + ["🖼 Photo"], 3),
                (product + ["🗑 Delete", "🗄 Archive"], 4), (price + ["✏️ Label", "text:Week"], 4), (price + ["✏️ Duration", "text:7"], 4),
                (price + ["✏️ Price", "text:3"], 4), (price + ["✏️ Reseller price", "text:4"], 4), (price + ["🗑 Delete", "🗄 Archive"], 5),
                (stock + ["🧹 Delete all unsold"], 3), (stock + ["📋 Unsold keys", "🗑 1"], 4),
            ]
            // Each path with the length at which its dialog has begun.
            for (path, opening) in [(addProduct, 2), (addPrice, 3), (addKeys, 3)] + edits {
                for length in opening...path.count {
                    for (index, step) in path.prefix(length).enumerated() {
                        if index == 0 { _ = try await boss.ask("/admin") }
                        if step.hasPrefix("text:") || step.hasPrefix("name:") {
                            _ = try await boss.ask(String(step.dropFirst(5)))
                        } else {
                            _ = try await boss.tap(step.replacingOccurrences(of: "🔘", with: ""))
                        }
                    }
                    let cancelled = length % 2 == 0 ? try await boss.ask("/cancel") : try await boss.tap("✖ Cancel")
                    #expect(cancelled.shown.hasPrefix("Cancelled: nothing was changed."), "\(path.prefix(length))")
                }
            }
            #expect(try await shopSnapshot(harness.database) == before)
            #expect(try await boss.ask("Game").shown == "I didn't get that. Use the menu:", "no dialog is left waiting for input")
        }
    }

    @Test func aCustomerReplayingEveryAdminButtonOrCommandChangesNothing() async throws {
        try await withShop { harness in
            let (product, price) = try await harness.product("Existing", keys: ["E-1", "E-2"])
            let keyID = try #require(try await harness.shop.stock.unusedKeys(priceID: price).first?.id)
            let ana = try await harness.customer("Ana", balance: "5.00")
            let bob = try await harness.customer("Bob")
            try await harness.shop.admins.add(bob.id, username: nil, by: AuditLog.commandLine)
            let order = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: price).orderID
            let seller = try await harness.shop.sellers.add(username: "best_keys", displayName: "Best", by: ShopHarness.rootAdmin).id
            _ = try await harness.shop.stars.book(chargeID: "charge-1", telegramID: ana.id, stars: 100)
            let payment = try #require(try await harness.shop.users.profile(ana.id).starsPayments.first?.id)
            // A broadcast that is over, so the bot's broadcaster sends nothing while customers tap.
            let row = Broadcast()
            (row.adminID, row.text, row.audience, row.isPaid, row.status) = (ShopHarness.rootAdmin, "Hi", "everyone", false, .finished)
            try await row.create(on: harness.database)
            let broadcast = try row.requireID()
            let before = try await shopSnapshot(harness.database)
            var data: [String] = []
            for section in [
                "panel", "products", "stock", "addProduct", "findCustomer", "findOrder", "staff", "addAdmin", "sellers", "addSeller", "broadcast",
                "auditFilter", "export", "chart",
            ] { data.append("a:\(section):1") }
            for filter in CustomerFilter.allCases { data.append("al:\(filter.rawValue):1") }
            for action in ["open", "orders", "credit", "debit", "premium", "reseller", "ban"] { data.append("ac:\(ana.id):\(action):1") }
            data += [
                "ac:\(ana.id):refundStars:\(payment)", "ag:\(order):open", "ag:\(order):refund", "as:\(bob.id)", "as:\(ShopHarness.rootAdmin)",
                "ap:\(keyID):1",
            ]
            for action in ["open", "username", "name", "note", "up", "down", "remove"] { data.append("at:\(seller):\(action)") }
            for action in ["pause", "resume", "stop"] { data.append("ab:\(broadcast):\(action)") }
            for choice in ["ordersMonth", "ordersAll", "customers", "ledger", "audit"] { data.append("ae:\(choice)") }
            data += ["au:0:1", "au:\(ana.id):1"]
            for action in [
                "open", "name", "description", "photo", "removePhoto", "premium", "hide", "show", "up", "down", "delete", "archive", "unarchive",
                "addPrice",
            ] {
                data.append("ao:\(product):\(action)")
            }
            for action in [
                "open", "label", "duration", "amount", "reseller", "removeReseller", "hide", "show", "up", "down", "delete", "archive", "unarchive",
                "stock", "addKeys", "export", "deleteAll",
            ] {
                data.append("ar:\(price):\(action)")
            }
            data += ["ak:\(price):1", "ax:\(keyID):\(price)"]
            for answer in [
                "confirm", "skip", "yes", "no", "lifetime", "noReseller", "keep", "all", "next", "restock", "revoke", "everyone", "premium",
                "resellers", "buyers", "free", "paid",
            ] {
                data.append("ad:\(answer):1")
            }
            for item in data {
                // Each on a fresh menu, so every answer is an edit that shows.
                let menu = try await ana.ask("/start")
                #expect(menu.buttons.contains("🛍 Products"), "nothing else came before: \(item)")
                try await harness.forgePress(by: ana, data: item, messageID: menu.messageID)
                #expect(try await ana.nextMessage().shown == "I didn't get that. Use the menu:", "\(item)")
            }
            for command in ["/admin", "/admin products"] {
                #expect(try await ana.ask(command).shown == "I didn't get that. Use the menu:")
            }
            #expect(try await shopSnapshot(harness.database) == before)
        }
    }

    @Test func aKeysFileOfFiftyThousandLinesIsImportedWithProgress() async throws {
        try await withShop { harness in
            let (_, price) = try await harness.product("Bulk")
            let boss = try await admin(harness)
            _ = try await boss.tap("🔑 Stock")
            _ = try await boss.tap("⚠️ Bulk · 1 month · 0")
            _ = try await boss.tap("➕ Add keys")
            var lines = (1...49_990).map { "BULK-\($0)-\(String(repeating: "x", count: 12))" }
            lines +=
                Array(repeating: "", count: 5) + [
                    "BULK-1-xxxxxxxxxxxx", "BULK-2-xxxxxxxxxxxx", String(repeating: "y", count: 600), "BULK-50000", "BULK-49999",
                ]
            _ = try await boss.sendDocument(Array(lines.joined(separator: "\n").utf8), fileName: "bulk.txt")
            var sawProgress = false
            var message = try await boss.nextMessage(timeout: .seconds(60))
            while !message.shown.contains("Check and confirm") {
                sawProgress = sawProgress || message.shown.contains("⏳")
                message = try await boss.nextMessage(timeout: .seconds(60))
            }
            #expect(sawProgress, "a large file shows its progress")
            #expect(message.shown.contains("Add 49992 new keys"))
            #expect(message.shown.contains("Duplicates: 2") && message.shown.contains("Blank lines: 5") && message.shown.contains("Invalid: 1"))
            try await boss.press("✅ Confirm")
            message = try await boss.nextMessage(timeout: .seconds(60))
            while !message.shown.contains("Added:") { message = try await boss.nextMessage(timeout: .seconds(60)) }
            #expect(message.shown.contains("Added: 49992"))
            #expect(try await harness.shop.stock.unusedCount(priceID: price) == 49_992)
        }
    }

    @Test func aCustomerWhoAskedIsToldOnceWhenAPriceIsBack() async throws {
        try await withShop { harness in
            let (_, price) = try await harness.product("Rare", keys: ["R-1"])
            let ana = try await harness.customer("Ana", balance: "20.00")
            let bob = try await harness.customer("Bob", balance: "20.00")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Rare · 1")
            _ = try await ana.tap("1 month · $5.00")
            _ = try await bob.tap("🛍 Products")
            _ = try await bob.tap("Rare · 1")
            _ = try await bob.tap("1 month · $5.00")
            _ = try await ana.tap("✅ Buy for $5.00")
            let refusal = try await bob.tap("✅ Buy for $5.00")
            #expect(refusal.buttons.contains("🔔 Tell me when it's back"))
            try await bob.press("🔔 Tell me when it's back")
            try await bob.press("🔔 Tell me when it's back", messageID: refusal.messageID)
            _ = try await bob.ask("/start")
            #expect(try await RestockRequest.query(on: harness.database).count() == 1, "asking twice is one request")
            let boss = try await admin(harness)
            _ = try await boss.tap("🔑 Stock")
            _ = try await boss.tap("⚠️ Rare · 1 month · 0")
            _ = try await boss.tap("➕ Add keys")
            _ = try await boss.ask("R-2")
            _ = try await boss.tap("✅ Confirm")
            let notice = try await bob.nextMessage()
            #expect(notice.shown == "🔔 Rare · 1 month is back in stock.")
            #expect(try await RestockRequest.query(on: harness.database).count() == 0, "the request is used up: he is told once")
            #expect(try await harness.shop.stock.unusedCount(priceID: price) == 1)
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func unsoldKeysAreListedExportedAndDeletedOneOrAllWhileSoldOnesStay(_ kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let (_, price) = try await harness.product("Keys", keys: (1...12).map { "K-\($0)" })
            let ana = try await harness.customer("Ana", balance: "5.00")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Keys · 12")
            _ = try await ana.tap("1 month · $5.00")
            let sold = try #require(try await ana.tap("✅ Buy for $5.00").codeSpans.first)
            let boss = try await admin(harness)
            _ = try await boss.tap("🔑 Stock")
            _ = try await boss.tap("Keys · 1 month · 11")
            let page = try await boss.tap("📋 Unsold keys")
            #expect(page.codeSpans.count == 10 && !page.codeSpans.contains(sold), "a page of unsold keys, each copyable")
            #expect(page.buttons.contains("1/2"))
            let first = page.codeSpans[0]
            #expect(try await boss.tap("🗑 1").shown.contains("Delete the unsold key \(first)?"))
            let after = try await boss.tap("✅ Confirm")
            #expect(!after.codeSpans.contains(first) && after.codeSpans.count == 10)

            _ = try await boss.tap("‹ Back")
            try await boss.press("📤 Export")
            let export = try await boss.nextMessage()
            let document = try #require(export.document)
            #expect(document.fileName == "keys-keys-1-month.txt" && export.shown == "10 unsold keys of Keys · 1 month")
            let client = harness.sandbox.makeClient(retryPolicy: .standard)
            let bytes = try await client.download(try await client.send(GetFile(fileID: document.fileID)))
            let exported = String(buffer: bytes).split(separator: "\n").map(String.init)
            #expect(Set(exported) == Set((1...12).map { "K-\($0)" }).subtracting([sold, first]))

            _ = try await boss.ask("/admin")
            _ = try await boss.tap("🔑 Stock")
            _ = try await boss.tap("Keys · 1 month · 10")
            #expect(try await boss.tap("🧹 Delete all unsold").shown.contains("Delete all 10 unsold keys of Keys · 1 month?"))
            #expect(try await boss.tap("✅ Confirm").shown.contains("10 keys deleted"))
            #expect(try await harness.shop.stock.unusedCount(priceID: price) == 0)
            let keys = try await ProductKey.query(on: harness.database).all()
            #expect(keys.map(\.keyText) == [sold] && keys.allSatisfy(\.isUsed), "the sold key stays with its order")
            _ = try await boss.ask("/start")
            let soldID = try #require(keys.first?.id)
            try await harness.forgePress(by: boss, data: "ax:\(soldID):\(price)", messageID: try await boss.ask("/admin").messageID)
            _ = try await boss.nextMessage()
            #expect(try await boss.tap("✅ Confirm").shown.contains("That key has been sold: it stays with its order."))
            #expect(try await ProductKey.query(on: harness.database).count() == 1, "a sold key can't be deleted, even by forged data")
        }
    }

    @Test func everyFieldIsEditedOnItsOwnAndCustomersSeeItAtOnce() async throws {
        try await withShop { harness in
            let (first, price) = try await harness.product("First", keys: ["F-1"])
            try await harness.product("Second", keys: ["S-1"])
            let boss = try await admin(harness)
            let ana = try await harness.customer("Ana")
            _ = try await boss.tap("🛍 Products")
            _ = try await boss.tap("First · 1")
            for (button, typed, shown) in [
                ("✏️ Name", "Renamed", "Name: First → Renamed"), ("✏️ Description", "New words", "Description: none → New words"),
            ] {
                _ = try await boss.tap(button)
                #expect(try await boss.ask(typed).shown.contains(shown))
                #expect(try await boss.tap("✅ Confirm").shown.hasPrefix("✅ Saved."))
            }
            _ = try await boss.tap("🖼 Photo")
            _ = try await boss.sendPhoto(Array(repeating: 3, count: 32))
            _ = try await boss.nextMessage()
            _ = try await boss.tap("✅ Confirm")
            _ = try await boss.tap("💎 Premium only: no")
            #expect(try await boss.tap("⬇ Down").shown.hasPrefix("✅ Moved: now 2 of 2."))
            let product = try await harness.shop.catalogue.adminProduct(first)
            #expect(product.name == "Renamed" && product.description == "New words" && product.photoFileID != nil && product.isPremiumOnly)
            let catalogue = try await ana.tap("🛍 Products")
            #expect(catalogue.buttons.prefix(2) == ["Second · 1", "🔒 Renamed"], "moved down, renamed and premium-only at once")

            _ = try await boss.tap("1 month · $5.00 · 1")
            let edits: [(String, String?, String?, String)] = [
                ("✏️ Label", "Monthly", nil, "Label: 1 month → Monthly"), ("✏️ Duration", nil, "♾ Lifetime", "Duration: 30 days → lifetime"),
                ("✏️ Price", "7,50", nil, "Price: $5.00 → $7.50"), ("✏️ Reseller price", "6", nil, "Reseller price: none → $6.00"),
            ]
            for (button, typed, press, shown) in edits {
                _ = try await boss.tap(button)
                let summary = if let typed { try await boss.ask(typed) } else { try await boss.tap(press!) }
                #expect(summary.shown.contains(shown), "\(button)")
                _ = try await boss.tap("✅ Confirm")
            }
            let edited = try #require(try await harness.shop.catalogue.adminProduct(first).price(price))
            #expect(
                edited.durationLabel == "Monthly" && edited.durationDays == nil && edited.price == ShopHarness.dollars("7.50")
                    && edited.resellerPrice == ShopHarness.dollars("6.00"))
            _ = try await boss.tap("🗑 No reseller price")
            _ = try await boss.tap("✅ Confirm")
            #expect(try await harness.shop.catalogue.adminProduct(first).price(price)?.resellerPrice == nil)
            let actions = try await AuditEntry.query(on: harness.database).filter(\.$action == "price.edit").all().compactMap(\.before)
            #expect(actions.contains("label=1 month") && actions.contains("price=$5.00"), "each edit records what was there before")
        }
    }

    @Test func keysAddedOutsideThePanelAreAnnouncedByTheNotifiersNextRound() async throws {
        try await withShop { harness in
            let (_, price) = try await harness.product("Quiet", keys: ["Q-1"])
            let ana = try await harness.customer("Ana", balance: "5.00")
            let bob = try await harness.customer("Bob")
            let carl = try await harness.customer("Carl")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Quiet · 1")
            _ = try await ana.tap("1 month · $5.00")
            _ = try await ana.tap("✅ Buy for $5.00")
            for customer in [bob, carl] {
                _ = try await harness.restockRequest(by: customer, priceID: price)
            }
            await carl.block()
            // As the command line adds keys: no admin chat, so the notifier's round tells them.
            _ = try await harness.shop.stock.addKeys("Q-2", to: price, by: AuditLog.commandLine)
            let notifier = RestockNotifier(shop: harness.shop, bot: harness.sandbox.makeClient(retryPolicy: .standard), logger: Logger(label: "test"))
            #expect(try await notifier.notifyDue() == 1, "Bob is told; Carl blocked the bot")
            #expect(try await bob.nextMessage().shown == "🔔 Quiet · 1 month is back in stock.")
            #expect(try await notifier.notifyDue() == 0, "each is told once, and a blocked customer isn't retried")
        }
    }

    @Test func thePanelSpeaksTheAdminsLanguage() async throws {
        try await withShop { harness in
            let boss = try await admin(harness, language: "ru")
            let products = try await boss.tap("🛍 Товары")
            #expect(products.shown.contains("Товаров пока нет"))
            #expect(try await boss.tap("➕ Добавить товар").shown == "Отправьте название товара.")
            #expect(try await boss.ask("/cancel").shown.hasPrefix("Отменено: ничего не изменено."))

            let panel = try await boss.ask("/admin")
            #expect(
                ["👥 Покупатели", "🧾 Заказы", "📣 Рассылка", "🤝 Продавцы", "📜 Журнал", "📤 Выгрузка", "📈 График"].allSatisfy(panel.buttons.contains))
            let customers = try await boss.tap("👥 Покупатели")
            #expect(customers.shown.contains("Все: 1 покупатель") && customers.buttons.contains("🔎 Найти покупателя"))
            _ = try await boss.tap("🔎 Найти покупателя")
            #expect(try await boss.nextMessage().shown.contains("Или выберите его"))
            #expect(try await boss.ask("@nobody_here").shown.contains("Покупателя @nobody_here нет"))
            _ = try await boss.nextMessage()
            #expect(try await boss.ask("/cancel").shown.hasPrefix("Отменено"))
            _ = try await boss.nextMessage()
            _ = try await boss.ask("/admin")
            _ = try await boss.tap("📣 Рассылка")
            #expect(try await boss.ask("Tom & Jerry").shown.contains("Telegram это не примет"))
        }
    }
}
