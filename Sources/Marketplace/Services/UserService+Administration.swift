import FluentKit
import FluentSQL
import Foundation

/// Which customers a list shows.
public enum CustomerFilter: String, Sendable, CaseIterable, Codable {
    case all, premium, resellers, banned
}

/// Everything the admin panel shows about one customer besides their orders.
public struct CustomerProfile: Sendable, Equatable {
    public var customer: CustomerSnapshot
    public var firstSeen: Date
    public var lastSeen: Date?
    public var orderCount: Int
    /// What their orders cost, refunds not subtracted.
    public var spent: Money
    public var lastLedgerLines: [LedgerLine]
    /// Their Stars top-ups, newest first: each may be refunded in Stars once.
    public var starsPayments: [StarsPaymentSummary]
}

/// A Stars top-up as the admin sees one.
public struct StarsPaymentSummary: Sendable, Equatable {
    public var id: Int
    public var stars: Int64
    public var credited: Money
    public var date: Date
    public var isRefunded: Bool
    /// Refunded here but not yet confirmed by Telegram.
    public var isRefundPending: Bool
}

/// The admin panel's side of customers: lists and profiles.
extension UserService {
    /// - Parameter page: 1-based; past the last page gives the last page.
    public func list(_ filter: CustomerFilter, page: Int, pageSize: Int = 8) async throws -> Page<CustomerSnapshot> {
        let query = Customer.query(on: database)
        switch filter {
        case .all: break
        case .premium: query.filter(\.$isPremium == true)
        case .resellers: query.filter(\.$isReseller == true)
        case .banned: query.filter(\.$isBanned == true)
        }
        let currency = currency
        return try await query.newestFirst(page: page, size: pageSize) { CustomerSnapshot($0, currency: currency) }
    }

    /// - Throws: ``LedgerError/unknownCustomer(telegramID:)``.
    public func profile(_ telegramID: Int64, ledgerLines: Int = 5) async throws -> CustomerProfile {
        guard let customer = try await Customer.query(on: database).filter(\.$telegramID == telegramID).first(), let id = customer.id else {
            throw LedgerError.unknownCustomer(telegramID: telegramID)
        }
        // PostgreSQL sums bigints as numeric; the cast keeps one integer type on both databases.
        struct OrderFigures: Decodable {
            let orders: Int
            let spent: Int64
        }
        let orders = try await database.sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "orders")
            .column(SQLRaw("CAST(COALESCE(SUM(amount), 0) AS BIGINT)"), as: "spent")
            .from(Order.schema)
            .where("customer_id", .equal, id)
            .first(decoding: OrderFigures.self)
        let payments = try await TopUp.query(on: database).filter(\.$customer.$id == id).filter(\.$provider == TopUpProviderID.stars.rawValue)
            .filter(\.$state ~~ [.credited, .refunded]).sort(\.$id, .descending).limit(10).all()
        return CustomerProfile(
            customer: CustomerSnapshot(customer, currency: currency),
            firstSeen: customer.createdAt ?? Date(timeIntervalSince1970: 0),
            lastSeen: customer.lastSeenAt,
            orderCount: orders?.orders ?? 0,
            spent: Money(minorUnits: orders?.spent ?? 0, currency: currency),
            lastLedgerLines: try await LedgerService(database: database, currency: currency).recentLines(of: telegramID, limit: ledgerLines),
            starsPayments: payments.map {
                StarsPaymentSummary(
                    id: $0.id!, stars: $0.price ?? 0, credited: Money(minorUnits: $0.amount, currency: currency),
                    date: $0.paidAt ?? $0.createdAt ?? Date(timeIntervalSince1970: 0),
                    isRefunded: $0.state == .refunded, isRefundPending: $0.state == .refunded && $0.refundConfirmedAt == nil
                )
            }
        )
    }

    /// A customer by id, `@username` or `username`, as an admin types one.
    public func find(typed text: String) async throws -> CustomerSnapshot? {
        if let id = CustomerRules.userID(text) { return try await find(telegramID: id) }
        return try await find(username: text.trimmingCharacters(in: .whitespaces))
    }
}
