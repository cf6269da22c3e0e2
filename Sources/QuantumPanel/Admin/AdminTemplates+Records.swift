import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// The audit log's pages and the export screen.
extension AdminTemplates {
    static func time(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return ShopTemplates.date(date) + String(format: " %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// - Parameters:
    ///   - names: how each admin in the page is named.
    ///   - person: whom the page is filtered by, with their name.
    func audit(_ page: Page<AuditLine>, names: [Int64: String], person: (id: Int64, name: String)?) throws -> Screen {
        var text: HTML = "\(shop.header(person.map { records.auditAbout($0.name) } ?? records.auditTitle))\n"
        if page.items.isEmpty {
            text += HTML(text: records.auditEmpty)
        } else {
            text += page.items.map { entry -> HTML in
                let who: HTML =
                    if entry.adminID == AuditLog.commandLine { "\(records.commandLine)" } else {
                        names[entry.adminID].map { "\($0)" } ?? "<code>\(entry.adminID)</code>"
                    }
                var line: HTML = "▪ \(Self.time(entry.date)) · <b>\(who)</b> · \(entry.action) · \(HTML.truncate(entry.subject, to: 40))"
                if entry.before != nil || entry.after != nil {
                    line += "\n   \(HTML.truncate(entry.before ?? "—", to: 60)) → \(HTML.truncate(entry.after ?? "—", to: 60))"
                }
                if !entry.details.isEmpty { line += "\n   \(HTML.truncate(entry.details, to: 100))" }
                return line
            }.joined(separator: "\n")
        }
        var rows: [[InlineKeyboardButton]] = [[try button(records.filterButton, AdminCallback(to: .auditFilter))]]
        if person != nil { rows[0].append(try button(records.allEntriesButton, AdminAuditCallback(person: 0))) }
        let paging = try shop.pagination(page: page.number, pageCount: page.pageCount) { AdminAuditCallback(person: person?.id ?? 0, page: $0) }
        if !paging.isEmpty { rows.append(paging) }
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func exports() throws -> Screen {
        var rows = try ExportChoice.allCases.map { [try button(records.exportButton($0), AdminExportCallback(choice: $0))] }
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        return Screen(text: shop.header(records.exportTitle), keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }
}
