import FluentSQL
import Foundation
import Logging
import Marketplace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Consistent copies of a SQLite shop, made while the bot runs, and putting one back while it
/// doesn't.
///
/// A backup is SQLite's `VACUUM INTO`: one read transaction, so it sees the shop as it was at one
/// instant (a purchase is in it whole or not at all) while the bot goes on writing beside it in
/// WAL mode. Both directions write a `.partial` file first, flush it and rename it, so a crash
/// half-way never leaves a file that looks finished.
public struct ShopBackup: Sendable {
    /// What a finished backup or restore holds.
    public struct Summary: Sendable, Equatable {
        public var customers: Int
        public var orders: Int
        public var bytes: Int
    }

    /// What `restore` did besides copying.
    public struct Restored: Sendable, Equatable {
        public var summary: Summary
        /// Where the shop that was replaced went (with its `-wal`, if any), nil if there was none.
        public var previousShopPath: String?
        /// Updates the backup held as received and not yet handled: they are marked handled, as
        /// the bot answered them (or their moment passed) long before this restore.
        public var updatesNotReplayed: Int
    }

    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Copies the shop at `shopPath` to `destination`, which must not exist.
    public func backUp(shopPath: String, to destination: String) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: shopPath) else { throw BackupError.noShop(path: shopPath) }
        guard !FileManager.default.fileExists(atPath: destination) else { throw BackupError.destinationExists(path: destination) }
        let folder = (destination as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try await withShop(at: shopPath) { sql in
                try await sql.raw("VACUUM INTO \(bind: partial)").run()
            }
            let summary = try await check(partial, reportedAs: destination)
            try Self.flushAndRename(partial, to: destination)
            return summary
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Puts the backup at `backup` in place of the shop at `shopPath`, whose current file (if
    /// any) is moved aside. The caller holds the shop's ``ShopFileLock``, so no bot is running on it.
    public func restore(from backup: String, to shopPath: String, now: Date = Date()) async throws -> Restored {
        guard FileManager.default.fileExists(atPath: backup) else { throw BackupError.noBackup(path: backup) }
        _ = try await check(backup, reportedAs: backup)
        let partial = shopPath + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try FileManager.default.copyItem(atPath: backup, toPath: partial)
            let updatesNotReplayed = try await withShop(at: partial) { sql in
                // A file with no log beside it, so that the rename below moves all of it.
                try await sql.raw("PRAGMA journal_mode=DELETE").run()
                return try await Self.markReceivedUpdatesHandled(sql, at: now)
            }
            let summary = try await check(partial, reportedAs: backup)
            let previous = try Self.moveAside(shopPath, at: now)
            try Self.flushAndRename(partial, to: shopPath)
            return Restored(summary: summary, previousShopPath: previous, updatesNotReplayed: updatesNotReplayed)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Runs SQLite's integrity check and counts what the shop holds.
    private func check(_ path: String, reportedAs name: String) async throws -> Summary {
        try await withShop(at: path) { sql in
            let report: [String]
            do {
                report = try await sql.raw("PRAGMA integrity_check").all(decodingColumn: "integrity_check", as: String.self)
            } catch {
                throw BackupError.notAShop(path: name, reason: "SQLite can't read it (\(error))")
            }
            guard report == ["ok"] else { throw BackupError.damaged(path: name, report: report.prefix(3).joined(separator: "; ")) }
            let tables = try await sql.raw(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('customers', 'orders', '_fluent_migrations')"
            ).all()
            guard tables.count == 3 else { throw BackupError.notAShop(path: name, reason: "it has none of the shop's tables") }
            let customers = try await sql.raw("SELECT COUNT(*) AS n FROM customers").first(decodingColumn: "n", as: Int.self) ?? 0
            let orders = try await sql.raw("SELECT COUNT(*) AS n FROM orders").first(decodingColumn: "n", as: Int.self) ?? 0
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return Summary(customers: customers, orders: orders, bytes: bytes)
        }
    }

    private func withShop<Value>(at path: String, _ body: (any SQLDatabase) async throws -> Value) async throws -> Value {
        let database = try MarketplaceDatabase(location: .sqliteFile(path), poolSize: 1)
        do {
            let value = try await body(database.database(logger: logger) as! any SQLDatabase)
            await database.shutdown()
            return value
        } catch {
            await database.shutdown()
            throw error
        }
    }

    private static func markReceivedUpdatesHandled(_ sql: any SQLDatabase, at now: Date) async throws -> Int {
        let inbox = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'update_inbox'").all()
        guard !inbox.isEmpty else { return 0 }
        let rows = try await sql.raw("UPDATE update_inbox SET handled_at = \(bind: now), payload = NULL WHERE handled_at IS NULL RETURNING update_id")
            .all()
        return rows.count
    }

    /// Renames the shop file and its `-wal` and `-shm` to `<path>.before-restore-<UTC time>`,
    /// which SQLite opens with its log as before.
    private static func moveAside(_ path: String, at now: Date) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let aside = path + ".before-restore-" + LogRecordFormatter.timestamp(now).filter { $0.isNumber }
        try FileManager.default.moveItem(atPath: path, toPath: aside)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix)
        }
        return aside
    }

    /// Flushes `partial` to disk, renames it to `path` and flushes the folder, so the finished
    /// name never points at a file a power cut could leave half-written.
    private static func flushAndRename(_ partial: String, to path: String) throws {
        try flush(partial)
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        let folder = (path as NSString).deletingLastPathComponent
        try flush(folder.isEmpty ? "." : folder)
    }

    private static func flush(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
