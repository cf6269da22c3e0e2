import FluentSQL
import Foundation
import Logging
import Marketplace
import ServiceLifecycle

/// Start-up's wait for the database: tried until it answers, with a line every few seconds
/// saying where and what failed, for at most `limit` (`DATABASE_WAIT`; nil for ever). A wrong
/// password or a missing database ends the wait at once: retrying can't fix them.
struct DatabaseStartup {
    let database: MarketplaceDatabase
    let location: DatabaseLocation
    let limit: Duration?
    let logger: Logger
    /// How often the wait is said in the log.
    var reportEvery: Duration = .seconds(3)

    /// The database can't be used as configured; the process ends with status 2.
    struct Misconfigured: Error, CustomStringConvertible {
        let target: String
        let reason: String
        var description: String { "The database refuses this bot (\(target)): \(reason). Check \(DatabaseSettings.urlVariable)." }
    }

    /// The database did not answer within `DATABASE_WAIT`.
    struct GaveUp: Error, CustomStringConvertible {
        let target: String
        let waited: Duration
        let reason: String
        var description: String { "The database did not answer within \(DatabaseSettings.waitVariable) (\(waited)) at \(target): \(reason)" }
    }

    /// Returns once `SELECT 1` answers.
    /// - Throws: ``Misconfigured``, ``GaveUp``, or `CancellationError` at graceful shutdown.
    func waitUntilReachable() async throws {
        let quiet = Logger(label: logger.label, factory: { _ in SwiftLogNoOpLogHandler() })
        let started = ContinuousClock.now
        var lastReport: ContinuousClock.Instant?
        var pause = Duration.milliseconds(250)
        while true {
            do {
                _ = try await withTimeout(.seconds(5)) { [database] in
                    try await (database.database(logger: quiet) as! any SQLDatabase).raw("SELECT 1 AS one").first()
                }
                if lastReport != nil { logger.notice("The database answers", metadata: ["database": "\(location.connectionSummary)"]) }
                return
            } catch {
                try Task.checkCancellation()
                let failure = DatabaseFailure(error) ?? .unreachable(DatabaseFailure.describe(error))
                if case .misconfigured(let reason) = failure { throw Misconfigured(target: location.connectionSummary, reason: reason) }
                let waited = started.duration(to: .now)
                if let limit, waited >= limit { throw GaveUp(target: location.connectionSummary, waited: limit, reason: failure.reason) }
                if lastReport.map({ $0.duration(to: .now) >= reportEvery }) ?? true {
                    lastReport = .now
                    logger.warning("Waiting for the database", metadata: ["database": "\(location.connectionSummary)", "error": "\(failure.reason)"])
                }
                try await cancelWhenGracefulShutdown { [pause] in try await Task.sleep(for: pause) }
                pause = min(pause * 2, .seconds(2))
            }
        }
    }
}
