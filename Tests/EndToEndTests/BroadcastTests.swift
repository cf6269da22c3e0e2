import BotAPISandbox
import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// Broadcasts composed in the panel and sent in the background, against the sandbox with
/// Telegram's flood limits on.
@Suite(.timeLimit(.minutes(3))) struct BroadcastTests {
    static let flooding = SandboxConfiguration(floodControl: FloodControl())
    static let configuration: ShopConfiguration = {
        var configuration = ShopHarness.configuration
        configuration.broadcastPerSecond = 30
        return configuration
    }()

    /// `count` customers known to the shop (registered as /start would), without a message each.
    static func customers(_ count: Int, _ harness: ShopHarness) async throws -> [SimulatedUser] {
        var users: [SimulatedUser] = []
        for index in 1...count {
            let user = await harness.sandbox.makeUser(firstName: "Customer \(index)")
            _ = try await harness.shop.users.register(telegramID: user.id, username: nil, firstName: user.user.firstName, languageCode: "en")
            users.append(user)
        }
        return users
    }

    /// Waits for the admin's progress message to say the broadcast finished, and returns it.
    static func finished(_ boss: SimulatedUser) async throws -> Message {
        try await next(boss) { $0.shown.contains("finished in") }
    }

    /// The admin's next message or edit that `matches`: the progress edits come in between.
    static func next(_ boss: SimulatedUser, _ matches: (Message) -> Bool) async throws -> Message {
        while true {
            let message = try await boss.nextMessage(timeout: .seconds(15))
            if matches(message) { return message }
        }
    }

    @Test func aThousandCustomersGetOneCopyEachWithinTheFloodLimitsAndBlockersAreMarked() async throws {
        try await withShop(configuration: Self.configuration, sandbox: Self.flooding) { harness in
            let customers = try await Self.customers(1000, harness)
            let blockers = Array(customers.shuffled().prefix(20))
            // Half of them the bot hears about; the other half it learns of from a refused send.
            for (index, customer) in blockers.enumerated() { await customer.block(notifyingBot: index % 2 == 0) }
            let boss = try await AdminCustomersTests.admin(harness)

            #expect(try await boss.tap("📣 Broadcast").shown.contains("Send the message"))
            let refused = try await boss.ask("<b>New</b>: Netflix 4K & more")
            #expect(refused.shown.contains("Telegram would refuse this: can't parse entities: Character '&' is reserved"))
            #expect(try await boss.ask("<b>New</b>: Netflix 4K &amp; more").shown.contains("Add a link button"))
            #expect(try await boss.ask("Open | not a link").shown.contains("Send the button as"))
            #expect(try await boss.ask("Open the shop | https://t.me/sandbox_shop_bot").shown.contains("Who receives it?"))
            let preview = try await boss.tap("👥 Everyone")
            #expect(preview.shown == "New: Netflix 4K & more" && preview.buttons == ["Open the shop"], "the preview is the message itself")
            let summary = try await boss.nextMessage()
            // The 980 who didn't block the bot, the 10 blocks it doesn't know of yet, and the admin.
            #expect(summary.shown.contains("To: 👥 Everyone · 991 customers"), "\(summary.shown)")
            #expect(try await harness.shop.broadcasts.sending().isEmpty, "nothing is sent before Confirm")
            let start = try await boss.tap("✅ Confirm")
            #expect(start.shown.contains("Broadcast #1") && start.buttons == ["⏸ Pause", "✖ Stop"])

            let done = try await Self.finished(boss)
            #expect(done.shown.contains("Sent: 981 · Blocked the bot: 10 · Failed: 0"), "\(done.shown)")
            let blocked = Set(blockers.map(\.id))
            for customer in customers {
                let copies = await customer.transcript().filter { $0.sender == "bot" }
                #expect(copies.count == (blocked.contains(customer.id) ? 0 : 1), "\(customer.id)")
            }
            for customer in blockers {
                #expect(try await harness.shop.users.find(telegramID: customer.id)?.isBlocked == true)
            }
            let calls = await harness.sandbox.state.recordedCalls.filter { $0.method == "sendMessage" && $0.status == 200 }
            let sends = calls.filter { !$0.parameters.contains("\"chat_id\":\(boss.id)") }
            let seconds = (sends.last?.receivedAt ?? 0) - (sends.first?.receivedAt ?? 0)
            let floods = await harness.sandbox.state.recordedCalls.filter { $0.status == 429 }.count
            print(
                "Broadcast to the 980 of 1,000 customers who didn't block the bot: \(sends.count) messages in \(String(format: "%.1f", seconds)) s, \(String(format: "%.1f", Double(sends.count - 1) / max(seconds, 0.001))) a second; \(floods) answered 429 and waited out"
            )
            #expect(sends.count == 980)

            // A later broadcast skips those who blocked the bot, until they write again.
            _ = try await blockers[0].send("/start")
            _ = try await blockers[0].nextMessage()
            #expect(try await harness.shop.broadcasts.recipientCount(.everyone) == 982)
        }
    }

    @Test func aBroadcastIsPausedResumedAndStoppedFromItsProgressMessage() async throws {
        try await withShop(configuration: Self.configuration, sandbox: Self.flooding) { harness in
            let customers = try await Self.customers(300, harness)
            let boss = try await AdminCustomersTests.admin(harness)
            _ = try await boss.tap("📣 Broadcast")
            _ = try await boss.ask("Hello")
            _ = try await boss.tap("Skip ›")
            _ = try await boss.tap("👥 Everyone")
            _ = try await boss.nextMessage()
            _ = try await boss.tap("✅ Confirm")
            // Paused once the first copies are out: the count stops moving.
            _ = try await customers[20].nextMessage(timeout: .seconds(10))
            try await boss.press("⏸ Pause")
            let paused = try await Self.next(boss) { $0.shown.contains("paused") }
            #expect(paused.buttons == ["▶ Resume", "✖ Stop"])
            let sentWhenPaused = try await harness.shop.broadcasts.counts(1).count(.sent)
            #expect(sentWhenPaused < 300)
            try await boss.press("▶ Resume")
            _ = try await customers[sentWhenPaused + 30].nextMessage(timeout: .seconds(10))
            try await boss.press("✖ Stop")
            let stopped = try await Self.next(boss) { $0.shown.contains("stopped") }
            #expect(stopped.buttons.isEmpty)
            #expect(try await harness.shop.broadcasts.broadcast(1).status == .cancelled)
            #expect(try await harness.shop.broadcasts.counts(1).count(.pending) > 0, "stopped before the end")
            try await boss.send("/admin")
            _ = try await Self.next(boss) { $0.shown.contains("Admin panel") }
            let audit = try await AuditEntry.query(on: harness.database).filter(\.$subject == "broadcast 1").sort(\.$id).all().map(\.action)
            #expect(audit == ["broadcast.create", "broadcast.paused", "broadcast.sending", "broadcast.cancelled"])
        }
    }
}

extension BroadcastTests {
    @Test func aPaidBroadcastIsOfferedWithItsCostAndSentPastTheFreeLimit() async throws {
        var configuration = Self.configuration
        configuration.paidBroadcasts = true
        try await withShop(configuration: configuration, sandbox: Self.flooding) { harness in
            let customers = try await Self.customers(300, harness)
            let boss = try await AdminCustomersTests.admin(harness)
            _ = try await boss.tap("📣 Broadcast")
            _ = try await boss.ask("Flash sale")
            _ = try await boss.tap("Skip ›")
            let speed = try await boss.tap("👥 Everyone")
            #expect(speed.shown.contains("301 customers") && speed.buttons.contains("⚡ Paid · ≈ 31 ⭐"), "0.1 Star a message, rounded up")
            _ = try await boss.tap("⚡ Paid · ≈ 31 ⭐")
            #expect(try await boss.nextMessage().shown.contains("Paid broadcast: about 31 Stars"))
            _ = try await boss.tap("✅ Confirm")
            _ = try await Self.finished(boss)
            for customer in customers { #expect(await customer.transcript().filter { $0.sender == "bot" }.count == 1) }
            #expect(await harness.sandbox.state.paidBroadcastMessages == 301)
            let floods = await harness.sandbox.state.recordedCalls.filter { $0.status == 429 && !$0.parameters.contains("\"chat_id\":\(boss.id)") }
            #expect(floods.isEmpty, "the free limit doesn't hold a paid broadcast: \(floods.prefix(2).map(\.parameters))")
        }
    }
}

extension BroadcastTests {
    @Test func aPhotoWithACaptionGoesToTheBuyersOfOneProductOnly() async throws {
        try await withShop(configuration: Self.configuration) { harness in
            let (_, netflixPrice) = try await harness.product("Netflix", price: "1.00", keys: ["N-1"])
            let (_, spotifyPrice) = try await harness.product("Spotify", price: "1.00", keys: ["S-1"])
            let ana = try await harness.customer("Ana", balance: "1.00")
            let bob = try await harness.customer("Bob", balance: "1.00")
            let carol = try await harness.customer("Carol")
            _ = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: netflixPrice)
            _ = try await harness.shop.purchases.buy(telegramID: bob.id, priceID: spotifyPrice)
            let boss = try await AdminCustomersTests.admin(harness)
            _ = try await boss.tap("📣 Broadcast")
            _ = try await boss.sendPhoto(Array(repeating: 7, count: 64), caption: "Season 2 is <i>out</i>")
            _ = try await boss.nextMessage()
            _ = try await boss.tap("Skip ›")
            _ = try await boss.tap("🛍 Buyers of a product")
            let preview = try await boss.tap("Netflix")
            #expect(preview.photo != nil && preview.shown == "Season 2 is out")
            #expect(try await boss.nextMessage().shown.contains("To: 🛍 Buyers of a product: Netflix · 1 customer"))
            _ = try await boss.tap("✅ Confirm")
            _ = try await Self.finished(boss)
            let copy = try #require(await ana.transcript().last)
            #expect(copy.sender == "bot" && copy.text == "[photo] Season 2 is out")
            #expect(await bob.transcript().filter { $0.sender == "bot" }.count == 1, "only Bob's welcome")
            #expect(await carol.transcript().filter { $0.sender == "bot" }.count == 1)
        }
    }
}
