import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import Testing

/// Top-ups through a payment provider: a row before any invoice, and each paid invoice credited
/// once, whoever reports it and however often, on each database.
@Suite(.timeLimit(.minutes(2))) struct TopUpTests {
    static let hour: TimeInterval = 3600

    @Test(arguments: TestDatabase.available)
    func aPaidInvoiceIsCreditedOnce(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(5, balance: "1.00")
            let opened = try await shop.topUps.open(.cryptoPay, telegramID: 5, amount: TestShop.dollars("10.00"), expiresAt: Date() + Self.hour)
            #expect(opened.state == .created && opened.invoiceID == nil)
            let attached = try await shop.topUps.attach(invoiceID: "901", payURL: "https://t.me/CryptoBot?start=IV901", to: opened.id)
            #expect(attached.invoiceID == "901")

            let first = try await shop.topUps.credit(.cryptoPay, invoiceID: "901", paid: TestShop.dollars("10.00"), paidAt: Date())
            #expect(!first.isRepeat)
            #expect(first.balance == TestShop.dollars("11.00"))
            #expect(first.topUp.state == .credited)
            let again = try await shop.topUps.credit(.cryptoPay, invoiceID: "901", paid: TestShop.dollars("10.00"), paidAt: Date())
            #expect(again.isRepeat)
            #expect(again.balance == TestShop.dollars("11.00"))
            #expect(try await shop.ledger.recentLines(of: 5).filter { $0.reason == .topUp }.count == 1)
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
            #expect(try await shop.topUps.creditedTotals()[.cryptoPay] == TestShop.dollars("10.00"))

            var csv = ""
            let rows = try await ExportService(database: shop.db, currency: TestShop.currency).export(.topUps) { csv += $0 }
            let lines = csv.split(separator: "\r\n").map(String.init)
            #expect(rows == 1)
            #expect(lines.first == "top_up,date,customer,provider,invoice,amount,currency,stars,state,paid_at,credited_at")
            #expect(lines.last?.contains(",cryptopay,901,10.00,USD,,credited,") == true, "\(csv)")
        }
    }

    /// The webhook, the reconciler and the customer's "I've paid" at once, twenty times over: one credit.
    @Test(arguments: TestDatabase.available)
    func twentyReportsOfOnePaymentAtOnceCreditItOnce(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(6)
            let opened = try await shop.topUps.open(.cryptoPay, telegramID: 6, amount: TestShop.dollars("25.00"), expiresAt: Date() + Self.hour)
            _ = try await shop.topUps.attach(invoiceID: "902", payURL: "https://pay.example/902", to: opened.id)
            let topUps = shop.topUps
            let credits = try await withThrowingTaskGroup(of: TopUpService.Credit.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await topUps.credit(.cryptoPay, invoiceID: "902", paid: TestShop.dollars("25.00"), paidAt: Date()) }
                }
                return try await group.reduce(into: [TopUpService.Credit]()) { $0.append($1) }
            }
            #expect(credits.filter { !$0.isRepeat }.count == 1)
            #expect(credits.allSatisfy { $0.balance == TestShop.dollars("25.00") })
            #expect(try await shop.users.find(telegramID: 6)?.balance == TestShop.dollars("25.00"))
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPaymentForAnUnknownInvoiceOrAnotherAmountChangesNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(7)
            let opened = try await shop.topUps.open(.cryptoPay, telegramID: 7, amount: TestShop.dollars("10.00"), expiresAt: Date() + Self.hour)
            _ = try await shop.topUps.attach(invoiceID: "903", payURL: "https://pay.example/903", to: opened.id)
            await #expect(throws: TopUpError.unknownInvoice(provider: .cryptoPay, invoiceID: "999")) {
                try await shop.topUps.credit(.cryptoPay, invoiceID: "999", paid: TestShop.dollars("10.00"), paidAt: Date())
            }
            await #expect(throws: TopUpError.amountMismatch(expected: TestShop.dollars("10.00"), paid: TestShop.dollars("100.00"))) {
                try await shop.topUps.credit(.cryptoPay, invoiceID: "903", paid: TestShop.dollars("100.00"), paidAt: Date())
            }
            let euros = Money(minorUnits: 1000, currency: Currency(code: "EUR"))
            await #expect(throws: TopUpError.amountMismatch(expected: TestShop.dollars("10.00"), paid: euros)) {
                try await shop.topUps.credit(.cryptoPay, invoiceID: "903", paid: euros, paidAt: Date())
            }
            #expect(try await shop.users.find(telegramID: 7)?.balance == TestShop.dollars("0"))
            #expect(try await shop.topUps.topUp(id: opened.id)?.state == .created)
        }
    }

    /// Expiry marks what waits past its time, and a payment the provider took anyway is still credited.
    @Test(arguments: TestDatabase.available)
    func expiredTopUpsAreMarkedAndALatePaymentIsStillCredited(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(8)
            let old = try await shop.topUps.open(.cryptoPay, telegramID: 8, amount: TestShop.dollars("5.00"), expiresAt: Date() - 60)
            _ = try await shop.topUps.attach(invoiceID: "904", payURL: "https://pay.example/904", to: old.id)
            let fresh = try await shop.topUps.open(.cryptoPay, telegramID: 8, amount: TestShop.dollars("6.00"), expiresAt: Date() + Self.hour)
            _ = try await shop.topUps.attach(invoiceID: "905", payURL: "https://pay.example/905", to: fresh.id)
            #expect(try await shop.topUps.expire(.cryptoPay) == 1)
            #expect(try await shop.topUps.waiting(.cryptoPay).map(\.invoiceID) == ["905"])
            let late = try await shop.topUps.credit(.cryptoPay, invoiceID: "904", paid: TestShop.dollars("5.00"), paidAt: Date())
            #expect(!late.isRepeat && late.topUp.state == .credited)
        }
    }

    /// A press handled again after a crash finds the top-up it opened, not a new one.
    @Test(arguments: TestDatabase.available)
    func theSameRequestOpensOneTopUp(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(10)
            let first = try await shop.topUps.open(
                .cryptoPay, telegramID: 10, amount: TestShop.dollars("5.00"), expiresAt: Date() + Self.hour, requestKey: "10:press-1")
            let again = try await shop.topUps.open(
                .cryptoPay, telegramID: 10, amount: TestShop.dollars("5.00"), expiresAt: Date() + Self.hour, requestKey: "10:press-1")
            #expect(again.id == first.id)
            let other = try await shop.topUps.open(
                .cryptoPay, telegramID: 10, amount: TestShop.dollars("5.00"), expiresAt: Date() + Self.hour, requestKey: "10:press-2")
            #expect(other.id != first.id)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aTopUpIsRefusedForNobodyOrNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            await #expect(throws: LedgerError.unknownCustomer(telegramID: 404)) {
                try await shop.topUps.open(.cryptoPay, telegramID: 404, amount: TestShop.dollars("1.00"), expiresAt: Date())
            }
            try await shop.customer(9)
            await #expect(throws: LedgerError.nonPositiveAmount) {
                try await shop.topUps.open(.cryptoPay, telegramID: 9, amount: TestShop.dollars("0"), expiresAt: Date())
            }
            let opened = try await shop.topUps.open(.cryptoPay, telegramID: 9, amount: TestShop.dollars("1.00"), expiresAt: Date() + Self.hour)
            try await shop.topUps.cancel(opened.id)
            #expect(try await shop.topUps.topUp(id: opened.id)?.state == .cancelled)
        }
    }
}
