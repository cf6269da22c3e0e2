import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// Premium, trusted sellers, support and the language.
extension ShopTemplates {
    func premium(_ customer: CustomerSnapshot, price: Money) throws -> Screen {
        var rows: [[InlineKeyboardButton]] = []
        var text = header(strings.premiumTitle) + "\n"
        if customer.isPremium {
            text += strings.premiumActive
        } else {
            text +=
                strings.premiumPitch + "\n\n"
                + Self.frame([
                    "\(strings.premiumPriceLabel): <b>\(price.formatted)</b>",
                    "\(strings.balanceLabel): \(customer.balance.formatted)",
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
            var lines: [HTML] = []
            // Each framed line adds its text, a two-character frame and a line break; room is
            // kept for the "…" that says there is more.
            var length = text.visibleLength + 4
            for seller in sellers {
                let link: HTML = "<a href=\"https://t.me/\(seller.username)\">\(seller.displayName)</a> @\(seller.username)"
                let line = seller.note.map { link + " — " + HTML(text: HTML.truncate($0, to: 200)) } ?? link
                length += line.visibleLength + 3
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
    func supportContact(_ contact: String?) -> (line: HTML, write: [InlineKeyboardButton]?) {
        guard let contact else { return (strings.supportMissing, nil) }
        return (strings.supportContact(contact), [InlineKeyboardButton(text: strings.writeButton, url: "https://t.me/\(contact)")])
    }

    func languages(current: Language) throws -> Screen {
        let names: [(Language, String)] = [(.english, "🇬🇧 English"), (.russian, "🇷🇺 Русский")]
        let rows =
            try names.map { language, name in
                [try button(language == current ? "✅ \(name)" : name, LanguageCallback(language: language))]
            } + [[try menuButton()]]
        return Screen(text: header(strings.languageTitle), keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }
}
