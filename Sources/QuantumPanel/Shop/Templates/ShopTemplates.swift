import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// Builds every customer screen: HTML with emoji and box-drawing frames, each dynamic value
/// escaped, each text within Telegram's limits. Handlers pass data in and show what comes out.
struct ShopTemplates: Sendable {
    let strings: any Strings

    static let rule = "━━━━━━━━━━━━━━━━"
    static let productsPerPage = 8
    /// Button labels longer than this are cut: Telegram shows only a line of text anyway.
    static let buttonTextLimit = 48

    init(language: Language) {
        strings = language.strings
    }

    // MARK: Building blocks

    /// Lines in a box-drawing frame: ┌ first, ├ middle, └ last.
    static func frame(_ lines: [HTML]) -> HTML {
        guard lines.count > 1 else { return lines.first.map { "▪ \($0)" } ?? "" }
        return lines.enumerated().map { index, line -> HTML in
            "\(index == 0 ? "┌ " : index == lines.count - 1 ? "└ " : "├ ")\(line)"
        }.joined(separator: "\n")
    }

    func header(_ title: HTML) -> HTML { "\(title)\n\(Self.rule)" }

    func button(_ text: String, _ data: some CallbackData) throws -> InlineKeyboardButton {
        InlineKeyboardButton(text: HTML.truncate(text, to: Self.buttonTextLimit), callbackData: try data.pack())
    }

    func menuButton() throws -> InlineKeyboardButton {
        try button(strings.mainMenu, NavigateCallback(to: .menu))
    }

    func pagination(page: Int, pageCount: Int, data: (Int) -> some CallbackData) throws -> [InlineKeyboardButton] {
        try InlineKeyboardBuilder.paginationRow(page: page, pageCount: pageCount, previous: strings.previousPage, next: strings.nextPage) {
            (number) throws(CallbackDataError) in try data(number).pack()
        }
    }

    func status(of customer: CustomerSnapshot) -> String {
        var parts: [String] = []
        if customer.isPremium { parts.append(strings.statusPremium) }
        if customer.isReseller { parts.append(strings.statusReseller) }
        return parts.isEmpty ? strings.statusFree : parts.joined(separator: " · ")
    }

    /// One page of `items`: the page number clamped to the pages there are (at least one).
    static func page<Item>(_ items: [Item], _ number: Int, size: Int) -> (items: ArraySlice<Item>, number: Int, count: Int) {
        let count = max(1, (items.count + size - 1) / size)
        let number = min(max(1, number), count)
        return (items.dropFirst((number - 1) * size).prefix(size), number, count)
    }

    static func date(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    // MARK: Menu

    func mainMenuKeyboard(isAdmin: Bool) throws -> InlineKeyboardMarkup {
        var rows: [[InlineKeyboardButton]] = [
            [try button(strings.menuProducts, NavigateCallback(to: .products))],
            [try button(strings.menuBalance, NavigateCallback(to: .balance)), try button(strings.menuOrders, NavigateCallback(to: .orders))],
            [try button(strings.menuPremium, NavigateCallback(to: .premium)), try button(strings.menuSellers, NavigateCallback(to: .sellers))],
            [try button(strings.menuSupport, NavigateCallback(to: .support)), try button(strings.menuLanguage, NavigateCallback(to: .language))],
        ]
        if isAdmin { rows.append([try button(strings.menuAdmin, NavigateCallback(to: .admin))]) }
        return InlineKeyboardMarkup(inlineKeyboard: rows)
    }

    func welcome(_ customer: CustomerSnapshot, isAdmin: Bool) throws -> Screen {
        let name = HTML.truncate(customer.firstName, to: 64)
        let lines: [HTML] = ["\(strings.balanceLabel): <b>\(customer.balance.formatted)</b>", "\(strings.statusLabel): \(status(of: customer))"]
        let text: HTML = "\(header(strings.welcomeTitle(name)))\n\(Self.frame(lines))\n\n\(strings.chooseBelow)"
        return Screen(text: text, keyboard: try mainMenuKeyboard(isAdmin: isAdmin))
    }

    /// A short line above the menu: the answer to input the bot didn't expect, or a note.
    func menu(note: HTML, isAdmin: Bool) throws -> Screen {
        Screen(text: note, keyboard: try mainMenuKeyboard(isAdmin: isAdmin))
    }

    func help() throws -> Screen {
        Screen(text: strings.help, keyboard: InlineKeyboardMarkup(inlineKeyboard: [[try menuButton()]]))
    }

}
