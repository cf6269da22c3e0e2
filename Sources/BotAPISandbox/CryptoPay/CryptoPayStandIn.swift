import Crypto
import Foundation

/// A local stand-in for @CryptoBot's Crypto Pay API: invoices made through its API, paid on its
/// invoice page (or by the control API), and paid invoices posted to a webhook signed as Crypto
/// Pay signs them. Tests and `quantum-panel sandbox` use it, so a crypto top-up runs end to end
/// with no network.
public actor CryptoPayStandIn {
    /// The app token the stand-in accepts unless configured otherwise.
    public static let defaultToken = "1000:SANDBOX_cryptopay_app_token"
    /// The fiat currencies Crypto Pay prices invoices in.
    public static let fiatCurrencies: Set<String> = [
        "USD", "EUR", "RUB", "BYN", "UAH", "GBP", "CNY", "KZT", "UZS", "GEL", "TRY", "AMD", "THB", "INR", "BRL", "IDR", "AZN", "AED", "PLN", "ILS",
    ]

    /// How a payment's webhook goes out.
    public enum Webhook: String, Sendable, Codable {
        /// Once, signed, as Crypto Pay sends it.
        case normal
        /// Not at all: the bot must find the payment by itself.
        case none
        /// Twice, as a retry after a lost answer would.
        case twice
        /// Signed with another key: the bot must refuse it.
        case badSignature = "bad_signature"
    }

    /// A webhook call waiting to go out.
    struct Delivery: Sendable {
        let url: String
        let body: Data
        let signature: String
    }

    public nonisolated let token: String
    /// Where paid invoices are posted; nil: nowhere (as before an app's webhook is set).
    public private(set) var webhookURL: String?
    /// While true every API call answers 503, as an outage would.
    public private(set) var isDown = false
    /// The stand-in's own address, for the invoices' pay links.
    var baseURL = "http://127.0.0.1"
    private(set) var invoices: [Int64: CryptoPayInvoiceRecord] = [:]
    private var expiries: [Int64: Date] = [:]
    private var nextInvoiceID: Int64 = 1
    private var nextUpdateID: Int64 = 1
    private var pending: [Delivery] = []
    /// Webhook calls the bot has answered (2xx, or 401 for a forged one), for tests to wait on.
    public private(set) var answeredWebhooks = 0
    private var waiter: CheckedContinuation<Void, Never>?

    public init(token: String = CryptoPayStandIn.defaultToken) {
        self.token = token
    }

    public func setWebhookURL(_ url: String?) {
        webhookURL = url
    }

    public func setDown(_ down: Bool) {
        isDown = down
    }

    func setBaseURL(_ url: String) {
        baseURL = url
    }

    /// Every invoice, oldest first.
    public var allInvoices: [CryptoPayInvoiceRecord] {
        invoices.keys.sorted().compactMap { invoice($0) }
    }

    /// One invoice as the API shows it now (an active one past its expiry is expired).
    public func invoice(_ id: Int64) -> CryptoPayInvoiceRecord? {
        guard var invoice = invoices[id] else { return nil }
        if invoice.status == "active", let expiry = expiries[id], expiry < Date() {
            invoice.status = "expired"
            invoices[id] = invoice
        }
        return invoice
    }

    // MARK: The API

    /// `createInvoice`, the fiat and crypto forms.
    func createInvoice(_ parameters: MethodParameters) throws(CryptoPayStandInError) -> CryptoPayInvoiceRecord {
        let currencyType = parameters.string("currency_type") ?? "crypto"
        var invoice = CryptoPayInvoiceRecord(
            invoiceID: nextInvoiceID, hash: "IV\(nextInvoiceID)", currencyType: currencyType, amount: "", status: "active",
            botInvoiceURL: "\(baseURL)/cryptopay/invoice/\(nextInvoiceID)", createdAt: Self.timestamp(Date()))
        switch currencyType {
        case "fiat":
            guard let fiat = parameters.string("fiat")?.uppercased(), Self.fiatCurrencies.contains(fiat) else { throw .init("FIAT_INVALID") }
            invoice.fiat = fiat
            invoice.acceptedAssets = parameters.string("accepted_assets").map { $0.split(separator: ",").map { String($0).uppercased() } }
        case "crypto":
            guard let asset = parameters.string("asset")?.uppercased(), !asset.isEmpty else { throw .init("ASSET_INVALID") }
            invoice.asset = asset
        default:
            throw .init("CURRENCY_TYPE_INVALID")
        }
        guard let amount = parameters.string("amount"), let value = Decimal(string: amount), value > 0 else { throw .init("AMOUNT_INVALID") }
        invoice.amount = amount
        let payload = parameters.string("payload")
        guard (payload?.utf8.count ?? 0) <= 4096 else { throw .init("PAYLOAD_TOO_LONG") }
        invoice.payload = payload
        invoice.description = parameters.string("description")
        if let text = parameters.string("expires_in") {
            guard let seconds = Int(text), (1...2_678_400).contains(seconds) else { throw .init("EXPIRES_IN_INVALID") }
            let expiry = Date() + TimeInterval(seconds)
            expiries[invoice.invoiceID] = expiry
            invoice.expirationDate = Self.timestamp(expiry)
        }
        invoices[invoice.invoiceID] = invoice
        nextInvoiceID += 1
        return invoice
    }

    /// `getInvoices`: by ids, by status, paged.
    func getInvoices(_ parameters: MethodParameters) throws(CryptoPayStandInError) -> [CryptoPayInvoiceRecord] {
        var found = allInvoices
        if let ids = parameters.string("invoice_ids") {
            let wanted = Set(ids.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) })
            found = found.filter { wanted.contains($0.invoiceID) }
        }
        if let status = parameters.string("status") { found = found.filter { $0.status == status } }
        let offset = Int(parameters.string("offset") ?? "") ?? 0
        let count = Int(parameters.string("count") ?? "") ?? 100
        guard offset >= 0, (1...1000).contains(count) else { throw .init("COUNT_INVALID") }
        return Array(found.dropFirst(offset).prefix(count))
    }

    // MARK: Paying

    /// Pays an active invoice and sends its webhook as `webhook` says.
    @discardableResult
    public func pay(_ id: Int64, webhook: Webhook = .normal) throws(CryptoPayStandInError) -> CryptoPayInvoiceRecord {
        guard var invoice = invoice(id) else { throw .init("INVOICE_NOT_FOUND") }
        guard invoice.status == "active" else { throw .init(invoice.status == "paid" ? "INVOICE_ALREADY_PAID" : "INVOICE_EXPIRED") }
        invoice.status = "paid"
        invoice.paidAt = Self.timestamp(Date())
        invoices[id] = invoice
        switch webhook {
        case .normal: sendWebhook(for: invoice, signedWith: token)
        case .none: break
        case .twice:
            sendWebhook(for: invoice, signedWith: token)
            sendWebhook(for: invoice, signedWith: token)
        case .badSignature: sendWebhook(for: invoice, signedWith: token + "-forged")
        }
        return invoice
    }

    /// Sends a paid invoice's webhook (again, or late).
    public func resendWebhook(_ id: Int64) throws(CryptoPayStandInError) {
        guard let invoice = invoice(id), invoice.status == "paid" else { throw .init("INVOICE_NOT_PAID") }
        sendWebhook(for: invoice, signedWith: token)
    }

    private func sendWebhook(for invoice: CryptoPayInvoiceRecord, signedWith key: String) {
        guard let webhookURL else { return }
        struct Update: Encodable {
            let updateID: Int64
            let updateType = "invoice_paid"
            let requestDate: String
            let payload: CryptoPayInvoiceRecord

            enum CodingKeys: String, CodingKey {
                case updateID = "update_id"
                case updateType = "update_type"
                case requestDate = "request_date"
                case payload
            }
        }
        let body = (try? JSONEncoder().encode(Update(updateID: nextUpdateID, requestDate: Self.timestamp(Date()), payload: invoice))) ?? Data()
        nextUpdateID += 1
        pending.append(Delivery(url: webhookURL, body: body, signature: Self.signature(of: body, token: key)))
        waiter?.resume()
        waiter = nil
    }

    /// The next webhook call to make; waits for one. Nil once the task is cancelled.
    func nextDelivery() async -> Delivery? {
        while pending.isEmpty {
            guard !Task.isCancelled else { return nil }
            await withTaskCancellationHandler {
                await withCheckedContinuation { waiter = $0 }
            } onCancel: {
                Task { await self.wakeDelivery() }
            }
        }
        return pending.removeFirst()
    }

    func webhookAnswered() {
        answeredWebhooks += 1
    }

    private func wakeDelivery() {
        waiter?.resume()
        waiter = nil
    }

    /// Crypto Pay's signature: the hex HMAC-SHA-256 of the body, keyed with the SHA-256 of the token.
    public static func signature(of body: Data, token: String) -> String {
        let key = SymmetricKey(data: SHA256.hash(data: Data(token.utf8)))
        return HMAC<SHA256>.authenticationCode(for: body, using: key).map { String(format: "%02x", $0) }.joined()
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// A refusal as Crypto Pay names it (`AMOUNT_INVALID`).
public struct CryptoPayStandInError: Error, Equatable, Sendable {
    public var name: String

    init(_ name: String) {
        self.name = name
    }
}
