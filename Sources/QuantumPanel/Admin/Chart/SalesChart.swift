import Foundation
import Marketplace

/// The dashboard's chart: orders per day as bars stacked by product (left axis) and revenue as a
/// line (right axis), large enough to read on a phone. Each product's colour is one of the
/// coloured-square emoji, so the caption's legend matches the picture in any language.
struct SalesChart {
    static let width = 960
    static let height = 560
    static let scale = 2
    /// The colours of the six best-selling products, then of all the others.
    static let legend = ["🟥", "🟧", "🟨", "🟩", "🟦", "🟪", "🟫"]
    static let productColors: [(UInt8, UInt8, UInt8)] = [
        (0xE5, 0x39, 0x35), (0xFB, 0x8C, 0x00), (0xFD, 0xD8, 0x35), (0x43, 0xA0, 0x47), (0x1E, 0x88, 0xE5), (0x8E, 0x24, 0xAA), (0x6D, 0x4C, 0x41),
    ]
    static let background: UInt8 = 0, axis: UInt8 = 1, grid: UInt8 = 2, revenueLine: UInt8 = 3
    static let firstProductColor: UInt8 = 4

    let sales: DailySales

    /// The products as the legend lists them: the six best sellers, then the rest together.
    func legendEntries(other: String) -> [(mark: String, name: String)] {
        var entries = sales.products.prefix(6).enumerated().map { (Self.legend[$0.offset], $0.element) }
        if sales.products.count > 6 { entries.append((Self.legend[6], other)) }
        return entries
    }

    func png() throws -> [UInt8] {
        let palette: [(UInt8, UInt8, UInt8)] = [(0xFF, 0xFF, 0xFF), (0x42, 0x42, 0x42), (0xE6, 0xE6, 0xE6), (0x21, 0x21, 0x21)] + Self.productColors
        var image = IndexedImage(width: Self.width, height: Self.height, palette: palette)
        let left = 80
        let right = Self.width - 120
        let top = 24
        let bottom = Self.height - 56
        let plotHeight = bottom - top
        let slot = Double(right - left) / Double(sales.days)

        let maxOrders = Self.niceCeiling(sales.orders.map { $0.reduce(0, +) }.max() ?? 0)
        let maxRevenue = Self.niceCeiling(Int(((sales.revenue.max() ?? 0) + sales.currency.scale - 1) / sales.currency.scale))
        // Grid and both axes' labels: orders on the left, revenue in whole units on the right.
        for tick in 0...4 {
            let y = bottom - plotHeight * tick / 4
            image.fill(x: left, y: y, width: right - left, height: 1, color: tick == 0 ? Self.axis : Self.grid)
            let textY = y - PixelFont.height * Self.scale / 2
            image.text("\(maxOrders * tick / 4)", x: left - 10, y: textY, scale: Self.scale, color: Self.axis, alignRight: true)
            let amount = Money(minorUnits: Int64(maxRevenue * tick / 4) * sales.currency.scale, currency: sales.currency)
            image.text(Self.wholeUnits(amount), x: right + 10, y: textY, scale: Self.scale, color: Self.revenueLine)
        }
        image.fill(x: left, y: top, width: 1, height: plotHeight, color: Self.axis)
        image.fill(x: right, y: top, width: 1, height: plotHeight, color: Self.axis)

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var points: [(x: Int, y: Int)] = []
        for day in 0..<sales.days {
            let center = left + Int(slot * (Double(day) + 0.5))
            let barWidth = max(2, Int(slot * 0.7))
            var stacked = 0
            for (index, count) in sales.orders[day].enumerated() where count > 0 {
                let color = Self.firstProductColor + UInt8(min(index, 6))
                let low = bottom - plotHeight * stacked / max(1, maxOrders)
                stacked += count
                let high = bottom - plotHeight * stacked / max(1, maxOrders)
                image.fill(x: center - barWidth / 2, y: high, width: barWidth, height: low - high, color: color)
            }
            let revenue = Double(sales.revenue[day]) / Double(sales.currency.scale)
            points.append((center, bottom - Int(Double(plotHeight) * revenue / Double(max(1, maxRevenue)))))
            if day % 5 == 0 || day == sales.days - 1 {
                let date = calendar.date(byAdding: .day, value: day, to: sales.firstDay)!
                let parts = calendar.dateComponents([.month, .day], from: date)
                let label = String(format: "%02d-%02d", parts.month ?? 0, parts.day ?? 0)
                let labelWidth = label.count * (PixelFont.width + 1) * Self.scale
                image.text(label, x: center - labelWidth / 2, y: bottom + 14, scale: Self.scale, color: Self.axis)
            }
        }
        for (start, end) in zip(points, points.dropFirst()) { image.line(from: start, to: end, thickness: 3, color: Self.revenueLine) }
        for point in points { image.fill(x: point.x - 3, y: point.y - 3, width: 7, height: 7, color: Self.revenueLine) }
        return try image.png()
    }

    /// A round number at or above `value` that splits into four round steps.
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 0 else { return 4 }
        let rough = Double(value) / 4
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return Int(step) * 4
    }

    /// `$120` rather than `$120.00`: the axis has no room for cents.
    static func wholeUnits(_ amount: Money) -> String {
        let text = amount.formatted
        guard amount.currency.minorDigits > 0, let separator = text.firstIndex(where: { $0 == "." || $0 == "," }) else { return text }
        let fraction = text[text.index(after: separator)...].prefix { $0.isNumber }
        return text.replacingCharacters(in: separator..<text.index(separator, offsetBy: fraction.count + 1), with: "")
    }
}
