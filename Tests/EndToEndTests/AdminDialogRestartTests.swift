import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import Testing

extension BotProcessTests {
    /// An admin's dialog with the bot as its own process, SIGKILLed between two steps.
    @Suite(.timeLimit(.minutes(3))) struct AdminDialogRestartTests {
        @Test(arguments: TestDatabaseKind.available)
        func aDialogResumesAfterTheBotIsKilledBetweenTwoSteps(kind: TestDatabaseKind) async throws {
            try await withProcessShopStorage(kind) { folder, postgresURL in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                    let boss = try #require(try await shop.customers(1, named: "Boss", balance: 0).first)
                    try await shop.withDatabase { try await $0.admins.add(boss.id, username: nil, by: 1) }
                    var bot = try shop.startBot("first")
                    _ = try await boss.ask("/admin", within: .seconds(30))
                    _ = try await boss.tap(startingWith: "🛍 Products", within: .seconds(10))
                    _ = try await boss.tap(startingWith: "➕ Add product", within: .seconds(10))
                    _ = try await boss.ask("Survivor", within: .seconds(10))
                    let photoStep = try await boss.ask("Typed before the crash", within: .seconds(10))
                    #expect(photoStep.shown.contains("Send a photo"))
                    await bot.kill()

                    bot = try shop.startBot("second")
                    // The button of the message sent before the kill still answers the step it asked.
                    let premium = try await boss.tap(startingWith: "Skip", within: .seconds(30))
                    #expect(premium.shown == "Is it for Premium customers only?", "\(bot.log)")
                    let summary = try await boss.tap(startingWith: "No", within: .seconds(10))
                    #expect(summary.shown.contains("Name: Survivor") && summary.shown.contains("Description: Typed before the crash"))
                    #expect(try await boss.tap(startingWith: "✅ Confirm", within: .seconds(10)).shown.contains("Product added"))
                    #expect(await bot.stop() == 0, "a graceful stop after the restart: \(bot.log)")
                    let products = try await shop.withDatabase { try await $0.catalogue.adminProducts() }
                    #expect(products.map(\.name) == ["Survivor"])
                    let product = try await shop.withDatabase { try await $0.catalogue.adminProduct(products[0].id) }
                    #expect(product.description == "Typed before the crash", "what was typed before the kill was kept")
                }
            }
        }
    }
}
