import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// The balance, its history and Stars top-ups.
extension ShopTemplates {
    func reason(_ reason: LedgerReason) -> String {
        switch reason {
        case .purchase: strings.reasonPurchase
        case .adminCredit: strings.reasonCredit
        case .adminDebit: strings.reasonDebit
        case .premiumUpgrade: strings.reasonPremium
        case .starsTopUp: strings.reasonStars
        case .topUp: strings.reasonTopUp
        case .refund: strings.reasonRefund
        case .starsRefund: strings.reasonStarsRefund
        case .starsRefundUndone: strings.reasonStarsRefundUndone
        }
    }

    func balance(_ customer: CustomerSnapshot, lines: [LedgerLine], starsEnabled: Bool, cryptoEnabled: Bool) throws -> Screen {
        var text = header(strings.balanceTitle) + "\n<b>\(customer.balance.formatted)</b>\n\n<b>\(strings.recentActivity)</b>\n"
        if lines.isEmpty {
            text += strings.noActivity
        } else {
            text += Self.frame(
                lines.map { line in
                    let sign = line.delta.minorUnits > 0 ? "+" : ""
                    let note = line.note.map { ": " + HTML.truncate($0, to: 60) } ?? ""
                    return "\(Self.date(line.date)) · \(reason(line.reason))\(note) <b>\(sign)\(line.delta.formatted)</b>"
                })
        }
        text += "\n\n" + strings.otherTopUpWays
        var rows: [[InlineKeyboardButton]] = []
        if starsEnabled { rows.append([try button(strings.starsButton, NavigateCallback(to: .topUp))]) }
        if cryptoEnabled { rows.append([try button(strings.cryptoButton, NavigateCallback(to: .cryptoTopUp))]) }
        rows.append([
            try button(strings.menuSellers, NavigateCallback(to: .sellers)), try button(strings.menuSupport, NavigateCallback(to: .support)),
        ])
        rows.append([try menuButton()])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func topUp(options: [(stars: Int, credit: Money)], oneStar: Money) throws -> Screen {
        let text = header(strings.topUpTitle) + "\n" + strings.topUpExplanation(oneStar.formatted)
        var builder = InlineKeyboardBuilder()
        for option in options {
            builder.add(try button(strings.starsOption(option.stars, option.credit.formatted), TopUpCallback(stars: option.stars)))
        }
        builder.adjust(2)
        builder.row(try button(strings.back, NavigateCallback(to: .balance)), try menuButton())
        return Screen(text: text, keyboard: builder.markup)
    }
}
