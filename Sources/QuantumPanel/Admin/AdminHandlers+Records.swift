import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// The audit log (``AuditSection``), the CSV exports (``ExportSection``) and the chart.
extension AdminHandlers {
    func showAudit(_ context: HandlerContext, person: Int64?, page: Int, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        let entries = try await shop.audit.entries(involving: person, page: page)
        var names: [Int64: String] = [:]
        for id in Set(entries.items.map(\.adminID)) {
            if let admin = try await shop.users.find(telegramID: id) { names[id] = HTML.truncate(admin.firstName, to: 30) }
        }
        var named: (id: Int64, name: String)?
        if let person { named = (person, try await shop.users.find(telegramID: person).map(templates.name) ?? "<code>\(person)</code>") }
        try await show(templates.noted(try templates.audit(entries, names: names, person: named), note), context)
    }

    /// Builds the CSV page by page, as it is read, and sends it as a document.
    func sendExport(_ choice: ExportChoice, _ context: HandlerContext) async throws {
        guard let chatID = context.chatID else { return }
        try await context.answerCallback(nil)
        let kind: ExportKind =
            switch choice {
            case .ordersMonth, .ordersAll: .orders
            case .customers: .customers
            case .ledger: .ledger
            case .audit: .audit
            case .topUps: .topUps
            }
        let range = choice == .ordersMonth ? Date().addingTimeInterval(-30 * 86_400)...Date() : nil
        var bytes: [UInt8] = []
        let rows = try await shop.exports.export(kind, createdIn: range) { bytes += Array($0.utf8) }
        let name = "\(kind.rawValue)-\(ShopTemplates.date(Date())).csv"
        let upload = FileUpload(filename: name, contentType: "text/csv", bytes: bytes)
        try await context.bot.send(
            SendDocument(
                chatID: .id(chatID), document: .upload(upload), caption: context.adminTemplates.records.exportCaption(rows), parseMode: "HTML"))
        context.logger.info("Exported", metadata: ["kind": "\(kind.rawValue)", "rows": "\(rows)"])
    }

    /// The last 30 days drawn as a PNG, sent as a photo; the caption says what it shows.
    func sendChart(_ context: HandlerContext) async throws {
        guard let chatID = context.chatID else { return }
        let records = context.adminTemplates.records
        let sales = try await shop.stats.dailySales(days: 30)
        guard sales.totalOrders > 0 else {
            try await context.answerCallback(records.chartEmpty, showAlert: true)
            return
        }
        try await context.answerCallback(nil)
        let chart = SalesChart(sales: sales)
        let legend = chart.legendEntries(other: records.otherProducts).map { entry -> HTML in "\(entry.mark) \(HTML.truncate(entry.name, to: 30))" }
            .joined(separator: "\n")
        let caption = records.chartCaption(sales.totalOrders, sales.totalRevenue.formatted) + "\n\n" + legend
        let upload = FileUpload(filename: "sales-\(ShopTemplates.date(Date())).png", contentType: "image/png", bytes: try chart.png())
        try await context.bot.send(SendPhoto(chatID: .id(chatID), photo: .upload(upload), caption: caption.rendered, parseMode: "HTML"))
    }
}
