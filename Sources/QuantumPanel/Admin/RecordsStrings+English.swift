import BotRouting
import Marketplace

extension RecordsStrings {
    static let english = RecordsStrings(
        sectionAudit: "📜 Audit log",
        sectionExport: "📤 Export",
        sectionChart: "📈 Chart",
        auditTitle: "📜 <b>Audit log</b>",
        auditAbout: { "📜 <b>Audit log</b> · by or about \($0)" },
        auditEmpty: "Nothing recorded yet.",
        filterButton: "🔎 By or about someone",
        allEntriesButton: "All entries",
        commandLine: "command line",
        askAuditPerson:
            "Send the Telegram id or @username of an admin or a customer, forward a message of theirs, or pick them: the entries they made, or that are about them.",
        exportTitle: "📤 <b>Export as CSV</b>\nEach file is read from the database a page at a time, and opens in any spreadsheet.",
        exportButton: { choice in
            switch choice {
            case .ordersMonth: "🧾 Orders, last 30 days"
            case .ordersAll: "🧾 All orders"
            case .customers: "👥 Customers"
            case .ledger: "📒 Ledger"
            case .audit: "📜 Audit log"
            }
        },
        exportCaption: { Plural.english($0, "row", "rows") },
        chartCaption: { "📈 Orders (bars, by product) and revenue (line) per day, last 30 days: \($0) orders, <b>\($1)</b>." },
        chartEmpty: "No orders in the last 30 days: nothing to draw yet.",
        otherProducts: "other"
    )
}
