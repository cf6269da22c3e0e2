import FluentKit
import FluentSQL

/// Customers who asked to be told when an out-of-stock price is back.
public struct RestockService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Someone to tell, and what is back.
    public struct Notice: Sendable, Equatable, Decodable {
        public var telegramID: Int64
        public var priceID: Int
        public var productID: Int
        public var productName: String
        public var durationLabel: String
    }

    /// A request that can be met now: its row, and whom to tell what, read from the same row.
    private struct DueRequest: Decodable {
        let id: Int
        let notice: Notice

        private enum CodingKeys: String, CodingKey {
            case id
        }

        init(from decoder: any Decoder) throws {
            id = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .id)
            notice = try Notice(from: decoder)
        }
    }

    /// Remembers that `telegramID` wants to know when `priceID` is back; asking twice changes nothing.
    /// - Returns: false when they had already asked.
    @discardableResult
    public func request(telegramID: Int64, priceID: Int) async throws -> Bool {
        guard try await ProductPrice.find(priceID, on: database) != nil else { throw CatalogueError.priceNotFound(priceID: priceID) }
        guard try await RestockRequest.query(on: database).filter(\.$telegramID == telegramID).filter(\.$price.$id == priceID).count() == 0 else {
            return false
        }
        let request = RestockRequest()
        request.telegramID = telegramID
        request.$price.id = priceID
        do {
            try await request.create(on: database)
        } catch {
            // Asked at the same moment from two updates: the unique pair keeps one.
            guard try await RestockRequest.query(on: database).filter(\.$telegramID == telegramID).filter(\.$price.$id == priceID).count() > 0 else {
                throw error
            }
            return false
        }
        return true
    }

    /// The requests whose price is on sale with stock again, removed as they are returned, so
    /// each customer is told once.
    public func takeDue() async throws -> [Notice] {
        try await database.atomically { db in
            let rows = try await db.sql.raw(
                """
                SELECT r.id AS id, r.telegram_id AS telegram_id, r.price_id AS price_id, p.id AS product_id, p.name AS product_name, pp.duration_label
                FROM restock_requests r
                JOIN product_prices pp ON pp.id = r.price_id
                JOIN products p ON p.id = pp.product_id
                WHERE pp.is_visible AND p.is_visible
                  AND EXISTS (SELECT 1 FROM product_keys k WHERE k.price_id = r.price_id AND NOT k.is_used)
                ORDER BY r.id
                """
            ).all(decoding: DueRequest.self, with: .snakeCase)
            guard !rows.isEmpty else { return [] }
            try await RestockRequest.query(on: db).filter(\.$id ~~ rows.map(\.id)).delete()
            return rows.map(\.notice)
        }
    }
}
