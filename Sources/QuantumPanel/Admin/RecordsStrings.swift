import BotRouting
import Marketplace

/// The texts of the audit log, the CSV exports and the chart; one conforming type per language.
protocol RecordsStrings: Sendable {
    var sectionAudit: String { get }
    var sectionExport: String { get }
    var sectionChart: String { get }
    var auditTitle: HTML { get }
    func auditAbout(_ name: String) -> HTML
    var auditEmpty: String { get }
    var filterButton: String { get }
    var allEntriesButton: String { get }
    var commandLine: String { get }
    var askAuditPerson: HTML { get }
    var exportTitle: HTML { get }
    func exportButton(_ value: ExportChoice) -> String
    func exportCaption(_ rows: Int) -> String
    func chartCaption(_ orders: Int, _ revenue: String) -> HTML
    var chartEmpty: String { get }
    var sectionPayments: String { get }
    var paymentsTitle: HTML { get }
    func paymentsCredited(_ provider: TopUpProviderID, _ amount: String) -> HTML
    func providerName(_ provider: TopUpProviderID) -> String
    var paymentsEmpty: HTML { get }
    var paymentsCheckNow: String { get }
    func paymentsChecked(credited: Int, expired: Int) -> HTML
    func paymentsUnavailable(_ provider: TopUpProviderID) -> HTML
    /// The filters shown above the list: a provider, a state, a customer.
    func paymentsShowing(provider: TopUpProviderID?, state: TopUpState?, person: String?) -> HTML
    var paymentsAllButton: String { get }
    var paymentsPersonButton: String { get }
    var askPaymentsPerson: HTML { get }
    func topUpState(_ state: TopUpState) -> String
    var otherProducts: String { get }
}

/// What the export screen offers.
enum ExportChoice: String, Codable, Sendable, CaseIterable {
    case ordersMonth, ordersAll, customers, ledger, audit, topUps
}

extension Language {
    var recordsStrings: any RecordsStrings {
        switch self {
        case .english: EnglishRecordsStrings()
        case .russian: RussianRecordsStrings()
        }
    }
}
