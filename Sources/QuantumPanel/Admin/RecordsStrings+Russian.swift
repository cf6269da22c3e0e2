import BotRouting
import Marketplace

extension RecordsStrings {
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
