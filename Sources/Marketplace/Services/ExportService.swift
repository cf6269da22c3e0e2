import FluentKit
import Foundation

/// What can be exported as CSV.
public enum ExportKind: String, Sendable, CaseIterable, Codable {
    case orders, customers, ledger, audit
    case topUps = "top-ups"
}

/// The shop's records as CSV (RFC 4180, UTF-8, a header row), read in pages of ``pageSize`` rows
/// by id and handed on page by page, so an export of any size never holds the table in memory.
///
/// Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) gets a leading
/// `'`: names and notes are typed by customers and admins. Amounts are plain decimals.
public struct ExportService: Sendable {
    let database: any Database
    let currency: Currency
    public static let pageSize = 500

    public init(database: any Database, currency: Currency) {
        self.database = database
        self.currency = currency
    }

    /// Writes the export through `write`, a page of rows at a time.
    /// - Parameter range: for orders, the ledger, the audit log and top-ups, only rows created in it.
    /// - Returns: how many rows were written, the header not counted.
    @discardableResult
    public func export(_ kind: ExportKind, createdIn range: ClosedRange<Date>? = nil, write: (String) async throws -> Void) async throws -> Int {
        switch kind {
        case .orders:
            try await write(Self.row(["order", "date", "customer", "product", "duration", "quantity", "amount", "currency", "status"]))
            return try await pages(Order.self, range) { order in
                [
                    String(order.id!), Self.date(order.createdAt), String(order.$customer.id), Self.text(order.productName),
                    Self.text(order.durationLabel),
                    String(order.quantity), amount(order.amount), currency.code, order.status.rawValue,
                ]
            } write: {
                try await write($0)
            }
        case .customers:
            try await write(
                Self.row([
                    "telegram_id", "username", "first_name", "language", "balance", "currency", "premium", "reseller", "banned", "first_seen",
                    "last_seen",
                ]))
            return try await pages(Customer.self, nil) { customer in
                [
                    String(customer.telegramID), Self.text(customer.username ?? ""), Self.text(customer.firstName),
                    customer.botLanguage ?? customer.languageCode ?? "",
                    amount(customer.balance), currency.code, Self.flag(customer.isPremium), Self.flag(customer.isReseller),
                    Self.flag(customer.isBanned),
                    Self.date(customer.createdAt), Self.date(customer.lastSeenAt),
                ]
            } write: {
                try await write($0)
            }
        case .ledger:
            try await write(Self.row(["entry", "date", "customer", "delta", "balance_after", "currency", "reason", "note", "actor", "order"]))
            return try await pages(LedgerEntry.self, range) { entry in
                [
                    String(entry.id!), Self.date(entry.createdAt), String(entry.$customer.id), amount(entry.delta), amount(entry.balanceAfter),
                    currency.code,
                    entry.reason.rawValue, Self.text(entry.note ?? ""), entry.actorID.map(String.init) ?? "", entry.orderID.map(String.init) ?? "",
                ]
            } write: {
                try await write($0)
            }
        case .topUps:
            try await write(
                Self.row(["top_up", "date", "customer", "provider", "invoice", "amount", "currency", "stars", "state", "paid_at", "credited_at"]))
            return try await pages(TopUp.self, range) { topUp in
                [
                    String(topUp.id!), Self.date(topUp.createdAt), String(topUp.$customer.id), topUp.provider, topUp.invoiceID ?? "",
                    amount(topUp.amount), currency.code, topUp.price.map(String.init) ?? "", topUp.state.rawValue, Self.date(topUp.paidAt),
                    Self.date(topUp.creditedAt),
                ]
            } write: {
                try await write($0)
            }
        case .audit:
            try await write(Self.row(["entry", "date", "admin", "action", "subject", "details", "before", "after"]))
            return try await pages(AuditEntry.self, range) { entry in
                [
                    String(entry.id!), Self.date(entry.createdAt), String(entry.adminID), entry.action, Self.text(entry.subject),
                    Self.text(entry.details),
                    Self.text(entry.before ?? ""), Self.text(entry.after ?? ""),
                ]
            } write: {
                try await write($0)
            }
        }
    }

    /// Every row of `Row` by id, `pageSize` at a time; `created_at` within `range` when given.
    private func pages<Row: Model>(
        _ type: Row.Type, _ range: ClosedRange<Date>?, _ fields: (Row) -> [String], write: (String) async throws -> Void
    ) async throws -> Int
    where Row.IDValue == Int {
        var last = 0
        var count = 0
        while true {
            let query = Row.query(on: database).filter(\._$id > last).sort(\._$id).limit(Self.pageSize)
            if let range {
                query.filter(.path([FieldKey("created_at")], schema: Row.schema), .greaterThanOrEqual, .bind(range.lowerBound))
                query.filter(.path([FieldKey("created_at")], schema: Row.schema), .lessThanOrEqual, .bind(range.upperBound))
            }
            let rows = try await query.all()
            guard let next = rows.last?.id else { return count }
            try await write(rows.map { Self.row(fields($0)) }.joined())
            count += rows.count
            last = next
        }
    }

    private func amount(_ minorUnits: Int64) -> String {
        Money(minorUnits: minorUnits, currency: currency).amount
    }

    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Free text, defused for spreadsheets.
    static func text(_ value: String) -> String {
        guard let first = value.first, "=+-@\t\r".contains(first) else { return value }
        return "'" + value
    }

    static func flag(_ value: Bool) -> String { value ? "yes" : "no" }

    public static func date(_ date: Date?) -> String {
        date.map { $0.formatted(.iso8601) } ?? ""
    }
}
