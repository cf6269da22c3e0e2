import Foundation
import Marketplace

/// An invoice as Crypto Pay's API returns it (the fields the shop reads).
struct CryptoPayInvoice: Codable, Sendable, Equatable {
    var invoiceID: Int64
    /// `active`, `paid` or `expired`.
    var status: String
    /// `crypto` or `fiat`: the shop's are `fiat`, priced in its currency.
    var currencyType: String?
    var fiat: String?
    /// The amount asked, as a decimal string ("10.5"), in `fiat` for a fiat invoice.
    var amount: String
    var payload: String?
    var botInvoiceURL: String
    /// ISO 8601.
    var paidAt: String?

    enum CodingKeys: String, CodingKey {
        case invoiceID = "invoice_id"
        case status
        case currencyType = "currency_type"
        case fiat, amount, payload
        case botInvoiceURL = "bot_invoice_url"
        case paidAt = "paid_at"
    }

    /// The invoice in the shop's terms; the amount only when it is priced in `currency`.
    func provided(in currency: Currency) -> ProviderInvoice {
        let state: ProviderInvoice.State =
            switch status {
            case "paid": .paid
            case "expired": .expired
            default: .active
            }
        let amount = currencyType == "fiat" && fiat?.uppercased() == currency.code ? Self.money(amount, currency: currency) : nil
        return ProviderInvoice(
            invoiceID: String(invoiceID), state: state, amount: amount, topUpID: payload.flatMap(InvoicePayload.topUpID),
            payURL: botInvoiceURL, paidAt: paidAt.flatMap(Self.date))
    }

    /// "10.5", "10.50" or "10.500000" as money: zeros past the currency's digits are dropped, anything else there isn't an amount.
    static func money(_ text: String, currency: Currency) -> Money? {
        var text = text
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return try? Money.parse(text, currency: currency)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
