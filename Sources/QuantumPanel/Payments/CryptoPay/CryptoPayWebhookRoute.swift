import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Marketplace
import NIOCore
import NIOFoundationCompat

/// `POST CRYPTO_PAY_WEBHOOK_PATH`: Crypto Pay telling the shop an invoice was paid.
///
/// - The signature is checked on the raw body before anything is parsed: a missing or wrong one
///   is 401 and changes nothing.
/// - `update_type` other than `invoice_paid`: 200, ignored.
/// - A paid invoice is settled (``TopUpPayments``): checked against the stored top-up, credited
///   once in one transaction before the 200. One the shop didn't make, or with another amount:
///   200 and a warning, nothing changed (Crypto Pay would only send it again).
/// - The database away: 503, and Crypto Pay sends it again later.
struct CryptoPayWebhookRoute: Sendable {
    /// Crypto Pay's updates are a few kilobytes.
    static let maximumBody = 1 << 16

    let path: String
    let signature: CryptoPaySignature
    let payments: TopUpPayments
    let currency: Currency
    let logger: Logger

    func add(to router: Hummingbird.Router<BasicRequestContext>) {
        router.post(RouterPath(path)) { request, _ in
            let body = try? await request.body.collect(upTo: Self.maximumBody)
            return Response(status: await answer(signature: request.headers[HTTPField.Name(CryptoPaySignature.header)!], body: body))
        }
    }

    func answer(signature given: String?, body: ByteBuffer?) async -> HTTPResponse.Status {
        guard let body, signature.isValid(given, for: body.readableBytesView) else {
            logger.warning("Crypto Pay webhook refused: wrong or missing signature")
            return .unauthorized
        }
        struct Update: Decodable {
            let updateType: String
            let payload: CryptoPayInvoice?

            enum CodingKeys: String, CodingKey {
                case updateType = "update_type"
                case payload
            }
        }
        guard let update = try? JSONDecoder().decode(Update.self, from: body) else {
            logger.error("Crypto Pay webhook is signed but unreadable; answered 200 so it is not sent again")
            return .ok
        }
        guard update.updateType == "invoice_paid", let invoice = update.payload else { return .ok }
        do {
            let settlement = try await payments.settle(invoice.provided(in: currency), from: .cryptoPay)
            if case .notOurs(let reason) = settlement {
                logger.warning("Crypto Pay webhook for a payment that matches no top-up; ignored", metadata: ["reason": "\(reason)"])
            }
            return .ok
        } catch {
            logger.error(
                "Could not settle a Crypto Pay payment; Crypto Pay will send it again",
                metadata: ["invoice.id": "\(invoice.invoiceID)", "error": "\(DatabaseFailure.describe(error))"])
            return .serviceUnavailable
        }
    }
}
