import BotRouting
import Marketplace

struct RussianPromoStrings: PromoStrings {
    let sectionPromos: String = "🎟 Промокоды"
    let promosTitle: HTML = "🎟 <b>Промокоды</b>"
    let promosEmpty: HTML = "Промокодов пока нет. Создайте: <code>quantum-panel promo create CODE --percent 10</code>."
    func promoButton(_ code: String, off: String, uses: Int, of maxUses: Int?, isPaused: Bool) -> String {
        "\(isPaused ? "⏸ " : "")\(code) · \(off) · использован \(uses)\(maxUses.map { "/\($0)" } ?? "")"
    }
    func off(_ discount: PromoTerms.Discount) -> String {
        switch discount {
        case .percent(let percent): "скидка \(percent)%"
        case .amount(let amount): "скидка \(amount.formatted)"
        }
    }
    func promoCard(_ promo: PromoSummary, off: String, from: String?, until: String?) -> HTML {
        let terms = promo.terms
        let lines: [HTML] = [
            "🎟 <b>\(promo.code)</b>\(promo.isPaused ? " · ⏸ приостановлен" : "")",
            "\(off)",
            "Использован: <b>\(promo.uses)</b>\(terms.maxUses.map { " из \($0)" } ?? ", без ограничения") · \(terms.perCustomer) на покупателя",
            "С \(from ?? "сейчас") до \(until ?? "без срока")",
            "Товары: \(terms.productIDs.isEmpty ? "все" : "\(terms.productIDs.count)") · Минимальный заказ: \(terms.minOrder?.formatted ?? "любой")",
            "Реселлеры: \(terms.forResellers ? "да" : "нет")",
            "Выручка: <b>\(promo.revenue.formatted)</b> · Скидок дано: \(promo.discounts.formatted)",
        ]
        return lines.joined(separator: "\n")
    }
    let pauseButton: String = "⏸ Приостановить"
    let resumeButton: String = "▶️ Возобновить"
    func paused(_ code: String) -> HTML { "⏸ \(code) приостановлен: покупки не могут его использовать, пока он не возобновлён." }
    func resumed(_ code: String) -> HTML { "▶️ \(code) снова действует." }
}
