import BotAPISandbox
import Foundation
import Logging
import Marketplace
import MarketplaceTesting
import Synchronization
import Testing

@testable import QuantumPanel

/// Reconciliation credits the paid invoices no webhook brought, once, marks the unpaid ones past
/// their time expired, and rides out a provider that can't be reached.
@Suite(.timeLimit(.minutes(2)))
struct TopUpReconcilerTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Crypto Pay as the test scripts it: the invoices it reports, or unreachable.
    final class ScriptedProvider: TopUpProvider {
        let reported = Mutex<[ProviderInvoice]?>([])
        var id: TopUpProviderID { .cryptoPay }

        func createInvoice(for topUp: TopUpRecord, wording: InvoiceWording, expiresIn: Duration) async throws -> IssuedInvoice {
            throw TopUpProviderError.unreachable(provider: id, reason: "not scripted")
        }

        func invoices(_ ids: [String]) async throws -> [ProviderInvoice] {
            guard let reported = reported.withLock({ $0 }) else { throw TopUpProviderError.unreachable(provider: id, reason: "scripted outage") }
            return reported.filter { ids.contains($0.invoiceID) }
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func paidInvoicesAreCreditedOnceAndOverdueOnesExpire(database: TestDatabaseKind) async throws {
        try await BotAPISandbox.withRunning { sandbox in
            let user = await sandbox.makeUser(firstName: "Ana")
            try await withTemporaryMarketplaceDatabase(database) { marketplace in
                let shop = Shop(
                    database: marketplace.database(logger: Self.logger), currency: .usd, rootAdminID: 1,
                    starValue: Money(minorUnits: 1, currency: .usd))
                _ = try await shop.users.register(telegramID: user.id, username: nil, firstName: "Ana", languageCode: "en")
                let dollars = { (amount: Int64) in Money(minorUnits: amount * 100, currency: .usd) }
                var ids: [Int] = []
                for (invoice, expiresAt) in [("1", Date() + 3600), ("2", Date() - 60), ("3", Date() + 3600)] {
                    let topUp = try await shop.topUps.open(.cryptoPay, telegramID: user.id, amount: dollars(5), expiresAt: expiresAt)
                    _ = try await shop.topUps.attach(invoiceID: invoice, payURL: "https://pay.example/\(invoice)", to: topUp.id)
                    ids.append(topUp.id)
                }
                let provider = ScriptedProvider()
                let reconciler = TopUpReconciler(
                    provider: provider, payments: TopUpPayments(shop: shop, bot: sandbox.makeClient(), logger: Self.logger), interval: .seconds(300),
                    logger: Self.logger)

                provider.reported.withLock { $0 = nil }
                await #expect(throws: TopUpProviderError.self) { try await reconciler.reconcile() }
                #expect(try await shop.users.find(telegramID: user.id)?.balance == dollars(0), "nothing while Crypto Pay is away")

                let paid = ProviderInvoice(invoiceID: "1", state: .paid, amount: dollars(5), topUpID: ids[0], payURL: "", paidAt: Date())
                let unpaid = ProviderInvoice(invoiceID: "2", state: .active, amount: dollars(5), topUpID: ids[1], payURL: "", paidAt: nil)
                provider.reported.withLock { $0 = [paid, unpaid] }
                #expect(try await reconciler.reconcile() == .init(credited: 1, expired: 1))
                #expect(try await reconciler.reconcile() == .init(credited: 0, expired: 0), "credited once")
                #expect(try await shop.users.find(telegramID: user.id)?.balance == dollars(5))
                let states = try await ids.asyncMap { try await shop.topUps.topUp(id: $0)?.state }
                #expect(states == [.credited, .expired, .created])
                let told = await sandbox.state.transcript(of: user.id).filter { $0.sender == "bot" }
                #expect(told.count == 1)
            }
        }
    }
}

extension Array {
    fileprivate func asyncMap<Result>(_ transform: (Element) async throws -> Result) async rethrows -> [Result] {
        var results: [Result] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
