import BotRouting
import Marketplace

struct EnglishRecordsStrings: RecordsStrings {
    let sectionAudit: String = "📜 Audit log"
    let sectionExport: String = "📤 Export"
    let sectionChart: String = "📈 Chart"
    let sectionPayments: String = "💳 Payments"
    let paymentsTitle: HTML = "💳 <b>Payments</b>"
    func paymentsCredited(_ provider: TopUpProviderID, _ amount: String) -> HTML {
        "Credited through \(providerName(provider)): <b>\(amount)</b>"
    }
    func providerName(_ provider: TopUpProviderID) -> String {
        switch provider {
        case .stars: "⭐ Telegram Stars"
        case .cryptoPay: "💎 Crypto Pay"
        }
    }
    let paymentsEmpty: HTML = "No top-ups yet."
    let paymentsCheckNow: String = "🔄 Check payments now"
    func paymentsChecked(credited: Int, expired: Int) -> HTML {
        "✅ Checked: \(Plural.english(credited, "top-up", "top-ups")) credited, \(expired) expired."
    }
    func paymentsUnavailable(_ provider: TopUpProviderID) -> HTML {
        "⚠️ \(providerName(provider)) can't be reached right now; the bot asks again every 5 minutes."
    }
    func paymentsShowing(provider: TopUpProviderID?, state: TopUpState?, person: String?) -> HTML {
        let parts = [provider.map(providerName), state.map(topUpState), person.map { "of \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "" : "🔎 \(parts.joined(separator: " · "))"
    }
    let paymentsAllButton: String = "All"
    let paymentsPersonButton: String = "🔎 One customer's"
    let askPaymentsPerson: HTML = "Send the Telegram id or @username of a customer, forward a message of theirs, or pick them: their top-ups."
    func topUpState(_ state: TopUpState) -> String {
        switch state {
        case .created: "⏳ waiting"
        case .paid: "💸 paid"
        case .credited: "✅ credited"
        case .expired: "⌛ expired"
        case .cancelled: "✖ not made"
        case .refunded: "↩️ refunded"
        }
    }
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
        case .topUps: "💳 Top-ups"
        }

    }
    func exportCaption(_ rows: Int) -> String { Plural.english(rows, "row", "rows") }
    func chartCaption(_ orders: Int, _ revenue: String) -> HTML {
        "📈 Orders (bars, by product) and revenue (line) per day, last 30 days: \(orders) orders, <b>\(revenue)</b>."
    }
    let chartEmpty: String = "No orders in the last 30 days: nothing to draw yet."
    let otherProducts: String = "other"
}
