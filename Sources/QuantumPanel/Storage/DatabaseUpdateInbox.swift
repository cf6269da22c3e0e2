import BotRouting
import FluentKit
import FluentSQL
import Foundation
import Marketplace
import TelegramBotAPI

/// The update inbox in the shop's database, so that a crash (SIGKILL, OOM, power) loses no
/// update the bot received and a restart handles none twice.
///
/// A batch is kept with one multi-row insert before it is confirmed to Telegram. With a
/// ``HandledJournal``, marking an update handled is one append to a local file, and the database
/// takes the marks in batches (before the next batch is kept, or 32 at a time); at start the
/// journal a killed process left is read back first. Handled ids are kept for a day, as
/// Telegram never redelivers an older update, and then pruned.
public struct DatabaseUpdateInbox: UpdateInbox {
    static let table = "update_inbox"
    static let retention: TimeInterval = 86_400
    static let flushBatch = 32
    let database: any Database
    let journal: HandledJournal?
    /// This process's id, when other processes share the inbox (PostgreSQL): each update is
    /// marked with the owner that received it, and only a dead owner's are taken over.
    let owner: String?

    /// - Parameters:
    ///   - journalPath: the local file handled ids go to first; nil writes each mark to the
    ///     database at once (slower, and a kill between a handler's answer and that write handles
    ///     the update again).
    ///   - owner: this process's id, held alive by ``ProcessLiveness``; nil when no other
    ///     process shares the inbox.
    public init(database: any Database, journalPath: String? = nil, owner: String? = nil) throws {
        self.database = database
        self.journal = try journalPath.map { path throws(JournalError) in try HandledJournal(path: path) }
        self.owner = owner
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Keeping refused: this owner's liveness lock is not held. Its session ended, so the other
    /// processes may take its updates over at any moment; kept now, an update could be handled by
    /// two processes, or kept after the others' last look and handled by none.
    public struct OwnerNotAlive: Error, CustomStringConvertible {
        public let owner: String
        public var description: String { "no session holds the liveness lock of owner \(owner): its updates are no longer its own" }
    }

    /// - Throws: ``OwnerNotAlive`` when the owner's liveness lock is not held (a process that
    ///   lost its session and has not noticed yet, with a query that waited for the database).
    public func receive(_ updates: [Update]) async throws -> [Update] {
        guard !updates.isEmpty else { return [] }
        if let owner, try await !isAlive(owner) { throw OwnerNotAlive(owner: owner) }
        try await flushJournal()
        let encoder = JSONEncoder()
        let now = Date()
        var insert = sql.insert(into: Self.table).columns("update_id", "payload", "received_at", "received_by")
        for update in updates {
            insert = insert.values(
                SQLBind(update.updateID), SQLBind(String(decoding: try encoder.encode(update), as: UTF8.self)), SQLBind(now), SQLBind(owner))
        }
        let inserted = Set(
            try await insert.ignoringConflicts(with: "update_id").returning("update_id").all(decodingColumn: "update_id", as: Int64.self))
        if updates.contains(where: { $0.updateID % 1_000 == 0 }) {
            try await prune(before: now.addingTimeInterval(-Self.retention))
        }
        return updates.filter { inserted.contains($0.updateID) }
    }

    public func markHandled(_ updateID: Int64) async throws {
        guard let journal else { return try await mark([updateID]) }
        try journal.append(updateID)
        if journal.unflushedCount >= Self.flushBatch { try await flushJournal() }
    }

    public func unhandled() async throws -> [Update] {
        if let owner { return try await takeOver(as: owner, includingOwn: true) }
        if let journal {
            // What a killed process had handled and not yet told the database.
            try await mark(HandledJournal.ids(at: journal.path))
            journal.emptyAll()
        }
        let rows = try await sql.select().columns("update_id", "payload").from(Self.table)
            .where("handled_at", .is, SQLLiteral.null)
            .orderBy("update_id")
            .all(decoding: KeptUpdate.self, with: .snakeCase)
        return try await decode(rows)
    }

    /// An update's row as kept: its payload is the update's JSON.
    private struct KeptUpdate: Decodable {
        let updateID: Int64
        let payload: String?
    }

    /// The updates in `rows`; one kept by a newer version that this one can't read is marked
    /// handled, not read again at every start.
    private func decode(_ rows: [KeptUpdate]) async throws -> [Update] {
        let decoder = JSONDecoder()
        var updates: [Update] = []
        var unreadable: [Int64] = []
        for row in rows {
            if let update = row.payload.flatMap({ try? decoder.decode(Update.self, from: Data($0.utf8)) }) {
                updates.append(update)
            } else {
                unreadable.append(row.updateID)
            }
        }
        try await mark(unreadable)
        return updates
    }

    /// The unhandled updates of owners whose liveness lock can be taken (their session ended),
    /// and of none (kept before owners were recorded), now this process's. The lock is taken and
    /// released in one expression, in that order (a CASE fixes it), on whichever pooled session runs it.
    public func orphans() async throws -> [Update] {
        guard let owner else { return [] }
        return try await takeOver(as: owner, includingOwn: false)
    }

    /// Whether a session holds `owner`'s liveness lock (``ProcessLiveness``): taken by another,
    /// it can't be taken here. Taken here, it is released at once (as ``orphans()`` does), which
    /// is cheaper than reading `pg_locks`.
    private func isAlive(_ owner: String) async throws -> Bool {
        try await sql.raw(
            """
            SELECT CASE WHEN pg_try_advisory_lock(hashtextextended(\(bind: owner), 0))
              THEN NOT pg_advisory_unlock(hashtextextended(\(bind: owner), 0)) ELSE true END AS alive
            """
        ).first(decodingColumn: "alive", as: Bool.self) ?? false
    }

    /// The orphans, and with `includingOwn` this owner's unhandled updates too: at the
    /// dispatcher's start nothing handles them (a leader that lost the lead and leads again left them).
    private func takeOver(as owner: String, includingOwn: Bool) async throws -> [Update] {
        // No owner's id is empty (they are UUIDs), so without `includingOwn` the first test never holds.
        let own = includingOwn ? owner : ""
        let rows = try await sql.raw(
            """
            UPDATE update_inbox SET received_by = \(bind: owner)
            WHERE handled_at IS NULL AND (received_by = \(bind: own) OR (received_by IS DISTINCT FROM \(bind: owner)
              AND (received_by IS NULL OR CASE WHEN pg_try_advisory_lock(hashtextextended(received_by, 0))
                   THEN pg_advisory_unlock(hashtextextended(received_by, 0)) ELSE false END)))
            RETURNING update_id, payload
            """
        ).all(decoding: KeptUpdate.self, with: .snakeCase)
        return try await decode(rows).sorted { $0.updateID < $1.updateID }
    }

    /// Hands the journal's marks to the database, then empties the file they were written to.
    func flushJournal() async throws {
        guard let (ids, file) = journal?.takeUnflushed() else { return }
        do {
            try await mark(ids)
        } catch {
            journal?.finishFlush(file: file, failedIDs: ids)
            throw error
        }
        journal?.finishFlush(file: file)
    }

    private func mark(_ ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await sql.update(Self.table)
            .set("handled_at", to: SQLBind(Date()))
            .set("payload", to: SQLLiteral.null)
            .where("update_id", .in, SQLBind.group(ids))
            .run()
    }

    /// Forgets handled updates received before `date`.
    func prune(before date: Date) async throws {
        try await sql.delete(from: Self.table)
            .where("received_at", .lessThan, SQLBind(date))
            .where("handled_at", .isNot, SQLLiteral.null)
            .run()
    }
}
