import BotAPISandbox
import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import QuantumPanel
import TelegramBotAPI
import Testing

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
            #expect(try await harness.shop.catalog.productCount() == 0, "nothing is written before Confirm")
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
            let product = try #require(try await harness.shop.catalog.adminProducts().first)
            let prices = try await harness.shop.catalog.adminProduct(product.id).prices
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
            #expect(try await boss.tap("🙈 Hide").shown.contains("Shown to customers: no (hidden)"))
            _ = try await ana.ask("/start")
            _ = try await ana.tap("🛍 Products")
            let after = try await ana.tap("Netflix <4K> · 2")
            #expect(!after.buttons.contains("1 month · $9.99"), "a hidden price is no longer for sale")
            let audit = try await AuditEntry.query(on: harness.database).all().map(\.action)
            #expect(Set(audit).isSuperset(of: ["product.create", "price.create", "stock.add", "price.hide"]))
            #expect(try await AuditEntry.query(on: harness.database).filter(\.$action == "price.hide").first()?.after == "visible=false")
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
            #expect(try await harness.shop.catalog.productCount() == 1)

            _ = try await boss.ask("/admin")
            _ = try await boss.tap("🛍 Products")
            _ = try await boss.tap("Existing · 1")
            _ = try await boss.tap("➕ Add price")
            _ = try await boss.ask("2 months")
            #expect(try await boss.ask("soon").shown.contains("<code>soon</code>") == false, "the reason shows the text, not the markup")
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
            #expect(try await harness.shop.catalog.adminProduct(product).prices.count == 1, "cancelled at the summary: nothing written")

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
            let (product, price) = try await harness.product("Existing", keys: ["E-1"])
            let boss = try await admin(harness)
            let before = try await snapshot(harness.database)
            // Each path is the taps and texts that reach a step; the dialog is then cancelled there.
            let addProduct = ["🛍 Products", "➕ Add product", "name:Game", "text:About", "🔘Skip ›"]
            let addPrice = ["🛍 Products", "Existing · 1", "➕ Add price", "text:1 week", "text:7", "text:3", "text:2"]
            let addKeys = ["🔑 Stock", "⚠️ Existing · 1 month · 1", "➕ Add keys", "text:K-9"]
            // The first step inside each dialog is the third entry (the second for a new product).
            for (path, opening) in [(addProduct, 2), (addPrice, 3), (addKeys, 3)] {
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
            #expect(try await snapshot(harness.database) == before)
            _ = (product, price)
        }
    }

    @Test func aCustomerReplayingEveryAdminButtonOrCommandChangesNothing() async throws {
        try await withShop { harness in
            let (product, price) = try await harness.product("Existing", keys: ["E-1", "E-2"])
            let keyID = try #require(try await harness.shop.stock.unusedKeys(priceID: price).first?.id)
            let ana = try await harness.customer("Ana")
            let before = try await snapshot(harness.database)
            var data: [String] = []
            for section in ["panel", "products", "stock", "addProduct"] { data.append("a:\(section):1") }
            for action in ["open", "name", "description", "photo", "removePhoto", "premium", "hide", "show", "up", "down", "delete", "archive", "unarchive", "addPrice"] {
                data.append("ao:\(product):\(action)")
            }
            for action in ["open", "label", "duration", "amount", "reseller", "removeReseller", "hide", "show", "up", "down", "delete", "archive", "unarchive", "stock", "addKeys", "export", "deleteAll"] {
                data.append("ar:\(price):\(action)")
            }
            data += ["ak:\(price):1", "ax:\(keyID):\(price)"]
            for answer in ["confirm", "skip", "yes", "no", "lifetime", "noReseller", "keep"] { data.append("ad:\(answer)") }
            for item in data {
                // Each on a fresh menu, so every answer is an edit that shows.
                let menu = try await ana.ask("/start")
                try await harness.forgePress(by: ana, data: item, messageID: menu.messageID)
                #expect(try await ana.nextMessage().shown == "I didn't get that. Use the menu:", "\(item)")
            }
            for command in ["/admin", "/admin products"] {
                #expect(try await ana.ask(command).shown == "I didn't get that. Use the menu:")
            }
            #expect(try await snapshot(harness.database) == before)
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
            lines += Array(repeating: "", count: 5) + ["BULK-1-xxxxxxxxxxxx", "BULK-2-xxxxxxxxxxxx", String(repeating: "y", count: 600), "BULK-50000", "BULK-49999"]
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
            let boss = try await admin(harness)
            _ = try await boss.tap("🔑 Stock")
            _ = try await boss.tap("⚠️ Rare · 1 month · 0")
            _ = try await boss.tap("➕ Add keys")
            _ = try await boss.ask("R-2")
            _ = try await boss.tap("✅ Confirm")
            let notice = try await bob.nextMessage()
            #expect(notice.shown == "🔔 Rare · 1 month is back in stock.")
            #expect(await bob.nextEvent(timeout: .milliseconds(500)) == nil, "told once, though he asked twice")
            #expect(try await harness.shop.stock.unusedCount(priceID: price) == 1)
        }
    }

    @Test func thePanelSpeaksTheAdminsLanguage() async throws {
        try await withShop { harness in
            let boss = try await admin(harness, language: "ru")
            let products = try await boss.tap("🛍 Товары")
            #expect(products.shown.contains("Товаров пока нет"))
            #expect(try await boss.tap("➕ Добавить товар").shown == "Отправьте название товара.")
            #expect(try await boss.ask("/cancel").shown.hasPrefix("Отменено: ничего не изменено."))
        }
    }

    /// What the database holds that an admin action could change.
    private func snapshot(_ database: any Database) async throws -> [String] {
        var rows: [String] = []
        for product in try await Product.query(on: database).sort(\.$id).all() {
            rows.append("product \(product.id!) \(product.name) \(product.details) \(product.photoFileID ?? "-") \(product.isPremiumOnly) \(product.isVisible) \(product.isArchived) \(product.sortOrder)")
        }
        for price in try await ProductPrice.query(on: database).sort(\.$id).all() {
            rows.append("price \(price.id!) \(price.durationLabel) \(price.durationDays ?? -1) \(price.price) \(price.resellerPrice ?? -1) \(price.isVisible) \(price.isArchived) \(price.sortOrder)")
        }
        for key in try await ProductKey.query(on: database).sort(\.$id).all() {
            rows.append("key \(key.id!) \(key.keyText) \(key.isUsed)")
        }
        rows.append("audit \(try await AuditEntry.query(on: database).count())")
        return rows
    }
}
