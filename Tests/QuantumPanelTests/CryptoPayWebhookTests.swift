import BotAPISandbox
import Foundation
import HTTPTypes
import Logging
import Marketplace
import MarketplaceTesting
import NIOCore
import Testing

@testable import QuantumPanel

/// Crypto Pay's webhook: verified before it is parsed, and a paid invoice credited once and told
/// once, whatever arrives twice, forged or for someone else, on each database.
@Suite(.timeLimit(.minutes(2)))
struct CryptoPayWebhookTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let token = "12345:AAzQcZWQqQAbsfgPnOLr4FHC8Doa4L7KryC"
    static let signature = CryptoPaySignature(token: token)

    @Test func theSignatureIsTheHMACOfTheBodyKeyedWithTheTokensHash() {
        let body = Data(#"{"update_type":"invoice_paid"}"#.utf8)
        let signed = Self.signature.sign(body)
        #expect(signed.count == 64)
        #expect(Self.signature.isValid(signed, for: body))
        #expect(Self.signature.isValid(signed.uppercased(), for: body), "hex in either case")
        #expect(!Self.signature.isValid(nil, for: body))
        #expect(!Self.signature.isValid("", for: body))
        #expect(!Self.signature.isValid(String(signed.dropLast()), for: body))
        #expect(!Self.signature.isValid(String(signed.dropLast()) + "x", for: body))
        #expect(!Self.signature.isValid(signed, for: Data(#"{"update_type":"invoice_paid" }"#.utf8)), "a body changed by one byte")
        #expect(!CryptoPaySignature(token: "12345:another").isValid(signed, for: body), "another app's token")
    }

    @Test(arguments: TestDatabaseKind.available)
    func aPaidInvoiceIsCreditedAndToldOnceHoweverOftenItArrives(database: TestDatabaseKind) async throws {
        try await Self.withWebhook(database) { webhook, buyer, topUpID, shop, sandbox async throws in
            let body = Self.paid(invoiceID: 777, amount: "10", topUpID: topUpID)
            #expect(await webhook.answer(signature: Self.signature.sign(body.readableBytesView), body: body) == .ok)
            #expect(try await shop.users.find(telegramID: buyer)?.balance == Money(minorUnits: 1000, currency: .usd))
            #expect(await Self.botMessages(sandbox, buyer) == ["✅ Thank you! $10.00 added. Balance: $10.00"])

            // Sent again, and twenty times at once: nothing more.
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask { _ = await webhook.answer(signature: Self.signature.sign(body.readableBytesView), body: body) }
                }
            }
            #expect(try await shop.users.find(telegramID: buyer)?.balance == Money(minorUnits: 1000, currency: .usd))
            #expect(await Self.botMessages(sandbox, buyer).count == 1)
            #expect(try await shop.topUps.topUp(id: topUpID)?.state == .credited)
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func aForgedTamperedOrForeignCallChangesNothing(database: TestDatabaseKind) async throws {
        try await Self.withWebhook(database) { webhook, buyer, topUpID, shop, sandbox async throws in
            let body = Self.paid(invoiceID: 777, amount: "10", topUpID: topUpID)
            let signed = Self.signature.sign(body.readableBytesView)
            #expect(await webhook.answer(signature: nil, body: body) == .unauthorized)
            #expect(await webhook.answer(signature: CryptoPaySignature(token: "1:forger").sign(body.readableBytesView), body: body) == .unauthorized)
            let tampered = Self.paid(invoiceID: 777, amount: "1000", topUpID: topUpID)
            #expect(await webhook.answer(signature: signed, body: tampered) == .unauthorized, "the signature of another body")
            #expect(await webhook.answer(signature: signed, body: nil) == .unauthorized, "a body too large to read")

            // Signed, but not a payment of ours: ignored with a 200, so Crypto Pay stops sending it.
            for foreign in [
                Self.paid(invoiceID: 999, amount: "10", topUpID: topUpID),  // another app's invoice
                Self.paid(invoiceID: 777, amount: "100", topUpID: topUpID),  // another amount
                Self.paid(invoiceID: 777, amount: "10", topUpID: topUpID, fiat: "EUR"),  // another currency
                Self.paid(invoiceID: 777, amount: "10", topUpID: topUpID + 1),  // another top-up's payload
                Self.paid(invoiceID: 777, amount: "10", topUpID: topUpID, status: "active"),  // not paid
                Self.paid(invoiceID: 777, amount: "10", topUpID: topUpID, type: "invoice_created"),
                ByteBuffer(string: "not json"),
            ] {
                #expect(await webhook.answer(signature: Self.signature.sign(foreign.readableBytesView), body: foreign) == .ok)
            }
            #expect(try await shop.users.find(telegramID: buyer)?.balance == Money(minorUnits: 0, currency: .usd))
            #expect(try await shop.topUps.topUp(id: topUpID)?.state == .created)
            #expect(await Self.botMessages(sandbox, buyer).isEmpty)
        }
    }

    /// A shop with one customer who opened a $10 top-up with invoice 777, and the webhook route.
    static func withWebhook(
        _ database: TestDatabaseKind,
        _ body: @Sendable (CryptoPayWebhookRoute, _ buyer: Int64, _ topUpID: Int, Shop, BotAPISandbox) async throws -> Void
    ) async throws {
        try await BotAPISandbox.withRunning { sandbox in
            let user = await sandbox.makeUser(firstName: "Ana")
            try await withTemporaryMarketplaceDatabase(database) { marketplace in
                let shop = Shop(
                    database: marketplace.database(logger: logger), currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd))
                _ = try await shop.users.register(telegramID: user.id, username: nil, firstName: "Ana", languageCode: "en")
                let topUp = try await shop.topUps.open(
                    .cryptoPay, telegramID: user.id, amount: Money(minorUnits: 1000, currency: .usd), expiresAt: Date() + 3600)
                _ = try await shop.topUps.attach(invoiceID: "777", payURL: "https://t.me/CryptoBot?start=IV777", to: topUp.id)
                let route = CryptoPayWebhookRoute(
                    path: "/payments/cryptopay", signature: signature, payments: TopUpPayments(shop: shop, bot: sandbox.makeClient(), logger: logger),
                    currency: .usd, logger: logger)
                try await body(route, user.id, topUp.id, shop, sandbox)
            }
        }
    }

    /// A webhook body as Crypto Pay sends it.
    static func paid(
        invoiceID: Int64, amount: String, topUpID: Int, fiat: String = "USD", status: String = "paid", type: String = "invoice_paid"
    ) -> ByteBuffer {
        ByteBuffer(
            string: """
                {"update_id":1,"update_type":"\(type)","request_date":"2026-12-07T10:00:01.000Z","payload":{"invoice_id":\(invoiceID),\
                "hash":"IV\(invoiceID)","currency_type":"fiat","fiat":"\(fiat)","amount":"\(amount)","accepted_assets":["USDT","TON"],\
                "status":"\(status)","payload":"topup:\(topUpID)","bot_invoice_url":"https://t.me/CryptoBot?start=IV\(invoiceID)",\
                "created_at":"2026-12-07T09:59:00.000Z","paid_at":"2026-12-07T10:00:00.000Z","allow_comments":true,"allow_anonymous":true}}
                """)
    }

    static func botMessages(_ sandbox: BotAPISandbox, _ chatID: Int64) async -> [String] {
        await sandbox.state.transcript(of: chatID).filter { $0.sender == "bot" }.map(\.text)
    }
}
