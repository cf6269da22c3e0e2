import AsyncHTTPClient
import Foundation
import Marketplace
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Crypto Pay's API (help.crypt.bot/crypto-pay-api) as a ``TopUpProvider``: fiat invoices in
/// the shop's currency, payable in the assets the settings accept.
struct CryptoPayClient: TopUpProvider {
    let httpClient: HTTPClient
    let settings: CryptoPaySettings
    let currency: Currency
    /// How long one call may take.
    var timeout: TimeAmount = .seconds(15)

    var id: TopUpProviderID { .cryptoPay }

    func createInvoice(for topUp: TopUpRecord, wording: InvoiceWording, expiresIn: Duration) async throws -> IssuedInvoice {
        struct Parameters: Encodable {
            var currencyType = "fiat"
            let fiat: String
            let amount: String
            let acceptedAssets: String
            let description: String
            let payload: String
            let expiresIn: Int64
        }
        let parameters = Parameters(
            fiat: currency.code, amount: topUp.amount.amount, acceptedAssets: settings.assets.joined(separator: ","),
            description: String(wording.description.prefix(1024)), payload: InvoicePayload.text(topUpID: topUp.id),
            expiresIn: expiresIn.components.seconds)
        let invoice: CryptoPayInvoice = try await call("createInvoice", parameters)
        return .page(invoiceID: String(invoice.invoiceID), payURL: invoice.botInvoiceURL)
    }

    func invoices(_ ids: [String]) async throws -> [ProviderInvoice] {
        struct Parameters: Encodable {
            let invoiceIds: String
            let count: Int
        }
        struct Items: Decodable { let items: [CryptoPayInvoice] }
        var found: [ProviderInvoice] = []
        // Crypto Pay answers up to 1000 invoices a call.
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let page = Array(ids[start..<min(start + 1000, ids.count)])
            let items: Items = try await call("getInvoices", Parameters(invoiceIds: page.joined(separator: ","), count: page.count))
            found += items.items.map { $0.provided(in: currency) }
        }
        return found
    }

    /// Checks the token: Crypto Pay's `getMe`, the app's name.
    func appName() async throws -> String {
        struct App: Decodable { let name: String }
        struct NoParameters: Encodable {}
        let app: App = try await call("getMe", NoParameters())
        return app.name
    }

    private func call<Result: Decodable>(_ method: String, _ parameters: some Encodable) async throws -> Result {
        let base = settings.apiURL.hasSuffix("/") ? String(settings.apiURL.dropLast()) : settings.apiURL
        var request = HTTPClientRequest(url: "\(base)/api/\(method)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Crypto-Pay-API-Token", value: settings.token)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        request.body = .bytes(ByteBuffer(data: try encoder.encode(parameters)))
        let status: UInt
        let body: ByteBuffer
        do {
            let response = try await httpClient.execute(request, timeout: timeout)
            status = response.status.code
            body = try await response.body.collect(upTo: 8 << 20)
        } catch {
            try Task.checkCancellation()
            throw TopUpProviderError.unreachable(provider: id, reason: "\(method): \(error)")
        }
        guard status < 500 else { throw TopUpProviderError.unreachable(provider: id, reason: "\(method): HTTP \(status)") }
        guard let answer = try? JSONDecoder().decode(CryptoPayAnswer<Result>.self, from: body) else {
            throw TopUpProviderError.unreadable(provider: id, reason: "\(method): HTTP \(status), not an API answer")
        }
        guard answer.ok, let result = answer.result else {
            let name = answer.error?.name ?? "HTTP \(status)"
            throw TopUpProviderError.refused(provider: id, reason: "\(method): \(name)")
        }
        return result
    }
}

/// Every answer of Crypto Pay's API: `ok` with the `result`, or the `error` that refused it.
private struct CryptoPayAnswer<Result: Decodable>: Decodable {
    struct Failure: Decodable {
        let code: Int?
        let name: String?
    }

    let ok: Bool
    let result: Result?
    let error: Failure?
}
