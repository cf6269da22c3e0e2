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

extension Language {
    var recordsStrings: RecordsStrings {
        switch self {
        case .english: .english
        case .russian: .russian
        }
    }
}
