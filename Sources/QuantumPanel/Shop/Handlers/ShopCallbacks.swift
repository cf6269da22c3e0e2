import BotRouting

/// The shop's buttons. Prefixes are short, as Telegram allows 64 bytes of callback data.

/// A screen reached from the menu.
struct NavigateCallback: CallbackData {
    static let prefix = "n"

    enum Destination: String, Codable, Sendable {
        case menu, products, balance, orders, premium, sellers, support, language, help, topUp, admin, cryptoTopUp
    }

    var to: Destination
}

struct ProductsPageCallback: CallbackData {
    static let prefix = "pp"
    var page: Int
}

/// A product's card; `page` is the list page to go back to.
struct ProductCallback: CallbackData {
    static let prefix = "p"
    var productID: Int
    var page: Int
}

/// The confirmation of buying `quantity` keys of a price.
struct OfferCallback: CallbackData {
    static let prefix = "o"
    var priceID: Int
    var quantity: Int
}

/// Asks a reseller to type a quantity.
struct QuantityPromptCallback: CallbackData {
    static let prefix = "q"
    var priceID: Int
}

/// The Buy button. It binds what the confirmation showed: the quantity, the total (in minor
/// units) and a token made for that confirmation, so pressing the same button twice buys once,
/// a new confirmation buys again, and a total that changed in between is asked about again.
struct BuyCallback: CallbackData {
    static let prefix = "b"
    var priceID: Int
    var quantity: Int
    var total: Int64
    var token: String
}

/// Buy on a confirmation with a promo code: as ``BuyCallback``, for the total after the code the
/// customer keeps; a code changed or gone since makes the total differ, and the price lock asks again.
struct PromoBuyCallback: CallbackData {
    static let prefix = "bp"
    var priceID: Int
    var quantity: Int
    var total: Int64
    var token: String
}

/// 🎟 Promo code on a confirmation: asks for a code, then shows the confirmation again.
struct PromoCodeCallback: CallbackData {
    static let prefix = "pc"
    var priceID: Int
    var quantity: Int
}

/// ✖ Remove the promo code on a confirmation.
struct PromoRemoveCallback: CallbackData {
    static let prefix = "pr"
    var priceID: Int
    var quantity: Int
}

/// Asks to be told when an out-of-stock price is back.
struct RestockCallback: CallbackData {
    static let prefix = "rs"
    var priceID: Int
}

struct OrdersPageCallback: CallbackData {
    static let prefix = "op"
    var page: Int
}

struct OrderCallback: CallbackData {
    static let prefix = "od"
    var orderID: Int
    var page: Int
}

struct TopUpCallback: CallbackData {
    static let prefix = "t"
    var stars: Int
}

/// A crypto top-up of `amount` minor units of the shop's currency.
struct CryptoAmountCallback: CallbackData {
    static let prefix = "ca"
    var amount: Int64
}

/// 🔄 I've paid, under a crypto top-up's invoice.
struct CryptoCheckCallback: CallbackData {
    static let prefix = "cc"
    var topUpID: Int
}

/// ✏️ Other amount on the crypto top-up screen.
struct CryptoOtherAmountCallback: CallbackData {
    static let prefix = "co"
}

struct PremiumUpgradeCallback: CallbackData {
    static let prefix = "pu"
    var confirmed: Bool
}

struct LanguageCallback: CallbackData {
    static let prefix = "l"
    var language: Language
}
