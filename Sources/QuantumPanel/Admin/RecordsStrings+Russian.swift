import BotRouting
import Marketplace

struct RussianRecordsStrings: RecordsStrings {
    let sectionAudit: String = "📜 Журнал"
    let sectionExport: String = "📤 Выгрузка"
    let sectionChart: String = "📈 График"
    let auditTitle: HTML = "📜 <b>Журнал действий</b>"
    func auditAbout(_ name: String) -> HTML { "📜 <b>Журнал действий</b> · от или о \(name)" }
    let auditEmpty: String = "Пока ничего не записано."
    let filterButton: String = "🔎 От кого или о ком"
    let allEntriesButton: String = "Все записи"
    let commandLine: String = "командная строка"
    let askAuditPerson: HTML =
        "Пришлите Telegram id или @username админа или покупателя, перешлите его сообщение или выберите его: записи, сделанные им или о нём."
    let exportTitle: HTML = "📤 <b>Выгрузка в CSV</b>\nФайл читается из базы постранично и открывается в любой таблице."
    func exportButton(_ choice: ExportChoice) -> String {
        switch choice {
        case .ordersMonth: "🧾 Заказы за 30 дней"
        case .ordersAll: "🧾 Все заказы"
        case .customers: "👥 Покупатели"
        case .ledger: "📒 Движения баланса"
        case .audit: "📜 Журнал"
        }

    }
    func exportCaption(_ rows: Int) -> String { Plural.russian(rows, "строка", "строки", "строк") }
    func chartCaption(_ orders: Int, _ revenue: String) -> HTML {
        "📈 Заказы (столбцы, по товарам) и выручка (линия) по дням за 30 дней: заказов \(orders), <b>\(revenue)</b>."
    }
    let chartEmpty: String = "За последние 30 дней заказов нет: рисовать пока нечего."
    let otherProducts: String = "другие"
}
