import FluentKit
import FluentPostgresDriver
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

    /// - Parameter poolSize: PostgreSQL connections kept open (`DATABASE_POOL_SIZE`); SQLite uses one.
    public init(location: Location, poolSize: Int = 5) throws {
        self.location = location
        let group = MultiThreadedEventLoopGroup.singleton
        databases = Databases(threadPool: .singleton, on: group)
        eventLoop = group.any()
        switch location {
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, maxConnectionsPerEventLoop: 1), as: .sqlite)
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
    static func makeMigrations() -> Migrations {
        let migrations = Migrations()
        migrations.add([CreateCustomers(), CreateAdmins(), CreateCatalogue(), CreateOrdersAndKeys(), CreateLedgerEntries(), CreateSellersAndAudit(), CreateBotState(), AddCustomerBotLanguage()])
        return migrations
    }

    /// Brings the schema up to date; running it again changes nothing.
    public func migrate(logger: Logger) async throws {
        let migrator = Migrator(databases: databases, migrations: Self.makeMigrations(), logger: logger, on: eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Closes every connection; call once, last.
    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
