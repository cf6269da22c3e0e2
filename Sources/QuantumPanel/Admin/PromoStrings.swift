import BotRouting
import Marketplace

/// The texts of 🎟 Promo codes in the panel; one conforming type per language.
protocol PromoStrings: Sendable {
    var sectionPromos: String { get }
    var promosTitle: HTML { get }
    /// No code yet, and how to make one.
    var promosEmpty: HTML { get }
    /// A code's line in the list: what it takes off, its uses, paused or not.
    func promoButton(_ code: String, off: String, uses: Int, of maxUses: Int?, isPaused: Bool) -> String
    func off(_ discount: PromoTerms.Discount) -> String
    func promoCard(_ promo: PromoSummary, off: String, from: String?, until: String?) -> HTML
    var pauseButton: String { get }
    var resumeButton: String { get }
    func paused(_ code: String) -> HTML
    func resumed(_ code: String) -> HTML
}

extension Language {
    var promoStrings: any PromoStrings {
        switch self {
        case .english: EnglishPromoStrings()
        case .russian: RussianPromoStrings()
        }
    }
}
