import BotRouting
import Testing

@Suite struct CallbackDataTests {
    enum Section: String, Codable { case catalogue, orders }

    struct BuyCallback: CallbackData, Equatable {
        static let prefix = "buy"
        var productID: Int64
        var priceID: Int
        var quantity: Int?
    }

    struct PageCallback: CallbackData, Equatable {
        static let prefix = "pg"
        var section: Section
        var page: Int
        var query: String
        var premiumOnly: Bool
    }

    struct NoteCallback: CallbackData {
        static let prefix = "note"
        var text: String
    }

    struct UnsupportedCallback: CallbackData {
        static let prefix = "bad"
        var price: Double
    }

    @Test(arguments: [
        (BuyCallback(productID: 7, priceID: 3, quantity: nil), "buy:7:3:"),
        (BuyCallback(productID: 9_000_000_000, priceID: 1, quantity: 5), "buy:9000000000:1:5"),
    ])
    func packsInDeclarationOrderAndUnpacksBack(data: BuyCallback, packed: String) throws {
        #expect(try data.pack() == packed)
        #expect(try BuyCallback.unpack(packed) == data)
    }

    @Test func stringsWithSeparatorsAndEnumsRoundTrip() throws {
        let data = PageCallback(section: .orders, page: 2, query: "50%: off", premiumOnly: true)
        let packed = try data.pack()
        #expect(packed == "pg:orders:2:50%25%3A off:1")
        #expect(try PageCallback.unpack(packed) == data)
    }

    @Test(arguments: ["buy:7", "buy:7:3:1:9", "buy:x:3:", "buy::3:", "buy:7:3.5:", "buy", "", "pg:refunds:1::0", "pg:orders:1::yes"])
    func malformedOrForgedDataNeverMatches(data: String) {
        #expect(BuyCallback.match(data) == nil)
        #expect(PageCallback.match(data) == nil)
    }

    @Test func foreignPrefixIsNotOurs() {
        #expect(throws: CallbackDataError.foreignPrefix) { try BuyCallback.unpack("sell:7:3:") }
        #expect(throws: CallbackDataError.foreignPrefix) { try BuyCallback.unpack("buyer:7:3:") }
    }

    @Test func packingPast64BytesIsAnError() {
        #expect(throws: CallbackDataError.tooLong(bytes: 65)) { try NoteCallback(text: String(repeating: "x", count: 60)).pack() }
        #expect(throws: Never.self) { try NoteCallback(text: String(repeating: "x", count: 59)).pack() }
    }

    @Test func unsupportedFieldsAreReported() {
        #expect(throws: CallbackDataError.self) { try UnsupportedCallback(price: 9.99).pack() }
    }
}
