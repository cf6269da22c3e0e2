import BotRouting
import Marketplace
import TelegramBotAPI

/// Crypto top-ups: the amounts, and the invoice with its Pay link and 🔄 I've paid.
extension ShopTemplates {
    func cryptoTopUp(amounts: [Money], assets: [String]) throws -> Screen {
        let text = header(strings.cryptoTitle) + "\n" + strings.cryptoExplanation(assets: assets.joined(separator: ", "))
        var builder = InlineKeyboardBuilder()
        for amount in amounts {
            builder.add(try button("💎 \(amount.formatted)", CryptoAmountCallback(amount: amount.minorUnits)))
        }
        builder.adjust(2)
        builder.row(try button(strings.cryptoOtherAmount, CryptoOtherAmountCallback()))
        builder.row(try button(strings.back, NavigateCallback(to: .balance)), try menuButton())
        return Screen(text: text, keyboard: builder.markup)
    }

    func cryptoInvoice(_ topUp: TopUpRecord, payURL: String, assets: [String], minutes: Int) throws -> Screen {
        let text = strings.cryptoInvoice(topUp.amount.formatted, assets: assets.joined(separator: ", "), minutes: minutes)
        let rows = [
            [InlineKeyboardButton(text: strings.cryptoPayButton(topUp.amount.formatted), url: payURL)],
            [try button(strings.cryptoPaidButton, CryptoCheckCallback(topUpID: topUp.id))],
            [try button(strings.back, NavigateCallback(to: .balance)), try menuButton()],
        ]
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }
}
