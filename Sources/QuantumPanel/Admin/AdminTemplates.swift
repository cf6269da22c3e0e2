import BotRouting
import Marketplace
import TelegramBotAPI

/// Builds every admin screen, as ``ShopTemplates`` does the customer's: HTML with each dynamic
/// value escaped, Back and Menu on every screen, Cancel on every dialog step.
struct AdminTemplates: Sendable {
    let strings: any AdminStrings
    let people: any PeopleStrings
    let broadcasts: any BroadcastStrings
    let records: any RecordsStrings
    let promos: any PromoStrings
    /// The shop's building blocks: frames, buttons, pagination.
    let shop: ShopTemplates
    static let itemsPerPage = 8

    let language: Language

    init(language: Language) {
        self.language = language
        strings = language.adminStrings
        people = language.peopleStrings
        broadcasts = language.broadcastStrings
        records = language.recordsStrings
        promos = language.promoStrings
        shop = ShopTemplates(language: language)
    }

    /// What a refusal says to the admin; any other error is thrown on.
    func words(for error: any Error) throws -> HTML { try language.words(for: error) }

    func button(_ text: String, _ data: some CallbackData) throws -> InlineKeyboardButton {
        try shop.button(text, data)
    }

    /// The last row of every admin screen.
    func navigation(back: some CallbackData) throws -> [InlineKeyboardButton] {
        [try button(strings.back, back), try shop.menuButton()]
    }

    /// A screen with a note above it: what just happened, or why something was refused.
    func noted(_ screen: Screen, _ note: HTML?) -> Screen {
        guard let note else { return screen }
        var screen = screen
        screen.text = note + "\n\n" + screen.text
        return screen
    }

    // MARK: The panel

    /// The panel's first screen, with every section; ``Screen/limited(to:isRoot:)`` takes away
    /// those the admin's role doesn't open.
    /// - Parameter credited: what each payment provider that is on brought in all; none on, no
    ///   💳 Payments.
    func panel(_ stats: ShopStats, lowStock: [StatsService.LowStock], threshold: Int, credited: [(TopUpProviderID, Money)]) throws -> Screen {
        func period(_ label: String, _ figures: ShopStats.Period) -> HTML {
            "\(label): \(strings.ordersCount(figures.orders)) · <b>\(figures.revenue.formatted)</b>"
        }
        let counts: [HTML] = [
            "\(strings.customersLabel): <b>\(stats.customers)</b>", "\(strings.premiumCustomersLabel): <b>\(stats.premiumCustomers)</b>",
        ]
        var text: HTML = [
            shop.header(strings.panelTitle),
            ShopTemplates.frame(counts),
            "",
            ShopTemplates.frame([
                period(strings.todayLabel, stats.today), period(strings.sevenDaysLabel, stats.lastSevenDays),
                period(strings.thirtyDaysLabel, stats.lastThirtyDays), period(strings.allTimeLabel, stats.allTime),
            ]),
        ].joined(separator: "\n")
        if !credited.isEmpty { text += "\n\n" + paymentsCredited(credited) }
        if threshold > 0 {
            let low = lowStock.prefix(10).map { item -> HTML in "\(HTML.truncate(item.productName, to: 40)) · \(item.durationLabel): \(item.stock)" }
            text += "\n\n<b>\(strings.lowStockTitle(threshold))</b>\n" + (low.isEmpty ? HTML(text: strings.stockFine) : ShopTemplates.frame(low))
        }
        let sections: [[(String, any CallbackData)]] =
            [
                [(strings.sectionProducts, AdminCallback(to: .products)), (strings.sectionStock, AdminCallback(to: .stock))],
                [(people.sectionCustomers, AdminCustomersCallback(filter: .all)), (people.sectionOrders, AdminCallback(to: .findOrder))],
                // Admins are the root admin's to manage: nobody else sees the section.
                [
                    (broadcasts.sectionBroadcast, AdminCallback(to: .broadcast)), (people.sectionSellers, AdminCallback(to: .sellers)),
                    (people.sectionStaff, AdminCallback(to: .staff)),
                ],
                [
                    (records.sectionAudit, AdminAuditCallback(person: 0)), (records.sectionExport, AdminCallback(to: .export)),
                    (records.sectionChart, AdminCallback(to: .chart)),
                ],
                (credited.isEmpty ? [] : [(records.sectionPayments, AdminCallback(to: .payments))])
                    + [(promos.sectionPromos, AdminCallback(to: .promos))],
            ]
        var rows: [[InlineKeyboardButton]] = try sections.map { row in try row.map { try button($0, $1) } }
        rows.append([try shop.menuButton()])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    // MARK: Refusals

    /// An amount like one the admin could type, in the shop's currency: 9.99, 10, 9.999.
    static func example(_ currency: Currency) -> String {
        currency.minorDigits == 0 ? "10" : "9." + String(repeating: "9", count: currency.minorDigits)
    }
}

extension Language {
    var adminStrings: any AdminStrings {
        switch self {
        case .english: EnglishAdminStrings()
        case .russian: RussianAdminStrings()
        }
    }
}
