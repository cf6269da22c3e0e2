import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// Builds every customer screen: HTML with emoji and box-drawing frames, each dynamic value
/// escaped, each text within Telegram's limits. Handlers pass data in and show what comes out.
struct ShopTemplates: Sendable {
    let strings: Strings

    static let rule = "━━━━━━━━━━━━━━━━"
    static let productsPerPage = 8
    /// Button labels longer than this are cut: Telegram shows only a line of text anyway.
    static let buttonTextLimit = 48

    init(language: Language) {
        strings = language.strings
    }

    // MARK: Building blocks

    private func e(_ text: String) -> String { HTML.escape(text) }

    /// Lines in a box-drawing frame: ┌ first, ├ middle, └ last.
    static func frame(_ lines: [String]) -> String {
        guard lines.count > 1 else { return lines.first.map { "▪ " + $0 } ?? "" }
        return lines.enumerated().map { index, line in
            (index == 0 ? "┌ " : index == lines.count - 1 ? "└ " : "├ ") + line
        }.joined(separator: "\n")
    }

    private func header(_ title: String) -> String { title + "\n" + Self.rule }

    private func button(_ text: String, _ data: some CallbackData) throws -> InlineKeyboardButton {
        InlineKeyboardButton(text: HTML.truncate(text, to: Self.buttonTextLimit), callbackData: try data.pack())
    }

    private func menuButton() throws -> InlineKeyboardButton {
        try button(strings.mainMenu, NavigateCallback(to: .menu))
    }

    private func pagination(page: Int, pageCount: Int, data: (Int) -> some CallbackData) throws -> [InlineKeyboardButton] {
        try InlineKeyboardBuilder.paginationRow(page: page, pageCount: pageCount, previous: strings.previousPage, next: strings.nextPage) { (number) throws(CallbackDataError) in try data(number).pack() }
    }

    private func status(of customer: CustomerSnapshot) -> String {
        var parts: [String] = []
        if customer.isPremium { parts.append(strings.statusPremium) }
        if customer.isReseller { parts.append(strings.statusReseller) }
        return parts.isEmpty ? strings.statusFree : parts.joined(separator: " · ")
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
        let text = [
            header(strings.welcomeTitle(e(name))),
            Self.frame(["\(strings.balanceLabel): <b>\(e(customer.balance.formatted))</b>", "\(strings.statusLabel): \(status(of: customer))"]),
            "",
            strings.chooseBelow,
        ].joined(separator: "\n")
        return Screen(text: text, keyboard: try mainMenuKeyboard(isAdmin: isAdmin))
    }

    /// A short line above the menu: the answer to input the bot didn't expect, or a note.
    func menu(note: String, isAdmin: Bool) throws -> Screen {
        Screen(text: note, keyboard: try mainMenuKeyboard(isAdmin: isAdmin))
    }

    func help() throws -> Screen {
        Screen(text: strings.help, keyboard: InlineKeyboardMarkup(inlineKeyboard: [[try menuButton()]]))
    }

    // MARK: Catalogue

    private func stockHint(_ stock: Int) -> String {
        stock > 0 ? strings.inStock(stock) : strings.outOfStock
    }

    func products(_ catalogue: [CatalogueProduct], page: Int) throws -> Screen {
        guard !catalogue.isEmpty else {
            return Screen(text: header(strings.productsTitle) + "\n" + strings.productsEmpty, keyboard: InlineKeyboardMarkup(inlineKeyboard: [[try menuButton()]]))
        }
        let pageCount = (catalogue.count + Self.productsPerPage - 1) / Self.productsPerPage
        let page = min(max(1, page), pageCount)
        let shown = catalogue.dropFirst((page - 1) * Self.productsPerPage).prefix(Self.productsPerPage)
        var rows: [[InlineKeyboardButton]] = []
        var lines: [String] = []
        for product in shown {
            let hint = product.isLocked ? strings.lockedHint : stockHint(product.stock)
            let name = HTML.truncate(product.name, to: 32)
            lines.append("<b>\(e(name))</b> · \(hint)")
            let label = product.isLocked ? "🔒 \(name)" : "\(name) · \(product.stock > 0 ? "\(product.stock)" : "✖")"
            rows.append([try button(label, ProductCallback(productID: product.id, page: page))])
        }
        let paging = try pagination(page: page, pageCount: pageCount) { ProductsPageCallback(page: $0) }
        if !paging.isEmpty { rows.append(paging) }
        rows.append([try menuButton()])
        return Screen(text: header(strings.productsTitle) + "\n" + Self.frame(lines), keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func product(_ product: CatalogueProduct, page: Int) throws -> Screen {
        var rows: [[InlineKeyboardButton]] = []
        var body: [String] = []
        if product.offers.isEmpty {
            body.append(strings.noPricesNow)
        } else {
            body.append("<b>\(strings.pricesTitle)</b>")
            body.append(Self.frame(product.offers.map { offer in
                "\(e(offer.durationLabel)) — <b>\(e(offer.price.formatted))</b> · \(stockHint(offer.stock))"
            }))
        }
        if product.isLocked {
            body.append("")
            body.append(strings.premiumOnlyExplanation)
            rows.append([try button(strings.upgradeButton, NavigateCallback(to: .premium))])
        } else {
            for offer in product.offers where offer.stock > 0 {
                rows.append([try button("\(offer.durationLabel) · \(offer.price.formatted)", OfferCallback(priceID: offer.priceID, quantity: 1))])
            }
        }
        rows.append([try button(strings.back, ProductsPageCallback(page: page)), try menuButton()])

        let title = header("🏷 <b>\(e(product.name))</b>")
        let rest = body.joined(separator: "\n")
        var screen = Screen(text: "", keyboard: InlineKeyboardMarkup(inlineKeyboard: rows), photoFileID: product.photoFileID)
        // The description gives way: whatever room title and prices leave, with an ellipsis when cut.
        let room = screen.limit - HTML.visibleLength(title) - HTML.visibleLength(rest) - 4
        let description = HTML.truncate(product.description.trimmingCharacters(in: .whitespacesAndNewlines), to: max(0, room))
        screen.text = [title, description.isEmpty ? nil : e(description), "", rest].compactMap { $0 }.joined(separator: "\n")
        return screen
    }

    // MARK: Buying

    /// The quantities a reseller can pick with one tap.
    static let resellerQuantities = [1, 5, 10]

    /// - Parameter notice: said first, when the customer is asked again (the price changed).
    func confirmation(product: CatalogueProduct, offer: CatalogueProduct.Offer, quantity: Int, customer: CustomerSnapshot, token: String, notice: String? = nil) throws -> Screen {
        let total = offer.price.multiplied(by: quantity) ?? offer.price
        var lines = [
            "\(strings.productLabel): <b>\(e(product.name))</b>",
            "\(strings.durationLabel): \(e(offer.durationLabel))",
        ]
        if customer.isReseller || quantity > 1 { lines.append("\(strings.quantityLabel): \(quantity)") }
        lines.append("\(strings.priceLabel): <b>\(e(total.formatted))</b>")
        lines.append("\(strings.balanceLabel): \(e(customer.balance.formatted))")
        let short = total.minorUnits - customer.balance.minorUnits
        if short <= 0 {
            lines.append("\(strings.balanceAfterLabel): <b>\(e(Money(minorUnits: -short, currency: total.currency).formatted))</b>")
        }
        var text = (notice.map { $0 + "\n\n" } ?? "") + header(strings.confirmTitle) + "\n" + Self.frame(lines)
        var rows: [[InlineKeyboardButton]] = []
        if customer.isReseller {
            text += "\n\n" + strings.chooseQuantity
            var choices = try Self.resellerQuantities.map { choice in
                try button(choice == quantity ? "• \(choice) •" : "\(choice)", OfferCallback(priceID: offer.priceID, quantity: choice))
            }
            choices.append(try button(strings.otherQuantityButton, QuantityPromptCallback(priceID: offer.priceID)))
            rows.append(choices)
        }
        if short > 0 {
            text += "\n\n" + strings.insufficientFunds(e(Money(minorUnits: short, currency: total.currency).formatted))
        }
        rows.append([try button(strings.buyButton(total.formatted), BuyCallback(priceID: offer.priceID, quantity: quantity, total: total.minorUnits, token: token))])
        if short > 0 { rows.append([try button(strings.topUpButton, NavigateCallback(to: .topUp))]) }
        rows.append([try button(strings.cancelButton, ProductCallback(productID: product.id, page: 1))])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func quantityPrompt(maximum: Int) -> Screen {
        Screen(text: strings.askQuantity(maximum), keyboard: InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardBuilder.cancelButton(strings.cancelButton)]]))
    }

    func receipt(_ receipt: OrderReceipt) throws -> Screen {
        var text = header(strings.purchaseTitle) + "\n" + Self.frame([
            "\(strings.orderLabel): <b>#\(receipt.orderID)</b>",
            // Cut, so the receipt of a purchase that has committed always fits.
            "\(strings.productLabel): \(e(HTML.truncate(receipt.productName, to: 256))) · \(e(HTML.truncate(receipt.durationLabel, to: 64)))",
            "\(strings.quantityLabel): \(receipt.quantity)",
            "\(strings.priceLabel): \(e(receipt.amount.formatted))",
            "\(strings.balanceLabel): <b>\(e(receipt.balanceAfter.formatted))</b>",
        ])
        if receipt.isRepeat { text = strings.alreadyBought + "\n\n" + text }
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [
            [try button(strings.menuOrders, NavigateCallback(to: .orders)), try button(strings.menuProducts, NavigateCallback(to: .products))],
            [try menuButton()],
        ])
        let (inline, followUps) = keyMessages(receipt.keys, after: text)
        return Screen(text: inline, keyboard: keyboard, followUps: followUps)
    }

    /// The keys, each in `<code>` so a tap copies it: appended to `text` while they fit in one
    /// message, else sent in as many follow-up messages as they need.
    private func keyMessages(_ keys: [String], after text: String) -> (String, [String]) {
        let lines = keys.map { "<code>\(e($0))</code>" }
        let block = "\n\n🔑 <b>\(strings.keysLabel)</b>\n" + lines.joined(separator: "\n") + "\n" + strings.tapToCopy
        if HTML.visibleLength(text + block) <= Screen.messageLimit { return (text + block, []) }
        var messages: [String] = []
        var current = "🔑 <b>\(strings.keysLabel)</b>"
        var length = HTML.visibleLength(current)
        // A key shows as typed, so its line adds its own length and a line break.
        for (line, key) in zip(lines, keys) {
            let size = HTML.length(key)
            if length + 1 + size > Screen.messageLimit - 64 {
                messages.append(current)
                current = line
                length = size
            } else {
                current += "\n" + line
                length += 1 + size
            }
        }
        messages.append(current + "\n" + strings.tapToCopy)
        return (text, messages)
    }

    /// Why a purchase didn't happen, and where to go from there.
    func refusal(_ error: PurchaseError, productID: Int?) throws -> Screen {
        var rows: [[InlineKeyboardButton]] = []
        let text: String
        switch error {
        case .insufficientFunds:
            text = strings.insufficientFunds(e(error.shortfall?.formatted ?? ""))
            rows.append([try button(strings.topUpButton, NavigateCallback(to: .topUp))])
            rows.append([try button(strings.menuSellers, NavigateCallback(to: .sellers)), try button(strings.menuSupport, NavigateCallback(to: .support))])
        case .outOfStock(_, let available):
            text = strings.outOfStockNow(available)
        case .premiumOnly:
            text = strings.premiumOnlyNow
            rows.append([try button(strings.upgradeButton, NavigateCallback(to: .premium))])
        case .banned:
            text = strings.banned
        case .invalidQuantity, .quantityForResellersOnly:
            text = strings.badQuantity(ShopHandlers.maximumQuantity)
        case .priceChanged(_, _, let current):
            text = strings.priceChanged(e(current.formatted))
        case .unavailable, .unknownCustomer, .idempotencyKeyReused:
            text = strings.unavailableNow
        }
        if let productID { rows.append([try button(strings.back, ProductCallback(productID: productID, page: 1))]) }
        rows.append([try button(strings.menuProducts, NavigateCallback(to: .products)), try menuButton()])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    // MARK: Balance

    private func reason(_ reason: LedgerReason) -> String {
        switch reason {
        case .purchase: strings.reasonPurchase
        case .adminCredit: strings.reasonCredit
        case .adminDebit: strings.reasonDebit
        case .premiumUpgrade: strings.reasonPremium
        case .starsTopUp: strings.reasonStars
        case .refund: strings.reasonRefund
        }
    }

    func balance(_ customer: CustomerSnapshot, lines: [LedgerLine], starsEnabled: Bool) throws -> Screen {
        var text = header(strings.balanceTitle) + "\n<b>\(e(customer.balance.formatted))</b>\n\n<b>\(strings.recentActivity)</b>\n"
        if lines.isEmpty {
            text += strings.noActivity
        } else {
            text += Self.frame(lines.map { line in
                let sign = line.delta.minorUnits > 0 ? "+" : ""
                return "\(Self.date(line.date)) · \(reason(line.reason)) <b>\(sign)\(e(line.delta.formatted))</b>"
            })
        }
        text += "\n\n" + strings.otherTopUpWays
        var rows: [[InlineKeyboardButton]] = []
        if starsEnabled { rows.append([try button(strings.starsButton, NavigateCallback(to: .topUp))]) }
        rows.append([try button(strings.menuSellers, NavigateCallback(to: .sellers)), try button(strings.menuSupport, NavigateCallback(to: .support))])
        rows.append([try menuButton()])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func topUp(options: [(stars: Int, credit: Money)], oneStar: Money) throws -> Screen {
        let text = header(strings.topUpTitle) + "\n" + strings.topUpExplanation(e(oneStar.formatted))
        var builder = InlineKeyboardBuilder()
        for option in options {
            builder.add(try button(strings.starsOption(option.stars, option.credit.formatted), TopUpCallback(stars: option.stars)))
        }
        builder.adjust(2)
        builder.row(try button(strings.back, NavigateCallback(to: .balance)), try menuButton())
        return Screen(text: text, keyboard: builder.markup)
    }

    // MARK: Orders

    func orders(_ page: Page<OrderSummary>) throws -> Screen {
        guard !page.items.isEmpty else {
            return Screen(text: header(strings.ordersTitle) + "\n" + strings.ordersEmpty, keyboard: InlineKeyboardMarkup(inlineKeyboard: [
                [try button(strings.menuProducts, NavigateCallback(to: .products))], [try menuButton()],
            ]))
        }
        let lines = page.items.map { order in
            "<b>#\(order.orderID)</b> · \(Self.date(order.date)) · \(e(HTML.truncate(order.productName, to: 40))) · \(e(order.amount.formatted))"
        }
        var rows = try page.items.map { order in
            [try button("#\(order.orderID) · \(order.productName) · \(order.durationLabel)", OrderCallback(orderID: order.orderID, page: page.number))]
        }
        let paging = try pagination(page: page.number, pageCount: page.pageCount) { OrdersPageCallback(page: $0) }
        if !paging.isEmpty { rows.append(paging) }
        rows.append([try menuButton()])
        return Screen(text: header(strings.ordersTitle) + "\n" + Self.frame(lines), keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func order(_ order: OrderSummary, page: Int) throws -> Screen {
        let text = header(strings.orderTitle(order.orderID)) + "\n" + Self.frame([
            "\(strings.dateLabel): \(Self.date(order.date))",
            "\(strings.productLabel): \(e(order.productName)) · \(e(order.durationLabel))",
            "\(strings.quantityLabel): \(order.quantity)",
            "\(strings.priceLabel): \(e(order.amount.formatted))",
        ])
        let (inline, followUps) = keyMessages(order.keys, after: text)
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[try button(strings.back, OrdersPageCallback(page: page)), try menuButton()]])
        return Screen(text: inline, keyboard: keyboard, followUps: followUps)
    }

    // MARK: Account

    func premium(_ customer: CustomerSnapshot, price: Money) throws -> Screen {
        var rows: [[InlineKeyboardButton]] = []
        var text = header(strings.premiumTitle) + "\n"
        if customer.isPremium {
            text += strings.premiumActive
        } else {
            text += strings.premiumPitch + "\n\n" + Self.frame([
                "\(strings.premiumPriceLabel): <b>\(e(price.formatted))</b>",
                "\(strings.balanceLabel): \(e(customer.balance.formatted))",
            ])
            rows.append([try button(strings.premiumUpgradeButton(price.formatted), PremiumUpgradeCallback(confirmed: true))])
            if customer.balance < price { rows.append([try button(strings.topUpButton, NavigateCallback(to: .balance))]) }
        }
        rows.append([try menuButton()])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// Sellers with a link button each, up to this many; the text lists as many as fit.
    static let sellerButtonLimit = 20

    func sellers(_ sellers: [SellerSnapshot]) throws -> Screen {
        var text = header(strings.sellersTitle) + "\n"
        var rows: [[InlineKeyboardButton]] = []
        if sellers.isEmpty {
            text += strings.sellersEmpty
        } else {
            var lines: [String] = []
            // Each framed line adds its text, a two-character frame and a line break; room is
            // kept for the "…" that says there is more.
            var length = HTML.visibleLength(text) + 4
            for seller in sellers {
                let link = "<a href=\"https://t.me/\(e(seller.username))\">\(e(seller.displayName))</a> @\(e(seller.username))"
                let line = seller.note.map { link + " — " + e(HTML.truncate($0, to: 200)) } ?? link
                length += HTML.visibleLength(line) + 3
                guard length < Screen.messageLimit else { break }
                lines.append(line)
            }
            if lines.count < sellers.count { lines.append("…") }
            text += Self.frame(lines)
            rows = sellers.prefix(Self.sellerButtonLimit).map {
                [InlineKeyboardButton(text: HTML.truncate("✉️ \($0.displayName)", to: Self.buttonTextLimit), url: "https://t.me/\($0.username)")]
            }
        }
        rows.append([try menuButton()])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// /paysupport, which Telegram requires of bots that take Stars.
    func paySupport(contact: String?) -> Screen {
        let (line, write) = supportContact(contact)
        return Screen(
            text: header(strings.paySupportTitle) + "\n" + strings.paySupport + "\n\n" + line,
            keyboard: write.map { InlineKeyboardMarkup(inlineKeyboard: [$0]) }
        )
    }

    func support(contact: String?) throws -> Screen {
        let (line, write) = supportContact(contact)
        let rows = [write, [try menuButton()]].compactMap { $0 }
        return Screen(text: header(strings.supportTitle) + "\n" + line, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// How to reach support, and the button that opens the chat (none without a contact).
    private func supportContact(_ contact: String?) -> (line: String, write: [InlineKeyboardButton]?) {
        guard let contact else { return (strings.supportMissing, nil) }
        return (strings.supportContact(e(contact)), [InlineKeyboardButton(text: strings.writeButton, url: "https://t.me/\(contact)")])
    }

    /// Products with fewer unsold keys than this are listed as low on stock.
    static let lowStockThreshold = 5

    func adminDashboard(_ stats: ShopStats) throws -> Screen {
        func period(_ label: String, _ figures: ShopStats.Period) -> String {
            "\(label): \(strings.ordersCount(figures.orders)) · <b>\(e(figures.revenue.formatted))</b>"
        }
        let low = stats.products.filter { $0.stock < Self.lowStockThreshold }.sorted { $0.stock < $1.stock }.prefix(10)
        let text = [
            header(strings.adminTitle),
            Self.frame(["\(strings.customersLabel): <b>\(stats.customers)</b>", "\(strings.premiumCustomersLabel): <b>\(stats.premiumCustomers)</b>"]),
            "",
            Self.frame([
                period(strings.todayLabel, stats.today), period(strings.sevenDaysLabel, stats.lastSevenDays),
                period(strings.thirtyDaysLabel, stats.lastThirtyDays), period(strings.allTimeLabel, stats.allTime),
            ]),
            "",
            "<b>\(strings.lowStockTitle)</b>",
            low.isEmpty ? strings.stockFine : Self.frame(low.map { "\(e(HTML.truncate($0.name, to: 40))): \($0.stock)" }),
        ].joined(separator: "\n")
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: [[try menuButton()]]))
    }

    func languages(current: Language) throws -> Screen {
        let names: [(Language, String)] = [(.english, "🇬🇧 English"), (.russian, "🇷🇺 Русский")]
        let rows = try names.map { language, name in
            [try button(language == current ? "✅ \(name)" : name, LanguageCallback(language: language))]
        } + [[try menuButton()]]
        return Screen(text: header(strings.languageTitle), keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }
}
