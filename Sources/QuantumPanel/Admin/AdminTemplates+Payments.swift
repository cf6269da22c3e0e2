import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// 💳 Payments: crypto top-ups, newest first, and what they brought.
extension AdminTemplates {
    static let paymentsShown = 15

    func payments(_ topUps: [TopUpRecord], credited: Money) throws -> Screen {
        var text: HTML = shop.header(records.paymentsTitle) + "\n" + records.paymentsCredited(credited.formatted) + "\n\n"
        if topUps.isEmpty {
            text += records.paymentsEmpty
        } else {
            text += topUps.map { topUp -> HTML in
                let when = topUp.createdAt.map(Self.time) ?? ""
                return
                    "▪ #\(topUp.id) · \(when) · <code>\(topUp.telegramID)</code> · <b>\(topUp.amount.formatted)</b> · \(records.topUpState(topUp.state))"
            }.joined(separator: "\n")
        }
        let rows = [[try button(records.paymentsCheckNow, AdminCallback(to: .checkPayments))], try navigation(back: AdminCallback(to: .panel))]
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }
}
