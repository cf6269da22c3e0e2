import BotAPISandbox
import BotRouting
import Foundation
import Logging
import Marketplace
import MarketplaceTesting
import SQLKit
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// The update inbox shared by processes on one PostgreSQL shop: an update belongs to the process
/// that kept it for as long as that process's liveness lock is held, and to whoever finds it after.
@Suite(.timeLimit(.minutes(1)), .enabled(if: TestDatabaseKind.available.contains(.postgres)))
struct SharedInboxTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A process that lost its session and has not noticed (its query waited for the database
    /// and ran after the restart) must keep nothing: the others may already have looked for its updates.
    @Test func anOwnerWhoseLivenessLockNoSessionHoldsKeepsNothing() async throws {
        try await Self.withInboxDatabase { url, database in
            let owner = UUID().uuidString
            let inbox = try DatabaseUpdateInbox(database: database.database(logger: Self.logger), owner: owner)
            await #expect(throws: DatabaseUpdateInbox.OwnerNotAlive.self) { try await inbox.receive([Update(updateID: 1)]) }
            try await ProcessLiveness(url: url, owner: owner, logger: Self.logger).whileAlive {
                let kept = try await inbox.receive([Update(updateID: 2)])
                #expect(kept.map(\.updateID) == [2])
            }
            await #expect(throws: DatabaseUpdateInbox.OwnerNotAlive.self) { try await inbox.receive([Update(updateID: 3)]) }
            #expect(try await Self.keptIDs(in: database) == [2])
        }
    }

    /// A polling leader takes over what another process kept and left while it was already
    /// running: a former leader whose session ended as it kept its last batch.
    @Test func aPollingDispatcherHandlesWhatAnotherProcessLeftWhileItRuns() async throws {
        try await Self.withInboxDatabase { url, database in
            let (handled, handledContinuation) = AsyncStream.makeStream(of: Int64.self)
            let root = Router(name: "root")
            root.update { context in handledContinuation.yield(context.update.updateID) }
            let (batches, batchContinuation) = AsyncStream.makeStream(of: [Update].self)
            defer { batchContinuation.finish() }
            let leader = UUID().uuidString
            let dispatcher = Dispatcher(
                router: root, bot: BotAPISandbox().makeClient(), botUsername: nil,
                inbox: try DatabaseUpdateInbox(database: database.database(logger: Self.logger), owner: leader), logger: Self.logger
            )
            try await ProcessLiveness(url: url, owner: leader, logger: Self.logger).whileAlive {
                let running = Task { try await dispatcher.run(batches: batches, orphanSweepInterval: .milliseconds(100)) }
                defer { running.cancel() }
                var seen = handled.makeAsyncIterator()
                batchContinuation.yield([Update(updateID: 1)])
                #expect(await seen.next() == 1, "the dispatcher runs")

                let former = try DatabaseUpdateInbox(database: database.database(logger: Self.logger), owner: UUID().uuidString)
                try await ProcessLiveness(url: url, owner: former.owner!, logger: Self.logger).whileAlive {
                    _ = try await former.receive([Update(updateID: 2)])
                }
                #expect(await seen.next() == 2, "the update the former leader left")
            }
        }
    }

    static func withInboxDatabase(_ body: (_ url: String, _ database: MarketplaceDatabase) async throws -> Void) async throws {
        try await withTemporaryPostgresURL { url in
            let database = try MarketplaceDatabase(location: .postgres(url: url), poolSize: 2, additionalMigrations: BotStorage.migrations)
            do {
                try await database.migrate(logger: logger)
                try await body(url, database)
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
        }
    }

    static func keptIDs(in database: MarketplaceDatabase) async throws -> [Int64] {
        let sql = database.database(logger: logger) as! any SQLDatabase
        return try await sql.raw("SELECT update_id FROM update_inbox ORDER BY update_id").all().map {
            try $0.decode(column: "update_id", as: Int64.self)
        }
    }
}
