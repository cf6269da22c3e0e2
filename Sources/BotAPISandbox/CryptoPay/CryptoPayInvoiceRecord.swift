import Foundation

/// An invoice as Crypto Pay's API shows it, kept by the ``CryptoPayStandIn``.
public struct CryptoPayInvoiceRecord: Codable, Sendable, Equatable {
    public var invoiceID: Int64
    public var hash: String
    public var currencyType: String
    public var fiat: String?
    public var asset: String?
    public var amount: String
    public var acceptedAssets: [String]?
    /// `active`, `paid` or `expired`.
    public var status: String
    public var description: String?
    public var payload: String?
    public var botInvoiceURL: String
    public var createdAt: String
    public var expirationDate: String?
    public var paidAt: String?
    public var allowComments = true
    public var allowAnonymous = true

    enum CodingKeys: String, CodingKey {
        case invoiceID = "invoice_id"
        case hash
        case currencyType = "currency_type"
        case fiat, asset, amount
        case acceptedAssets = "accepted_assets"
        case status, description, payload
        case botInvoiceURL = "bot_invoice_url"
        case createdAt = "created_at"
        case expirationDate = "expiration_date"
        case paidAt = "paid_at"
        case allowComments = "allow_comments"
        case allowAnonymous = "allow_anonymous"
    }
}
