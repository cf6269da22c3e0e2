import BotRouting
import FluentSQL
import Logging
import Marketplace

/// The database as an ``OutageMonitor``: a lost or refused connection (or a SQLite file locked
/// by another process) starts an outage, logged once; `SELECT 1` is tried with a growing pause
/// until it answers within 2 s, and then every update that waited is handled again.
enum DatabaseOutages {
    static func monitor(_ database: MarketplaceDatabase, logger: Logger) -> DependencyMonitor {
        // The probe's own failures are the monitor's to report, not the pool's.
        let quiet = Logger(label: logger.label, factory: { _ in SwiftLogNoOpLogHandler() })
        return DependencyMonitor(
            name: "The database", logger: logger,
            // At run time a refused password is an outage too (the server came back with another
            // setting): the updates wait for the operator instead of being apologised for and lost.
            diagnose: { DatabaseFailure($0)?.reason }, describe: DatabaseFailure.describe,
            probe: {
                _ = try await withTimeout(.seconds(2)) {
                    try await (database.database(logger: quiet) as! any SQLDatabase).raw("SELECT 1 AS one").first()
                }
            }
        )
    }
}
