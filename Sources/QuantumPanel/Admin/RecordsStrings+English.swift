import BotRouting
import Marketplace

struct EnglishRecordsStrings: RecordsStrings {
    let sectionAudit: String = "📜 Audit log"
    let sectionExport: String = "📤 Export"
    let sectionChart: String = "📈 Chart"
    let auditTitle: HTML = "📜 <b>Audit log</b>"
    func auditAbout(_ name: String) -> HTML { "📜 <b>Audit log</b> · by or about \(name)" }
    let auditEmpty: String = "Nothing recorded yet."
    let filterButton: String = "🔎 By or about someone"
    let allEntriesButton: String = "All entries"
    let commandLine: String = "command line"
    let askAuditPerson: HTML =
        "Send the Telegram id or @username of an admin or a customer, forward a message of theirs, or pick them: the entries they made, or that are about them."
    let exportTitle: HTML = "📤 <b>Export as CSV</b>\nEach file is read from the database a page at a time, and opens in any spreadsheet."
    func exportButton(_ choice: ExportChoice) -> String {
        switch choice {
        case .ordersMonth: "🧾 Orders, last 30 days"
        case .ordersAll: "🧾 All orders"
        case .customers: "👥 Customers"
        case .ledger: "📒 Ledger"
        case .audit: "📜 Audit log"
        }

    }
    func exportCaption(_ rows: Int) -> String { Plural.english(rows, "row", "rows") }
    func chartCaption(_ orders: Int, _ revenue: String) -> HTML {
        "📈 Orders (bars, by product) and revenue (line) per day, last 30 days: \(orders) orders, <b>\(revenue)</b>."
    }
    let chartEmpty: String = "No orders in the last 30 days: nothing to draw yet."
    let otherProducts: String = "other"
}
