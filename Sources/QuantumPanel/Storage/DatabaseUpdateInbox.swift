import BotRouting
import FluentKit
import FluentSQL
import Foundation
import TelegramBotAPI

/// The update inbox in the shop's database, so that a crash (SIGKILL, OOM, power) loses no
/// update the bot received and a restart handles none twice. A batch is one multi-row insert;
/// marking an update handled is one update of its row. Handled ids are kept for a day, as
/// Telegram never redelivers an older update, and then pruned.
public struct DatabaseUpdateInbox: UpdateInbox {
    static let table = "update_inbox"
    static let retention: TimeInterval = 86_400
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func receive(_ updates: [Update]) async throws -> [Update] {
        guard !updates.isEmpty else { return [] }
        let encoder = JSONEncoder()
        let now = Date()
        var insert = sql.insert(into: Self.table).columns("update_id", "payload", "received_at")
        for update in updates {
            insert = insert.values(SQLBind(update.updateID), SQLBind(String(decoding: try encoder.encode(update), as: UTF8.self)), SQLBind(now))
        }
        let rows = try await insert.ignoringConflicts(with: "update_id").returning("update_id").all()
        let inserted = Set(try rows.map { try $0.decode(column: "update_id", as: Int64.self) })
        if updates.contains(where: { $0.updateID % 1_000 == 0 }) {
            try await prune(before: now.addingTimeInterval(-Self.retention))
        }
        return updates.filter { inserted.contains($0.updateID) }
    }

    public func markHandled(_ updateID: Int64) async throws {
        try await sql.update(Self.table)
            .set("handled_at", to: SQLBind(Date()))
            .set("payload", to: SQLLiteral.null)
            .where("update_id", .equal, SQLBind(updateID))
            .run()
    }

    public func unhandled() async throws -> [Update] {
        let decoder = JSONDecoder()
        return try await sql.select().columns("update_id", "payload").from(Self.table)
            .where("handled_at", .is, SQLLiteral.null)
            .orderBy("update_id")
            .all()
            .compactMap { row in
                // An update kept by a newer version that this one can't read is dropped, not retried forever.
                guard let payload = try row.decodeNil(column: "payload") ? nil : row.decode(column: "payload", as: String.self) else { return nil }
                return try? decoder.decode(Update.self, from: Data(payload.utf8))
            }
    }

    /// Forgets handled updates received before `date`.
    func prune(before date: Date) async throws {
        try await sql.delete(from: Self.table)
            .where("received_at", .lessThan, SQLBind(date))
            .where("handled_at", .isNot, SQLLiteral.null)
            .run()
    }
}
