import BotRouting
import Marketplace

struct RussianRecordsStrings: RecordsStrings {
    let sectionAudit: String = "📜 Журнал"
    let sectionExport: String = "📤 Выгрузка"
    let sectionChart: String = "📈 График"
    let sectionPayments: String = "💳 Платежи"
    let paymentsTitle: HTML = "💳 <b>Платежи</b>"
    func paymentsCredited(_ provider: TopUpProviderID, _ amount: String) -> HTML {
        "Зачислено через \(providerName(provider)): <b>\(amount)</b>"
    }
    func providerName(_ provider: TopUpProviderID) -> String {
        switch provider {
        case .stars: "⭐ Telegram Stars"
        case .cryptoPay: "💎 Crypto Pay"
        }
    }
    let paymentsEmpty: HTML = "Пополнений пока нет."
    let paymentsCheckNow: String = "🔄 Проверить платежи"
    func paymentsChecked(credited: Int, expired: Int) -> HTML {
        "✅ Проверено: зачислено \(Plural.russian(credited, "пополнение", "пополнения", "пополнений")), истекло \(expired)."
    }
    func paymentsUnavailable(_ provider: TopUpProviderID) -> HTML {
        "⚠️ \(providerName(provider)) сейчас недоступен; бот спрашивает снова каждые 5 минут."
    }
    func paymentsShowing(provider: TopUpProviderID?, state: TopUpState?, person: String?) -> HTML {
        let parts = [provider.map(providerName), state.map(topUpState), person.map { "покупателя \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "" : "🔎 \(parts.joined(separator: " · "))"
    }
    let paymentsAllButton: String = "Все"
    let paymentsPersonButton: String = "🔎 Одного покупателя"
    let askPaymentsPerson: HTML = "Пришлите Telegram id или @username покупателя, перешлите его сообщение или выберите его: его пополнения."
    func topUpState(_ state: TopUpState) -> String {
        switch state {
        case .created: "⏳ ожидает"
        case .paid: "💸 оплачено"
        case .credited: "✅ зачислено"
        case .expired: "⌛ истекло"
        case .cancelled: "✖ не создан"
        case .refunded: "↩️ возвращено"
        }
    }
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
        case .topUps: "💳 Пополнения"
        }

    }
    func exportCaption(_ rows: Int) -> String { Plural.russian(rows, "строка", "строки", "строк") }
    func chartCaption(_ orders: Int, _ revenue: String) -> HTML {
        "📈 Заказы (столбцы, по товарам) и выручка (линия) по дням за 30 дней: заказов \(orders), <b>\(revenue)</b>."
    }
    let chartEmpty: String = "За последние 30 дней заказов нет: рисовать пока нечего."
    let otherProducts: String = "другие"
}
