import BotRouting
import FluentKit
import FluentSQL
import Foundation
import Logging
import Marketplace
import MarketplaceTesting
import RedisClient
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// The bot's state in the shop's database, on SQLite and PostgreSQL.
@Suite(.timeLimit(.minutes(1))) struct DatabaseStorageTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test(arguments: TestDatabaseKind.available)
    func databaseStateStorageMeetsTheStateStorageContract(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            let storage = DatabaseStateStorage(database: database.database(logger: Self.logger))
            #expect(try await StateStorageConformance.violations(of: storage) == [])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func cachedStateStorageMeetsTheStateStorageContract(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            let storage = CachedStateStorage(database: DatabaseStateStorage(database: database.database(logger: Self.logger)), cache: MemoryCache())
            #expect(try await StateStorageConformance.violations(of: storage) == [])
        }
    }

    /// Most taps clear a state that isn't there; with the cached copy saying so, that costs no query.
    @Test(arguments: TestDatabaseKind.available)
    func aCachedWriteThatChangesNothingIsSkippedAndOneThatChangesSomethingReachesTheDatabase(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            let db = database.database(logger: Self.logger)
            let cache = MemoryCache()
            let storage = CachedStateStorage(database: DatabaseStateStorage(database: db), cache: cache)
            let key = StorageKey(chatID: 7, userID: 7)
            try await storage.setState(nil, for: key)
            #expect(cache.count == 1, "a clear of a state not cached yet reads it once, keeps it, and writes nothing")
            #expect(try await storage.state(for: key) == nil)
            try await storage.setState(nil, for: key)
            try await storage.setData([:], for: key)
            #expect(cache.count == 1, "nothing changed: the cached copy stays, no write cleared it")

            try await storage.setState("quantity", for: key)
            try await storage.setData(["price": [1, 2]], for: key)
            #expect(cache.count == 0)
            #expect(try await DatabaseStateStorage(database: db).state(for: key) == "quantity")
            #expect(try await storage.data(for: key) == ["price": [1, 2]])
            try await storage.setState(nil, for: key)
            #expect(try await DatabaseStateStorage(database: db).state(for: key) == nil, "a clear that changes something is written")
            #expect(try await storage.state(for: key) == nil)
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func databaseInboxMeetsTheInboxContract(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            #expect(try await InboxConformance.violations(of: try DatabaseUpdateInbox(database: database.database(logger: Self.logger))) == [])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func theInboxRemembersAcrossHandlesAsAfterARestart(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            let first = try DatabaseUpdateInbox(database: database.database(logger: Self.logger))
            var payment = Update(updateID: 5)
            payment.message = Message(messageID: 1, date: 1, chat: Chat(id: 9, type: "private"), text: "/start <b>&</b> 🛒")
            #expect(try await first.receive([payment, Update(updateID: 6)]).count == 2)
            try await first.markHandled(6)
            let again = try DatabaseUpdateInbox(database: database.database(logger: Self.logger))
            #expect(try await again.unhandled() == [payment], "what was not handled comes back whole")
            #expect(try await again.receive([payment, Update(updateID: 6), Update(updateID: 7)]).map(\.updateID) == [7])
        }
    }
}

extension DatabaseStorageTests {
    /// A fresh database of `kind` with the bot's tables, and a journal path in a fresh folder.
    /// `inbox()` opens the inbox on them as a (re)started bot would.
    func withJournal(
        _ kind: TestDatabaseKind,
        _ body: (_ journal: String, _ database: MarketplaceDatabase, _ inbox: () throws -> DatabaseUpdateInbox) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { folder in
            try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
                let journal = folder + "/handled.journal"
                try await body(journal, database) { try DatabaseUpdateInbox(database: database.database(logger: Self.logger), journalPath: journal) }
            }
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func databaseInboxWithAJournalMeetsTheInboxContract(kind: TestDatabaseKind) async throws {
        try await withJournal(kind) { _, _, inbox throws in
            #expect(try await InboxConformance.violations(of: inbox()) == [])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func marksOnlyInTheJournalOfAKilledProcessCountAtTheNextStart(kind: TestDatabaseKind) async throws {
        try await withJournal(kind) { journal, database, inbox throws in
            let killed = try inbox()
            let updates = (1...40).map { Update(updateID: Int64($0)) }
            _ = try await killed.receive(updates)
            // 39 marks: 32 reach the database in a batch, 7 stay in the journal alone, as when
            // the process is killed right after handling them.
            for update in updates.dropLast() { try await killed.markHandled(update.updateID) }
            #expect(
                try await DatabaseUpdateInbox(database: database.database(logger: Self.logger)).unhandled().count == 8,
                "7 marked in the journal only, and the last")

            #expect(try await inbox().unhandled().map(\.updateID) == [40], "only the update never handled comes back")
            #expect(HandledJournal.ids(at: journal).isEmpty, "the journal is emptied once the database has its marks")
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func marksMadeAtOnceWhileBatchesFlushAreAllKept(kind: TestDatabaseKind) async throws {
        try await withJournal(kind) { _, _, inbox throws in
            let killed = try inbox()
            let ids = Array(Int64(1)...1_000)
            _ = try await killed.receive(ids.map { Update(updateID: $0) })
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for id in ids where id % 8 == Int64(worker) { try await killed.markHandled(id) }
                    }
                }
                try await group.waitForAll()
            }
            // No last flush: the process is gone. Every mark is in the database or the journal.
            #expect(try await inbox().unhandled().isEmpty)
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func anUpdateTheInboxCantReadIsDroppedOnceNotAtEveryStart(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database async throws in
            let db = database.database(logger: Self.logger)
            _ = try await DatabaseUpdateInbox(database: db).receive([Update(updateID: 1), Update(updateID: 3)])
            // As a newer version might have kept it: a payload this one can't read.
            let sql = db as! any SQLDatabase
            try await sql.raw(
                "INSERT INTO update_inbox (update_id, payload, received_at) VALUES (2, \(bind: #"{"update_id":"two"}"#), \(bind: Date()))"
            ).run()
            #expect(try await DatabaseUpdateInbox(database: db).unhandled().map(\.updateID) == [1, 3])
            let left = try await sql.select().column("update_id").from("update_inbox")
                .where("handled_at", .is, SQLLiteral.null).all().map { try $0.decode(column: "update_id", as: Int64.self) }
            #expect(left.sorted() == [1, 3], "the unreadable one is marked, so the next start does not meet it again")
        }
    }

    @Test func aLineCutShortByTheKillIsIgnored() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder + "/handled.journal"
            try "17\n18\n19".write(toFile: path, atomically: false, encoding: .utf8)
            try "20\n".write(toFile: path + ".1", atomically: false, encoding: .utf8)
            #expect(HandledJournal.ids(at: path) == [17, 18, 20])
        }
    }
}

/// The bot's state cached in Redis (the server `./scripts/test` starts); fails under CI=true without one.
@Suite(.timeLimit(.minutes(1)), .enabled(if: TestServers.shouldRun(TestServers.redisVariable))) struct RedisStorageTests {
    static func redis() throws -> RedisClient {
        let url = try TestServers.url(TestServers.redisVariable)
        return RedisClient(configuration: try RedisConfiguration(url: url.absoluteString), logger: DatabaseStorageTests.logger)
    }

    @Test func stateCachedInRedisMeetsTheStateStorageContract() async throws {
        let redis = try Self.redis()
        try await withTemporaryMarketplaceDatabase(.sqlite, additionalMigrations: BotStorage.migrations) { database throws in
            let cache = RedisCache(redis: redis, namespace: "test:\(UUID().uuidString):")
            let storage = CachedStateStorage(
                database: DatabaseStateStorage(database: database.database(logger: DatabaseStorageTests.logger)), cache: cache)
            #expect(try await StateStorageConformance.violations(of: storage) == [])
        }
        await redis.close()
    }
}
