import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// 💳 Payments: top-ups through every provider, newest first, and what each brought.
extension AdminTemplates {
    static let paymentsShown = 15

    func payments(_ topUps: [TopUpRecord], credited: [(TopUpProviderID, Money)]) throws -> Screen {
        var text: HTML = shop.header(records.paymentsTitle) + "\n" + paymentsCredited(credited) + "\n\n"
        if topUps.isEmpty {
            text += records.paymentsEmpty
        } else {
            text += topUps.map { topUp -> HTML in
                let when = topUp.createdAt.map(Self.time) ?? ""
                return
                    "▪ #\(topUp.id) · \(records.providerName(topUp.provider)) · \(when) · <code>\(topUp.telegramID)</code> · <b>\(topUp.amount.formatted)</b> · \(records.topUpState(topUp.state))"
            }.joined(separator: "\n")
        }
        let rows = [[try button(records.paymentsCheckNow, AdminCallback(to: .checkPayments))], try navigation(back: AdminCallback(to: .panel))]
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// One line per provider: what it brought.
    func paymentsCredited(_ credited: [(TopUpProviderID, Money)]) -> HTML {
        credited.map { records.paymentsCredited($0, $1.formatted) }.joined(separator: "\n")
    }
}
