import FluentKit
import FluentPostgresDriver
import FluentSQL
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix

/// The shop's database: SQLite (a file, or memory for tests) or PostgreSQL, behind one Fluent
/// model layer, with the migrations that build it.
public final class MarketplaceDatabase: Sendable {
    public enum Location: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        /// A `postgres://` URL.
        case postgres(url: String)
    }

    private let databases: Databases
    /// One event loop for every query: with SQLite that means one connection, so write
    /// transactions queue instead of failing with SQLITE_BUSY (the role BEGIN IMMEDIATE plays).
    private let eventLoop: any EventLoop
    public let location: Location
    /// Migrations of the tables the bot keeps beside the shop's (its inbox, conversation state),
    /// run after the shop's own.
    let additionalMigrations: [any Migration]

    /// - Parameters:
    ///   - poolSize: PostgreSQL connections kept open (`DATABASE_POOL_SIZE`); SQLite uses one.
    ///   - additionalMigrations: the bot's own tables, migrated after the shop's.
    public init(location: Location, poolSize: Int = 5, additionalMigrations: [any Migration] = []) throws {
        self.location = location
        self.additionalMigrations = additionalMigrations
        let group = MultiThreadedEventLoopGroup.singleton
        databases = Databases(threadPool: .singleton, on: group)
        eventLoop = group.any()
        switch location {
        // One connection, so every transaction waits its turn: under a burst the answer is a
        // queue, not a failure, so the wait may be as long as PostgreSQL's.
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30)), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30)), as: .sqlite)
        case .postgres(let url):
            databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: poolSize, connectionPoolTimeout: .seconds(30)), as: .psql)
        }
    }

    public var isPostgres: Bool {
        if case .postgres = location { return true }
        return false
    }

    /// A handle for queries; cheap, make one per unit of work.
    public func database(logger: Logger) -> any Database {
        databases.database(logger: logger, on: eventLoop)!
    }

    /// Every migration, in order. Never edit one that has shipped; add a new one.
    func makeMigrations() -> Migrations {
        let migrations = Migrations()
        migrations.add([
            CreateCustomers(), CreateAdmins(), CreateCatalogue(), CreateOrdersAndKeys(), CreateLedgerEntries(), CreateSellersAndAudit(),
            CreateBotState(), AddCustomerBotLanguage(), AddCatalogueAdministration(), AddCustomerAdministration(), AddBroadcasts(), AddAdminRoles(),
            CreateTopUps(),
            MoveStarsOntoTopUps(), CreatePromoCodes(),
        ])
        migrations.add(additionalMigrations)
        return migrations
    }

    /// Brings the schema up to date; running it again changes nothing.
    public func migrate(logger: Logger) async throws {
        if case .sqliteFile = location {
            // Write-ahead logging: a commit appends to the log and fsyncs it once, where the
            // rollback journal fsyncs the journal and the file. `synchronous` stays FULL, so a
            // committed purchase survives a power cut as before. The mode is kept in the file.
            try await database(logger: logger).sql.raw("PRAGMA journal_mode=WAL").run()
        }
        let migrator = Migrator(databases: databases, migrations: makeMigrations(), logger: logger, on: eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// How many migrations are not applied yet; throws when the database can't be read (or was
    /// never migrated at all). Reads only.
    public func pendingMigrationCount(logger: Logger) async throws -> Int {
        let migrator = Migrator(databases: databases, migrations: makeMigrations(), logger: logger, on: eventLoop)
        return try await migrator.previewPrepareBatch().get().count
    }

    /// Closes every connection; call once, last.
    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
