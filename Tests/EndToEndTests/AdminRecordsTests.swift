import BotAPISandbox
import CompressNIO
import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import NIOCore
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// The audit log, the CSV exports and the chart, in the panel.
@Suite(.timeLimit(.minutes(2))) struct AdminRecordsTests {
    @Test func theAuditLogShowsWhoDidWhatAndFiltersByOrAboutSomeone() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana", username: "ana_k")
            let boss = try await AdminCustomersTests.admin(harness)
            try await harness.shop.ledger.credit(ShopHarness.dollars("5.00"), to: ana.id, reason: .adminCredit, actorID: boss.id, note: "Welcome")
            _ = try await harness.shop.users.setPremium(true, telegramID: ana.id, by: boss.id)
            _ = try await harness.shop.sellers.add(username: "best_keys", displayName: "Best", by: boss.id)
            let log = try await boss.tap("📜 Audit log")
            #expect(log.shown.contains("Boss · seller.add · @best_keys"))
            #expect(log.shown.contains("Boss · customer.premium.grant · customer \(ana.id)\n   false → true"))
            #expect(log.shown.contains("Boss · balance.admin_credit · customer \(ana.id)\n   $0.00 → $5.00\n   $5.00 · Welcome"))
            #expect(log.shown.contains("command line · admin.add"), "the command line's changes are named")

            _ = try await boss.tap("🔎 By or about someone")
            _ = try await boss.nextMessage()
            #expect(try await boss.ask("@ana_k").shown.contains("Found: Ana"))
            let about = try await boss.nextMessage()
            #expect(
                about.shown.contains("by or about Ana (@ana_k)") && about.shown.contains("customer.premium.grant")
                    && !about.shown.contains("seller.add"))
            let all = try await boss.tap("All entries")
            #expect(all.shown.contains("seller.add"))
        }
    }

    @Test func exportsComeAsCSVDocuments() async throws {
        try await withShop { harness in
            let (_, price) = try await harness.product("Netflix", price: "3.00", keys: ["N-1"])
            let ana = try await harness.customer("Ana, \"the buyer\"", balance: "3.00")
            _ = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: price)
            let boss = try await AdminCustomersTests.admin(harness)
            _ = try await boss.tap("📤 Export")
            for (button, header, rows) in [
                ("🧾 Orders, last 30 days", "order,date,customer", 1), ("👥 Customers", "telegram_id,username", 2),
                ("📒 Ledger", "entry,date,customer,delta", 2),
            ] {
                _ = try await boss.press(button)
                let document = try await boss.nextMessage()
                #expect(
                    document.document?.fileName?.hasSuffix(".csv") == true && document.shown == (rows == 1 ? "1 row" : "\(rows) rows"), "\(button)")
                let fileID = try #require(document.document?.fileID)
                let bytes = try #require(await harness.sandbox.state.fileBytes(fileID))
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.hasPrefix(header) && text.split(separator: "\r\n").count == rows + 1, "\(button): \(text)")
                if button == "👥 Customers" { #expect(text.contains("\"Ana, \"\"the buyer\"\"\""), "quoted as CSV quotes") }
            }
        }
    }

    @Test func theChartIsAPictureTheBotDrawsOfTheLastThirtyDays() async throws {
        try await withShop { harness in
            let boss = try await AdminCustomersTests.admin(harness)
            let empty = try await boss.press("📈 Chart")
            // Updates of one chat are handled in order: once /admin is answered, so was the press.
            _ = try await boss.ask("/admin")
            #expect(await boss.answer(toCallback: empty)?.text == "No orders in the last 30 days: nothing to draw yet.")
            let (_, netflix) = try await harness.product("Netflix", price: "3.00", keys: ["N-1", "N-2"])
            let (_, spotify) = try await harness.product("Spotify", price: "2.00", keys: ["S-1"])
            let ana = try await harness.customer("Ana", balance: "20.00")
            for price in [netflix, netflix, spotify] { _ = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: price) }

            _ = try await boss.ask("/admin")
            _ = try await boss.press("📈 Chart")
            let chart = try await boss.nextMessage()
            #expect(chart.shown.contains("3 orders, $8.00") && chart.shown.contains("🟥 Netflix\n🟧 Spotify"), "\(chart.shown)")
            let fileID = try #require(chart.photo?.last?.fileID)
            let png = try #require(await harness.sandbox.state.fileBytes(fileID))
            let image = try PNGReader(png)
            #expect(image.width == SalesChart.width && image.height == SalesChart.height)
            // Today's bar: Netflix's red at the bottom, Spotify's orange above it.
            let today = image.column(ofDay: 29, days: 30)
            #expect(image.colors(atColumn: today).contains(SalesChart.productColors[0]))
            #expect(image.colors(atColumn: today).contains(SalesChart.productColors[1]))
            let yesterday = image.column(ofDay: 28, days: 30)
            #expect(!image.colors(atColumn: yesterday).contains(SalesChart.productColors[0]), "no orders, no bar")
        }
    }
}

/// Reads back a PNG the chart wrote: its chunks' CRCs, the palette, and the inflated rows.
struct PNGReader {
    let width: Int
    let height: Int
    let palette: [(UInt8, UInt8, UInt8)]
    let rows: [[UInt8]]

    init(_ bytes: [UInt8]) throws {
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var offset = 8
        var header: [UInt8] = []
        var palette: [UInt8] = []
        var data: [UInt8] = []
        while offset < bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            let crc = bytes[(offset + 8 + length)..<(offset + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(crc == IndexedImage.crc32(Array(type.utf8) + body), "\(type)'s CRC")
            switch type {
            case "IHDR": header = body
            case "PLTE": palette = body
            case "IDAT": data += body
            default: break
            }
            offset += 12 + length
        }
        let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        self.width = width
        self.height = height
        self.palette = stride(from: 0, to: palette.count, by: 3).map { (palette[$0], palette[$0 + 1], palette[$0 + 2]) }
        var compressed = ByteBufferAllocator().buffer(bytes: data)
        let raw = Array(buffer: try compressed.decompress(with: .zlib()))
        #expect(raw.count == (width + 1) * height)
        rows = (0..<height).map { Array(raw[($0 * (width + 1) + 1)..<(($0 + 1) * (width + 1))]) }
    }

    /// The x of the middle of a day's bar.
    func column(ofDay day: Int, days: Int) -> Int {
        80 + Int(Double(SalesChart.width - 200) / Double(days) * (Double(day) + 0.5))
    }

    func colors(atColumn x: Int) -> [(UInt8, UInt8, UInt8)] {
        rows.map { palette[Int($0[x])] }
    }
}

extension Array where Element == (UInt8, UInt8, UInt8) {
    func contains(_ color: (UInt8, UInt8, UInt8)) -> Bool {
        contains { $0 == color }
    }
}
