import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// 🎟 Promo codes: the codes, newest first, and one code's terms, uses and revenue.
extension AdminTemplates {
    func promoList(_ promos: [PromoSummary]) throws -> Screen {
        var rows = try promos.map { promo in
            [
                try button(
                    self.promos.promoButton(
                        promo.code, off: self.promos.off(promo.terms.discount), uses: promo.uses, of: promo.terms.maxUses, isPaused: promo.isPaused),
                    AdminPromoCallback(code: promo.code, action: .open))
            ]
        }
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        let text = shop.header(self.promos.promosTitle) + (promos.isEmpty ? "\n" + self.promos.promosEmpty : "")
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func promoCard(_ promo: PromoSummary) throws -> Screen {
        let text = promos.promoCard(
            promo, off: promos.off(promo.terms.discount), from: promo.terms.startsAt.map(Self.time), until: promo.terms.endsAt.map(Self.time))
        let toggle =
            promo.isPaused
            ? try button(promos.resumeButton, AdminPromoCallback(code: promo.code, action: .resume))
            : try button(promos.pauseButton, AdminPromoCallback(code: promo.code, action: .pause))
        return Screen(
            text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: [[toggle], try navigation(back: AdminCallback(to: .promos))]))
    }
}
