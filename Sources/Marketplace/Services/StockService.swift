import FluentKit
import FluentSQL

/// License keys in stock: bulk adds from text, counts, listing and deleting unsold keys.
public struct StockService: Sendable {
    let database: any Database

    /// Longer than this is certainly not a key but a pasted paragraph.
    static let maximumKeyLength = 512

    public init(database: any Database) {
        self.database = database
    }

    /// Adds one key per line of `text` to a price: lines are trimmed, blank ones skipped, and
    /// keys the product already has (or the batch repeats) counted as duplicates.
    public func addKeys(_ text: String, to priceID: Int, by adminID: Int64) async throws -> StockReport {
        guard let price = try await ProductPrice.find(priceID, on: database) else { throw CatalogError.notFound("price \(priceID)") }
        let productID = price.$product.id
        var report = StockReport(added: 0, duplicates: 0, invalid: 0)
        var batch: [String] = []
        var seen: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            let key = line.trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { continue }
            // Counted as Telegram counts (UTF-16), so every key fits a receipt line whatever it holds.
            guard key.utf16.count <= Self.maximumKeyLength, !key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                report.invalid += 1
                continue
            }
            if seen.insert(key).inserted { batch.append(key) } else { report.duplicates += 1 }
        }
        let candidates = batch
        let added = try await database.transaction { db in
            var existing: Set<String> = []
            for chunk in stride(from: 0, to: candidates.count, by: 500).map({ Array(candidates[$0..<min($0 + 500, candidates.count)]) }) {
                let found = try await ProductKey.query(on: db).filter(\.$productID == productID).filter(\.$keyText ~~ chunk).all()
                existing.formUnion(found.map(\.keyText))
            }
            let fresh = candidates.filter { !existing.contains($0) }
            let keys = fresh.map { text -> ProductKey in
                let key = ProductKey()
                key.$price.id = priceID
                key.productID = productID
                key.keyText = text
                key.isUsed = false
                return key
            }
            for chunk in stride(from: 0, to: keys.count, by: 500) {
                try await Array(keys[chunk..<min(chunk + 500, keys.count)]).create(on: db)
            }
            try await AuditLog.record(admin: adminID, action: "stock.add", subject: "price \(priceID)", details: "\(fresh.count) keys", on: db)
            return fresh.count
        }
        report.added = added
        report.duplicates += batch.count - added
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

    /// Deletes unsold keys; a sold key is refused and nothing is deleted.
    public func deleteUnused(keyIDs: [Int], by adminID: Int64) async throws {
        try await database.transaction { db in
            let keys = try await ProductKey.query(on: db).filter(\.$id ~~ keyIDs).all()
            if let sold = keys.first(where: \.isUsed) { throw CatalogError.soldKeyCantBeDeleted(keyID: sold.id!) }
            try await ProductKey.query(on: db).filter(\.$id ~~ keyIDs).filter(\.$isUsed == false).delete()
            try await AuditLog.record(admin: adminID, action: "stock.delete", subject: "keys", details: keyIDs.map(String.init).joined(separator: ","), on: db)
        }
    }
}
