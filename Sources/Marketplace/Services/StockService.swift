import FluentKit
import FluentSQL

/// License keys in stock: bulk adds from text or files, counts, listing, export and deleting
/// unsold keys. Every change is written to the audit log.
public struct StockService: Sendable {
    let database: any Database
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck

    /// Longer than this is certainly not a key but a pasted paragraph.
    public static let maximumKeyLength = 512
    /// Keys looked up and inserted per statement, and per progress report.
    public static let chunkSize = 500

    public init(database: any Database, permissions: any PermissionCheck = UncheckedPermissions()) {
        self.database = database
        self.permissions = permissions
    }

    /// Adds one key per line of `text`; see ``addKeys(lines:to:by:progress:)``.
    public func addKeys(_ text: String, to priceID: Int, by adminID: Int64) async throws -> StockReport {
        try await addKeys(lines: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init), to: priceID, by: adminID)
    }

    /// Adds one key per line to a price, in one transaction: lines are trimmed, blank ones
    /// counted and skipped, and keys the product already has (or the batch repeats) counted as
    /// duplicates.
    /// - Parameters:
    ///   - firstLine: the number refusals give the first line (2 after a CSV's header).
    ///   - write: false only counts what would be added, for a summary before Confirm.
    ///   - progress: told how many lines are done out of how many, after each chunk.
    public func addKeys(
        lines: [String], firstLine: Int = 1, to priceID: Int, by adminID: Int64, write: Bool = true,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) async -> Void = { _, _ in }
    ) async throws -> StockReport {
        try await permissions.require(.stock, adminID)
        guard let price = try await ProductPrice.find(priceID, on: database) else { throw CatalogueError.priceNotFound(priceID: priceID) }
        let productID = price.$product.id
        var report = StockReport(added: 0, duplicates: 0, invalid: 0)
        var batch: [(line: Int, key: String)] = []
        var seen: Set<String> = []
        func refuse(_ line: Int, _ text: String, _ reason: StockReport.Refusal.Reason) {
            guard report.refusals.count < StockReport.refusalLimit else { return }
            report.refusals.append(.init(line: line, text: Self.cut(text), reason: reason))
        }
        for (index, line) in lines.enumerated() {
            let key = line.trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else {
                // A file's final line break is not a blank line.
                if index < lines.count - 1 || !line.isEmpty { report.blank += 1 }
                continue
            }
            // Counted as Telegram counts (UTF-16), so every key fits a receipt line whatever it holds.
            if key.utf16.count > Self.maximumKeyLength {
                report.invalid += 1
                refuse(index + firstLine, key, .tooLong)
            } else if key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                report.invalid += 1
                refuse(index + firstLine, key, .controlCharacters)
            } else if seen.insert(key).inserted {
                batch.append((index + firstLine, key))
            } else {
                report.duplicates += 1
                refuse(index + firstLine, key, .repeated)
            }
        }
        let candidates = batch
        let total = lines.count
        let (fresh, existing, wasEmpty) = try await database.atomically { db in
            let unused = try await ProductKey.query(on: db).filter(\.$price.$id == priceID).filter(\.$isUsed == false).count()
            let wasEmpty = unused == 0
            var fresh: [(line: Int, key: String)] = []
            var existing: [(line: Int, key: String)] = []
            for start in stride(from: 0, to: candidates.count, by: Self.chunkSize) {
                let chunk = candidates[start..<min(start + Self.chunkSize, candidates.count)]
                let found = Set(
                    try await ProductKey.query(on: db).filter(\.$productID == productID).filter(\.$keyText ~~ chunk.map(\.key)).all().map(\.keyText))
                let new = chunk.filter { !found.contains($0.key) }
                existing += chunk.filter { found.contains($0.key) }
                fresh += new
                guard write else {
                    await progress(min(total, chunk.last.map { $0.line - firstLine + 1 } ?? total), total)
                    continue
                }
                try await new.map { candidate -> ProductKey in
                    let key = ProductKey()
                    key.$price.id = priceID
                    key.productID = productID
                    key.keyText = candidate.key
                    key.isUsed = false
                    return key
                }.create(on: db)
                await progress(min(total, chunk.last.map { $0.line - firstLine + 1 } ?? total), total)
            }
            if write {
                try await AuditLog.record(
                    admin: adminID, action: "stock.add", subject: "price \(priceID)", details: "\(fresh.count) keys", before: "\(unused) unsold",
                    after: "\(unused + fresh.count) unsold", on: db)
            }
            return (fresh, existing, wasEmpty)
        }
        await progress(total, total)
        report.added = fresh.count
        report.duplicates += existing.count
        // The first refusals of either kind are among the first few of each.
        let inStock = existing.prefix(StockReport.refusalLimit).map {
            StockReport.Refusal(line: $0.line, text: Self.cut($0.key), reason: .alreadyInStock)
        }
        report.refusals = Array((report.refusals + inStock).sorted { $0.line < $1.line }.prefix(StockReport.refusalLimit))
        report.restocked = wasEmpty && !fresh.isEmpty
        return report
    }

    /// Unsold keys of a price.
    public func unusedCount(priceID: Int) async throws -> Int {
        try await ProductKey.query(on: database).filter(\.$price.$id == priceID).filter(\.$isUsed == false).count()
    }

    /// Unsold keys of a price, oldest first, with their ids for deleting.
    public func unusedKeys(priceID: Int, limit: Int = 50, offset: Int = 0) async throws -> [(id: Int, text: String)] {
        try await ProductKey.query(on: database).filter(\.$price.$id == priceID).filter(\.$isUsed == false)
            .sort(\.$id).range(offset..<(offset + limit)).all().map { ($0.id!, $0.keyText) }
    }

    /// One key's text.
    public func key(_ keyID: Int) async throws -> String {
        guard let key = try await ProductKey.find(keyID, on: database) else { throw CatalogueError.keyNotFound(keyID: keyID) }
        return key.keyText
    }

    /// Every unsold key of a price, oldest first, for an export.
    public func exportUnused(priceID: Int) async throws -> [String] {
        guard try await ProductPrice.find(priceID, on: database) != nil else { throw CatalogueError.priceNotFound(priceID: priceID) }
        return try await database.sql.select().column("key_text").from(ProductKey.schema)
            .where("price_id", .equal, priceID).where("is_used", .equal, false).orderBy("id")
            .all(decodingColumn: "key_text", as: String.self)
    }

    /// Deletes unsold keys; a sold key is refused and nothing is deleted.
    public func deleteUnused(keyIDs: [Int], by adminID: Int64) async throws {
        try await permissions.require(.stock, adminID)
        try await database.atomically { db in
            let keys = try await ProductKey.query(on: db).filter(\.$id ~~ keyIDs).all()
            if let sold = keys.first(where: \.isUsed) { throw CatalogueError.soldKeyCantBeDeleted(keyID: sold.id!) }
            if let missing = keyIDs.first(where: { id in !keys.contains { $0.id == id } }) { throw CatalogueError.keyNotFound(keyID: missing) }
            try await ProductKey.query(on: db).filter(\.$id ~~ keyIDs).filter(\.$isUsed == false).delete()
            try await AuditLog.record(
                admin: adminID, action: "stock.delete", subject: "keys", details: keyIDs.map(String.init).joined(separator: ","),
                before: "\(keys.count) unsold", after: "deleted", on: db
            )
        }
    }

    /// Deletes every unsold key of a price; sold keys stay with their orders.
    /// - Returns: how many were deleted.
    @discardableResult
    public func deleteAllUnused(priceID: Int, by adminID: Int64) async throws -> Int {
        try await permissions.require(.stock, adminID)
        return try await database.atomically { db in
            guard try await ProductPrice.find(priceID, on: db) != nil else { throw CatalogueError.priceNotFound(priceID: priceID) }
            let count = try await ProductKey.query(on: db).filter(\.$price.$id == priceID).filter(\.$isUsed == false).count()
            try await ProductKey.query(on: db).filter(\.$price.$id == priceID).filter(\.$isUsed == false).delete()
            try await AuditLog.record(
                admin: adminID, action: "stock.delete_all", subject: "price \(priceID)", before: "\(count) unsold", after: "0 unsold", on: db)
            return count
        }
    }

    static func cut(_ text: String) -> String {
        guard text.utf16.count > StockReport.refusalTextLimit else { return text }
        return String(text.prefix(StockReport.refusalTextLimit - 1)) + "…"
    }
}
