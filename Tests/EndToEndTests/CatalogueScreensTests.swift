import BotAPISandbox
import Foundation
import Marketplace
import QuantumPanel
import TelegramBotAPI
import Testing

/// The catalogue's pages, photo cards and long texts.
@Suite(.timeLimit(.minutes(2))) struct CatalogueScreensTests {
    @Test func longCataloguesArePaginated() async throws {
        try await withShop { harness in
            for number in 1...10 {
                try await harness.product(String(format: "Product %02d", number), keys: ["K-\(number)"])
            }
            let ana = try await harness.customer("Ana")
            let first = try await ana.tap("🛍 Products")
            #expect(first.buttons.filter { $0.hasPrefix("Product") }.count == 8)
            #expect(first.buttons.contains("1/2"))
            let second = try await ana.tap("›")
            #expect(second.buttons.filter { $0.hasPrefix("Product") } == ["Product 09 · 1", "Product 10 · 1"])
            #expect(try await ana.tap("‹").buttons.first == "Product 01 · 1")
        }
    }

    @Test func anEmojiDescriptionIsCutAsTelegramCountsAndNeverInsideAnEmoji() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            let photo = try #require(try await ana.sendPhoto(Array(repeating: 7, count: 64)).photo?.last?.fileID)
            _ = try await ana.nextMessage()
            // 600 emoji: 600 characters, but 1,200 UTF-16 code units; flags are 4 each.
            try await harness.product(
                "Emoji", description: String(repeating: "🛒", count: 500) + String(repeating: "🇺🇦", count: 100), keys: ["E-1"], photoFileID: photo,
                pastTheRules: true)
            _ = try await ana.ask("/start")
            _ = try await ana.tap("🛍 Products")
            let card = try await ana.tap("Emoji · 1")
            #expect(card.photo != nil, "Telegram took the caption")
            #expect(card.shown.utf16.count <= 1024)
            #expect(card.shown.contains("🛒…"), "cut between two emoji, with an ellipsis")
            #expect(card.shown.contains("1 month — $5.00 · 1 in stock"), "the prices always fit")
        }
    }

    @Test func photoCardAndTextScreensSwitchCleanlyAndLongDescriptionsAreCut() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            let photo = try #require(try await ana.sendPhoto(Array(repeating: 7, count: 64)).photo?.last?.fileID)
            _ = try await ana.nextMessage()
            try await harness.product(
                "Pictured", description: String(repeating: "Long words here. ", count: 110), keys: ["P-1"], photoFileID: photo, pastTheRules: true)
            _ = try await ana.ask("/start")
            _ = try await ana.tap("🛍 Products")
            let card = try await ana.tap("Pictured · 1")
            #expect(card.photo != nil)
            #expect(card.shown.utf16.count <= 1024)
            #expect(card.shown.contains("…"), "the description gives way, with an ellipsis")
            #expect(card.shown.contains("1 month — $5.00 · 1 in stock"), "the prices always fit")
            let back = try await ana.tap("‹ Back")
            #expect(back.photo == nil && back.shown.contains("Products"))
            #expect(await ana.nextEvent() == .deleted(messageID: card.messageID), "the card was replaced, not left behind")
        }
    }
}
