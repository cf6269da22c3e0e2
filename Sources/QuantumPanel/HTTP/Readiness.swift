import BotRouting
import FluentSQL
import Foundation
import Logging
import Marketplace
import RedisClient
import Synchronization

/// What `/readyz` reports: whether this process can take updates now.
///
/// Ready means the database answers, every migration is applied, and the bot is taking updates
/// (polling, or its webhook open) or standing by to take polling over. Redis is reported, never required: the bot works without it.
final class Readiness: Sendable {
    struct Report: Codable, Equatable {
        var ready: Bool
        /// `ok`, `unreachable` or `not migrated` (`not migrated: N pending` when it can tell).
        var database: String
        /// `up`, `down` or `not configured`.
        var redis: String
        /// `starting`, `polling`, `webhook`, `standby` (another process polls) or `stopping`.
        var updates: String
    }

    /// Taking updates, or standing by to take polling over: a process a balancer may count on.
    static let takingUpdates: Set = ["polling", "webhook", "standby"]

    private let database: MarketplaceDatabase
    /// During an outage the database is unreachable without asking it again.
    private let outages: any OutageMonitor
    private let redis: RedisClient?
    /// In webhook mode: an update is taken only once the dispatcher behind it runs.
    private let intake: WebhookIntake?
    private let logger: Logger
    private let updates = Mutex("starting")
    // Migrations are never undone, so once they are all applied that is not checked again.
    private let migrated = Atomic(false)

    init(database: MarketplaceDatabase, outages: any OutageMonitor = NoOutages(), redis: RedisClient?, intake: WebhookIntake?, logger: Logger) {
        self.database = database
        self.outages = outages
        self.redis = redis
        self.intake = intake
        self.logger = logger
    }

    /// Says how updates are being taken (`polling`, `webhook`), or that they no longer are (`stopping`).
    func setUpdates(_ state: String) {
        updates.withLock { $0 = state }
    }

    func report() async -> Report {
        async let databaseState = databaseState()
        async let redisState = redisState()
        let (database, redis) = await (databaseState, redisState)
        var updates = updates.withLock { $0 }
        if updates == "webhook", intake?.isOpen == false {
            // Answered 503 until the dispatcher runs: a balancer must not send Telegram's calls here yet.
            updates = "starting"
        }
        return Report(ready: database == "ok" && Self.takingUpdates.contains(updates), database: database, redis: redis, updates: updates)
    }

    private func databaseState() async -> String {
        guard outages.isAvailable else { return "unreachable" }
        do {
            _ = try await withTimeout(.seconds(2)) { [database, logger] in
                try await (database.database(logger: logger) as! any SQLDatabase).raw("SELECT 1 AS one").first()
            }
        } catch  where outages.isOutage(error) {
            // The monitor logs the outage once, and watches for its end.
            return "unreachable"
        } catch {
            // The details stay in the log: the endpoint may be reachable by more than the operator.
            logger.warning("Readiness: the database did not answer", metadata: ["error": "\(DatabaseFailure.describe(error))"])
            return "unreachable"
        }
        guard !migrated.load(ordering: .relaxed) else { return "ok" }
        do {
            let pending = try await database.pendingMigrationCount(logger: logger)
            guard pending == 0 else { return "not migrated: \(pending) pending" }
            migrated.store(true, ordering: .relaxed)
            return "ok"
        } catch {
            logger.warning("Readiness: the migrations could not be read", metadata: ["error": "\(DatabaseFailure.describe(error))"])
            return "not migrated"
        }
    }

    private func redisState() async -> String {
        guard let redis else { return "not configured" }
        do {
            try await withTimeout(.seconds(1)) { try await redis.ping() }
            return "up"
        } catch {
            return "down"
        }
    }
}

/// Runs `operation`, or throws `ReadinessTimeout` when it takes longer than `limit`.
func withTimeout<Value: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
    try await withThrowingTaskGroup(of: Value.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw ReadinessTimeout(limit: limit)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

struct ReadinessTimeout: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "no answer within \(limit)" }
}
