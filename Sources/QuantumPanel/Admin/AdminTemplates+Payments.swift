import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// 💳 Payments: top-ups through every provider, newest first, and what each brought.
extension AdminTemplates {
    static let paymentsShown = 15

    /// - Parameters:
    ///   - providers: the providers offered as filters (those that are on).
    ///   - filter: what the list is narrowed to; `person` names the customer it is narrowed to.
    func payments(
        _ topUps: [TopUpRecord], credited: [(TopUpProviderID, Money)], providers: [TopUpProviderID], filter: AdminPaymentsCallback, person: String?
    ) throws -> Screen {
        var text: HTML = shop.header(records.paymentsTitle) + "\n" + paymentsCredited(credited) + "\n\n"
        let showing = records.paymentsShowing(provider: filter.provider, state: filter.state, person: person)
        if !showing.rendered.isEmpty { text += showing + "\n" }
        if topUps.isEmpty {
            text += records.paymentsEmpty
        } else {
            text += topUps.map { topUp -> HTML in
                let when = topUp.createdAt.map(Self.time) ?? ""
                return
                    "▪ #\(topUp.id) · \(records.providerName(topUp.provider)) · \(when) · <code>\(topUp.telegramID)</code> · <b>\(topUp.amount.formatted)</b> · \(records.topUpState(topUp.state))"
            }.joined(separator: "\n")
        }
        func narrowed(_ change: (inout AdminPaymentsCallback) -> Void) -> AdminPaymentsCallback {
            var narrowed = filter
            change(&narrowed)
            return narrowed
        }
        let all = AdminPaymentsCallback()
        var rows: [[InlineKeyboardButton]] = []
        if providers.count > 1 {
            rows.append(try providers.map { provider in try button(records.providerName(provider), narrowed { $0.provider = provider }) })
        }
        rows.append(
            try [TopUpState.created, .credited, .expired].map { state in try button(records.topUpState(state), narrowed { $0.state = state }) })
        rows.append(
            [try button(records.paymentsPersonButton, AdminCallback(to: .paymentsPerson))]
                + (filter == all ? [] : [try button(records.paymentsAllButton, all)]))
        rows.append([try button(records.paymentsCheckNow, AdminCallback(to: .checkPayments))])
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// One line per provider: what it brought.
    func paymentsCredited(_ credited: [(TopUpProviderID, Money)]) -> HTML {
        credited.map { records.paymentsCredited($0, $1.formatted) }.joined(separator: "\n")
    }
}
