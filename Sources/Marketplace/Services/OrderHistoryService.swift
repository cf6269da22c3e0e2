import FluentKit
import Foundation

/// A customer's past orders, newest first, and the keys of one of them again.
public struct OrderHistoryService: Sendable {
    let database: any Database
    let currency: Currency

    public init(database: any Database, currency: Currency) {
        self.database = database
        self.currency = currency
    }

    /// - Parameter page: 1-based; past the last page gives the last page.
    public func orders(of telegramID: Int64, page: Int, pageSize: Int = 8) async throws -> Page<OrderSummary> {
        guard let customer = try await Customer.query(on: database).filter(\.$telegramID == telegramID).first(), let id = customer.id else {
            return Page(items: [], number: 1, pageCount: 1, totalCount: 0)
        }
        return try await Order.query(on: database).filter(\.$customer.$id == id).newestFirst(page: page, size: pageSize) { summary($0, keys: []) }
    }

    /// One order with its keys; nil when it doesn't exist or belongs to someone else.
    public func order(_ orderID: Int, of telegramID: Int64) async throws -> OrderSummary? {
        guard let order = try await Order.query(on: database).filter(\.$id == orderID).with(\.$customer).with(\.$keys).first(),
            order.customer.telegramID == telegramID
        else { return nil }
        return summary(order, keys: order.keys.sorted { $0.id! < $1.id! }.map(\.keyText))
    }

    private func summary(_ order: Order, keys: [String]) -> OrderSummary {
        OrderSummary(
            orderID: order.id!, productName: order.productName, durationLabel: order.durationLabel, quantity: order.quantity,
            amount: Money(minorUnits: order.amount, currency: currency), date: order.createdAt ?? Date(timeIntervalSince1970: 0), keys: keys
        )
    }

    /// Orders of one price, whoever placed them.
    public func count(priceID: Int) async throws -> Int {
        try await Order.query(on: database).filter(\.$priceID == priceID).count()
    }
}
