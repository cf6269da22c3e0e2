import BotRouting
import Marketplace

/// The texts of the audit log, the CSV exports and the chart, in one language. Values passed in
/// are already escaped.
struct RecordsStrings: Sendable {
    var sectionAudit: String
    var sectionExport: String
    var sectionChart: String
    var auditTitle: HTML
    var auditAbout: @Sendable (_ name: String) -> HTML
    var auditEmpty: String
    var filterButton: String
    var allEntriesButton: String
    var commandLine: String
    var askAuditPerson: HTML
    var exportTitle: HTML
    var exportButton: @Sendable (ExportChoice) -> String
    var exportCaption: @Sendable (_ rows: Int) -> String
    var chartCaption: @Sendable (_ orders: Int, _ revenue: String) -> HTML
    var chartEmpty: String
    var otherProducts: String
}

/// What the export screen offers.
enum ExportChoice: String, Codable, Sendable, CaseIterable {
    case ordersMonth, ordersAll, customers, ledger, audit
}

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

    static let russian = RecordsStrings(
        sectionAudit: "📜 Журнал",
        sectionExport: "📤 Выгрузка",
        sectionChart: "📈 График",
        auditTitle: "📜 <b>Журнал действий</b>",
        auditAbout: { "📜 <b>Журнал действий</b> · от или о \($0)" },
        auditEmpty: "Пока ничего не записано.",
        filterButton: "🔎 От кого или о ком",
        allEntriesButton: "Все записи",
        commandLine: "командная строка",
        askAuditPerson:
            "Пришлите Telegram id или @username админа или покупателя, перешлите его сообщение или выберите его: записи, сделанные им или о нём.",
        exportTitle: "📤 <b>Выгрузка в CSV</b>\nФайл читается из базы постранично и открывается в любой таблице.",
        exportButton: { choice in
            switch choice {
            case .ordersMonth: "🧾 Заказы за 30 дней"
            case .ordersAll: "🧾 Все заказы"
            case .customers: "👥 Покупатели"
            case .ledger: "📒 Движения баланса"
            case .audit: "📜 Журнал"
            }
        },
        exportCaption: { Plural.russian($0, "строка", "строки", "строк") },
        chartCaption: { "📈 Заказы (столбцы, по товарам) и выручка (линия) по дням за 30 дней: заказов \($0), <b>\($1)</b>." },
        chartEmpty: "За последние 30 дней заказов нет: рисовать пока нечего.",
        otherProducts: "другие"
    )
}

extension Language {
    var recordsStrings: RecordsStrings {
        switch self {
        case .english: .english
        case .russian: .russian
        }
    }
}
