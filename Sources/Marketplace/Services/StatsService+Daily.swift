import FluentKit
import Foundation

/// Orders and revenue per day (UTC) and per product, for the dashboard's chart.
public struct DailySales: Sendable, Equatable {
    /// The first day shown, at 00:00 UTC.
    public var firstDay: Date
    public var days: Int
    /// Product names by orders in the period, most first.
    public var products: [String]
    /// `orders[day][product]`, indexes into `products`.
    public var orders: [[Int]]
    /// Minor units taken each day.
    public var revenue: [Int64]
    public var currency: Currency

    public var totalOrders: Int { orders.joined().reduce(0, +) }
    public var totalRevenue: Money { Money(minorUnits: revenue.reduce(0, +), currency: currency) }
}

extension StatsService {
    /// The last `days` days, today included, read a page of orders at a time.
    public func dailySales(days: Int = 30, now: Date = Date()) async throws -> DailySales {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let firstDay = calendar.date(byAdding: .day, value: -(days - 1), to: calendar.startOfDay(for: now))!
        var counts: [String: [Int]] = [:]
        var revenue = Array(repeating: Int64(0), count: days)
        var last = 0
        while true {
            let page = try await Order.query(on: database).filter(\.$id > last).filter(\.$createdAt >= firstDay).sort(\.$id).limit(1000)
                .field(\.$id).field(\.$productName).field(\.$amount).field(\.$createdAt).all()
            guard let next = page.last?.id else { break }
            for order in page {
                guard let date = order.createdAt, let day = calendar.dateComponents([.day], from: firstDay, to: date).day, (0..<days).contains(day)
                else { continue }
                counts[order.productName, default: Array(repeating: 0, count: days)][day] += 1
                revenue[day] += order.amount
            }
            last = next
        }
        let products = counts.keys.sorted { (counts[$0]!.reduce(0, +), $1) > (counts[$1]!.reduce(0, +), $0) }
        let orders = (0..<days).map { day in products.map { counts[$0]![day] } }
        return DailySales(firstDay: firstDay, days: days, products: products, orders: orders, revenue: revenue, currency: currency)
    }
}
