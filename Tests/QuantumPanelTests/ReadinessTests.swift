import BotRouting
import Logging
import Marketplace
import MarketplaceTesting
import Testing

@testable import QuantumPanel

/// What `/readyz` says while the bot starts: a balancer sends Telegram's calls to a replica as
/// soon as it says ready, so it must not say so before an update would be taken.
@Suite(.timeLimit(.minutes(1))) struct ReadinessTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func aWebhookWhoseDispatcherIsNotRunningYetIsNotReady() async throws {
        try await withTemporaryMarketplaceDatabase(.sqlite, additionalMigrations: BotStorage.migrations) { database in
            let readiness = Readiness(database: database, redis: nil, intake: WebhookIntake(), logger: Self.logger)
            readiness.setUpdates("webhook")
            let report = await readiness.report()
            #expect(report == .init(ready: false, database: "ok", redis: "not configured", updates: "starting"))
        }
    }

    @Test func pollingIsReadyOnceSaid() async throws {
        try await withTemporaryMarketplaceDatabase(.sqlite, additionalMigrations: BotStorage.migrations) { database in
            let readiness = Readiness(database: database, redis: nil, intake: nil, logger: Self.logger)
            #expect(await readiness.report().ready == false)
            readiness.setUpdates("polling")
            #expect(await readiness.report() == .init(ready: true, database: "ok", redis: "not configured", updates: "polling"))
        }
    }
}
