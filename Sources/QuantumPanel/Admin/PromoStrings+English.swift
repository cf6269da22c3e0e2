import BotRouting
import Marketplace

struct EnglishPromoStrings: PromoStrings {
    let sectionPromos: String = "🎟 Promo codes"
    let promosTitle: HTML = "🎟 <b>Promo codes</b>"
    let promosEmpty: HTML = "No promo codes yet. Make one with <code>quantum-panel promo create CODE --percent 10</code>."
    func promoButton(_ code: String, off: String, uses: Int, of maxUses: Int?, isPaused: Bool) -> String {
        "\(isPaused ? "⏸ " : "")\(code) · \(off) · \(uses)\(maxUses.map { "/\($0)" } ?? "") used"
    }
    func off(_ discount: PromoTerms.Discount) -> String {
        switch discount {
        case .percent(let percent): "\(percent)% off"
        case .amount(let amount): "\(amount.formatted) off"
        }
    }
    func promoCard(_ promo: PromoSummary, off: String, from: String?, until: String?) -> HTML {
        let terms = promo.terms
        let lines: [HTML] = [
            "🎟 <b>\(promo.code)</b>\(promo.isPaused ? " · ⏸ paused" : "")",
            "\(off)",
            "Used: <b>\(promo.uses)</b>\(terms.maxUses.map { " of \($0)" } ?? ", no limit") · \(terms.perCustomer) per customer",
            "From \(from ?? "now") until \(until ?? "no end")",
            "Products: \(terms.productIDs.isEmpty ? "all" : "\(terms.productIDs.count)") · Smallest order: \(terms.minOrder?.formatted ?? "any")",
            "Resellers: \(terms.forResellers ? "yes" : "no")",
            "Revenue: <b>\(promo.revenue.formatted)</b> · Discounts given: \(promo.discounts.formatted)",
        ]
        return lines.joined(separator: "\n")
    }
    let pauseButton: String = "⏸ Pause"
    let resumeButton: String = "▶️ Resume"
    func paused(_ code: String) -> HTML { "⏸ \(code) is paused: no purchase may use it until it is resumed." }
    func resumed(_ code: String) -> HTML { "▶️ \(code) may be used again." }
}
