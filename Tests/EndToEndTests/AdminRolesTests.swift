import BotAPISandbox
import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

/// Staff roles in the panel: an admin sees the sections their role opens, and every button of an
/// owner's panel, pressed by them (as an old message's button, or forged), is either one their
/// role allows or refused with nothing changed.
@Suite(.timeLimit(.minutes(3))) struct AdminRolesTests {
    /// What each of the panel's sections needs; nil: the root admin only.
    static let sections: [String: Set<AdminPermission>?] = [
        "🛍 Products": [.catalogue, .catalogueTexts], "🔑 Stock": [.stock], "👥 Customers": [.customers], "🧾 Orders": [.orders],
        "📣 Broadcast": [.broadcasts], "🤝 Sellers": [.sellers], "📜 Audit log": [.audit], "📤 Export": [.export], "📈 Chart": [],
        "🎟 Promo codes": [.promotions], "👮 Admins": nil,
    ]

    /// The audit actions each permission may leave behind.
    static func permission(of action: String) -> Set<AdminPermission> {
        switch action.split(separator: ".").first ?? "" {
        case "product" where action == "product.edit": [.catalogue, .catalogueTexts]
        case "product", "price": [.catalogue]
        case "stock": [.stock]
        case "customer": [.customerStatus]
        case "seller": [.sellers]
        case "broadcast": [.broadcasts]
        default: []
        }
    }

    @Test(arguments: TestDatabaseKind.available, [AdminRole.owner, .manager, .support, .content])
    func aRoleSeesItsSectionsAndEveryOtherButtonIsRefusedWithNothingChanged(_ kind: TestDatabaseKind, role: AdminRole) async throws {
        try await withShop(kind) { harness in
            try await harness.product("Netflix", keys: ["N-1", "N-2"])
            let ana = try await harness.customer("Ana", balance: "5.00")
            let boss = try await AdminCustomersTests.admin(harness)
            let ownersButtons = try await Self.ownersButtons(boss, customer: ana)

            let staff = try await harness.customer("Staff")
            try await harness.shop.admins.add(staff.id, username: nil, role: role, by: AuditLog.commandLine)
            let panel = try await staff.ask("/admin")
            let expected = Self.sections.filter { _, needed in needed.map { $0.isEmpty || !$0.isDisjoint(with: role.permissions) } ?? false }.keys
            #expect(Set(panel.buttons.filter { Self.sections.keys.contains($0) }) == Set(expected), "the sections a \(role) sees")

            var refusals = 0
            for data in ownersButtons {
                let before = try await Self.state(harness, customer: ana.id)
                let press = try await harness.forgePress(by: staff, data: data, messageID: panel.messageID)
                let answer = try await Self.answer(to: press, of: staff)
                if answer?.text == Self.notPermitted {
                    refusals += 1
                    #expect(answer?.showAlert == true)
                    #expect(try await Self.state(harness, customer: ana.id) == before, "a refused \(data) changes nothing")
                }
            }
            // An owner's panel holds nothing an owner is refused; every narrower role meets refusals.
            #expect((refusals > 0) == (role != .owner), "\(role) was refused \(refusals) of \(ownersButtons.count) buttons")
            let actions = try await harness.shop.audit.entries(involving: staff.id, page: 1, pageSize: 1000).items.filter { $0.adminID == staff.id }
                .map(\.action)
            for action in actions {
                #expect(!Self.permission(of: action).isDisjoint(with: role.permissions), "a \(role) did \(action)")
            }
            #expect(
                try await harness.shop.users.find(telegramID: ana.id)?.balance.minorUnits == 500,
                "no role but the owner's touches money, and no button does without a dialog")
        }
    }

    /// Labels an admin of each role must meet somewhere in the panel, and labels they must never be shown.
    static let crawlExpectations: [AdminRole: (shown: Set<String>, hidden: Set<String>)] = [
        .owner: (["🙈 Hide", "✏️ Name", "➕ Credit", "↩️ Refund…", "🧹 Delete all unsold", "➕ Add seller", "📜 Audit log"], ["👮 Admins"]),
        .manager: (
            ["🙈 Hide", "➕ Add price", "↩️ Refund…", "🧹 Delete all unsold", "➕ Add seller", "⛔ Ban"],
            ["➕ Credit", "➖ Debit", "📜 Audit log", "📣 Broadcast"]
        ),
        .support: (["🧾 Orders", "👥 Customers"], ["↩️ Refund…", "➕ Credit", "⛔ Ban", "💎 Grant premium", "🛍 Products", "🔑 Stock", "🤝 Sellers"]),
        .content: (["✏️ Name", "✏️ Description", "🖼 Photo", "📣 Broadcast"], ["🙈 Hide", "⬆ Up", "➕ Add price", "🗑 Delete", "🔑 Keys", "👥 Customers"]),
    ]

    @Test(arguments: TestDatabaseKind.available, [AdminRole.owner, .manager, .support, .content])
    func aRoleCrawlsThePanelAndIsShownOnlyWhatItMayPress(_ kind: TestDatabaseKind, role: AdminRole) async throws {
        try await withShop(kind) { harness in
            let (_, price) = try await harness.product("Netflix", keys: ["N-1", "N-2", "N-3"])
            let ana = try await harness.customer("Ana", balance: "20.00")
            _ = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: price)
            _ = try await harness.shop.sellers.add(username: "best_keys", displayName: "Best", by: AuditLog.commandLine)
            let staff = try await harness.customer("Staff")
            try await harness.shop.admins.add(staff.id, username: nil, role: role, by: AuditLog.commandLine)

            // Every panel button seen anywhere in the chat is pressed once, breadth first: what
            // its screen shows is pressed in turn. A dialog's own answers (Confirm) are left alone.
            let panel = try await staff.ask("/admin")
            var pressed: Set<String> = []
            var queue: [String] = []
            var labels: Set<String> = []
            var refused: [String] = []
            var failed: [String] = []
            // Every screen reads as text: no tag or entity of the bot's HTML shows, escaped once too often.
            var markupShown: [String] = []
            while true {
                // What the chat showed before the panel (the shop's welcome) is the customer's.
                for entry in await staff.transcript() where entry.sender == "bot" && entry.messageID >= panel.messageID {
                    for button in entry.buttons.joined() {
                        labels.insert(button.text)
                        if let data = button.callbackData, Self.isPanelButton(data), pressed.insert(data).inserted { queue.append(data) }
                    }
                }
                guard !queue.isEmpty, pressed.count < 400 else { break }
                let data = queue.removeFirst()
                let target = await staff.transcript().last { $0.sender == "bot" }?.messageID ?? panel.messageID
                let press = try await harness.forgePress(by: staff, data: data, messageID: target)
                let answer = try #require(try await Self.answer(to: press, of: staff), "the bot answered \(data)")
                if [Self.notPermitted, "Only the root admin manages admins."].contains(answer.text) { refused.append(data) }
                if answer.text?.contains("something went wrong") == true { failed.append(data) }
                let screen = await staff.transcript().last { $0.sender == "bot" }?.text ?? ""
                // (The broadcast dialog's question shows tags on purpose: it says how to write one.)
                let teachesHTML = screen.contains("Telegram's HTML (<b>bold</b>")
                if !teachesHTML, screen.contains("<") || screen.contains("&lt;") || screen.contains("&amp;") { markupShown.append(screen) }
            }
            #expect(markupShown.isEmpty, "the bot's HTML shows as text on these screens: \(markupShown)")
            #expect(refused.isEmpty, "a \(role) was shown buttons it may not press: \(refused)")
            #expect(failed.isEmpty, "pressing these failed: \(failed)")
            let expected = try #require(Self.crawlExpectations[role])
            #expect(
                expected.shown.subtracting(labels).isEmpty, "a \(role) never met \(expected.shown.subtracting(labels)) in \(pressed.count) presses")
            #expect(expected.hidden.intersection(labels).isEmpty, "a \(role) was shown \(expected.hidden.intersection(labels))")
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance.minorUnits == 1500, "a crawl confirms nothing, so no money moves")
        }
    }

    static let notPermitted = "Your role doesn't allow this; nothing was changed."

    /// A button of the panel, not a dialog's answer nor a way out to the shop.
    static func isPanelButton(_ data: String) -> Bool {
        let prefix = data.prefix { $0 != ":" }
        return prefix == "n" ? data == "n:admin" : prefix.hasPrefix("a")
    }

    @Test(arguments: TestDatabaseKind.available)
    func theRootSetsARoleInTheAdminsListAndItHoldsAtTheAdminsNextUpdate(_ kind: TestDatabaseKind) async throws {
        try await withShop(kind, rootAdminID: ShopHarness.firstSandboxUser) { harness in
            let root = try await harness.customer("Root")
            let helper = try await harness.customer("Helper")
            try await harness.shop.admins.add(helper.id, username: nil, by: root.id)
            #expect(try await helper.ask("/admin").buttons.contains("🔑 Stock"), "an owner sees the stock")

            _ = try await root.ask("/admin")
            let list = try await root.tap("👮 Admins")
            #expect(list.shown.contains("Helper · \(helper.id) · 👔 Owner"))
            let question = try await root.tap("🎭 Role of Helper")
            #expect(question.shown.contains("Which role does Helper have?"))
            #expect(question.buttons.prefix(4) == ["• 👔 Owner", "🧰 Manager", "🎧 Support", "✍️ Content"])
            #expect(try await root.ask("support").shown.hasPrefix("⚠️ Pick the role with the buttons."))
            #expect(try await root.tap("• 👔 Owner").shown.hasPrefix("⚠️ They have that role already."))
            let cancelled = try await root.tap("✖ Cancel")
            #expect(cancelled.shown.hasPrefix("Cancelled: nothing was changed.") && cancelled.shown.contains("👔 Owner"))

            _ = try await root.tap("🎭 Role of Helper")
            let summary = try await root.tap("🎧 Support")
            #expect(summary.shown.contains("Role: 👔 Owner → 🎧 Support"))
            #expect(try await harness.shop.admins.role(of: helper.id) == .owner, "nothing changes before Confirm")
            let done = try await root.tap("✅ Confirm")
            #expect(done.shown.hasPrefix("✅ Helper is 🎧 Support now.") && done.shown.contains("Helper · \(helper.id) · 🎧 Support"))

            let panel = try await helper.ask("/admin")
            #expect(panel.buttons.contains("👥 Customers") && !panel.buttons.contains("🔑 Stock"), "the new role holds at the next update")
            let press = try await harness.forgePress(by: helper, data: "a:stock:1", messageID: panel.messageID)
            #expect(try await Self.answer(to: press, of: helper)?.text == "Your role doesn't allow this; nothing was changed.")
            let entry = try #require(try await harness.shop.audit.entries(involving: helper.id, page: 1).items.first { $0.action == "admin.role" })
            #expect(entry.adminID == root.id && entry.before == "owner" && entry.after == "support")
        }
    }

    /// The callback data of every button on the owner's panel, products, product, price, stock,
    /// customers and customer screens.
    static func ownersButtons(_ boss: SimulatedUser, customer: SimulatedUser) async throws -> [String] {
        var screens = [try await boss.ask("/admin")]
        screens.append(try await boss.tap("🛍 Products"))
        screens.append(try await boss.tap("Netflix · 2"))
        screens.append(try await boss.tap("1 month · $5.00 · 2"))
        _ = try await boss.ask("/admin")
        screens.append(try await boss.tap("🔑 Stock"))
        _ = try await boss.ask("/admin")
        screens.append(try await boss.tap("👥 Customers"))
        screens.append(try await boss.tap(try #require(screens.last?.buttons.first { $0.contains("Ana") })))
        var data: [String] = []
        for screen in screens {
            for button in screen.replyMarkup?.inlineKeyboard.flatMap({ $0 }) ?? [] {
                if let callback = button.callbackData, !data.contains(callback) { data.append(callback) }
            }
        }
        return data
    }

    /// What the shop's database holds that a button could change.
    static func state(_ harness: ShopHarness, customer: Int64) async throws -> [String] {
        let products = try await harness.shop.catalogue.adminProducts().map {
            "\($0.name) \($0.isVisible) \($0.isArchived) \($0.isPremiumOnly) \($0.stock)"
        }
        let audit = try await harness.shop.audit.entries(page: 1, pageSize: 1).totalCount
        let customers =
            try await harness.shop.users.find(telegramID: customer).map { "\($0.balance) \($0.isPremium) \($0.isReseller) \($0.isBanned)" } ?? ""
        return products + ["audit \(audit)", customers]
    }

    /// The bot's answer to a press, once its handler is done (the dispatcher answers every press).
    static func answer(to press: String, of user: SimulatedUser) async throws -> CallbackAnswer? {
        for _ in 0..<400 {
            if let answer = await user.answer(toCallback: press) { return answer }
            try await Task.sleep(for: .milliseconds(25))
        }
        return nil
    }
}
