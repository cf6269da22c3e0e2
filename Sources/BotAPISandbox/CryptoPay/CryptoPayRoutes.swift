import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// The Crypto Pay stand-in over HTTP:
/// - `/cryptopay/api/{method}`: the API the bot calls (`getMe`, `createInvoice`, `getInvoices`),
///   with `Crypto-Pay-API-Token`, answered `{"ok":true,"result":…}` or `{"ok":false,"error":…}`;
/// - `/cryptopay/invoice/{id}`: the page a customer pays on, with a Pay button;
/// - `/sandbox/cryptopay/…`: the control API (pay without or with a twice-sent, forged or late
///   webhook, set the webhook URL, take the API down).
struct CryptoPayRoutes {
    let standIn: CryptoPayStandIn

    func add(to router: Router<BasicRequestContext>) {
        for method in [HTTPRequest.Method.get, .post] {
            router.on("cryptopay/api/{method}", method: method) { request, context in
                try await answer(request, method: context.parameters.get("method") ?? "")
            }
        }
        router.get("cryptopay/invoice/{id}") { _, context in
            guard let invoice = await standIn.invoice(try Self.invoiceID(context)) else { return Response(status: .notFound) }
            return Self.page(Self.invoicePage(invoice))
        }
        router.post("cryptopay/invoice/{id}/pay") { _, context in
            let id = try Self.invoiceID(context)
            do {
                try await standIn.pay(id)
                return Self.page("<h1>Paid</h1><p>Invoice \(id) is paid. Go back to the chat: the bot credits it at once.</p>")
            } catch let error as CryptoPayStandInError {
                return Self.page("<h1>Not paid</h1><p>\(error.name)</p>")
            }
        }
        let control = router.group("sandbox/cryptopay")
        control.get("invoices") { _, _ in Self.json(ok: await standIn.allInvoices) }
        control.post("invoices/{id}/pay") { request, context in
            let body = try await Self.parameters(request)
            let webhook = CryptoPayStandIn.Webhook(rawValue: body.string("webhook") ?? "normal") ?? .normal
            let id = try Self.invoiceID(context)
            do {
                return Self.json(ok: try await standIn.pay(id, webhook: webhook))
            } catch let error as CryptoPayStandInError {
                return Self.json(error: error.name, status: .badRequest)
            }
        }
        control.post("invoices/{id}/webhook") { _, context in
            let id = try Self.invoiceID(context)
            do {
                try await standIn.resendWebhook(id)
                return Self.json(ok: true)
            } catch let error as CryptoPayStandInError {
                return Self.json(error: error.name, status: .badRequest)
            }
        }
        control.post("webhook") { request, _ in
            await standIn.setWebhookURL(try await Self.parameters(request).string("url"))
            return Self.json(ok: true)
        }
        control.post("down") { request, _ in
            await standIn.setDown(try await Self.parameters(request).bool("down") ?? true)
            return Self.json(ok: true)
        }
    }

    private func answer(_ request: Request, method: String) async throws -> Response {
        guard request.headers[HTTPField.Name("Crypto-Pay-API-Token")!] == standIn.token else {
            return Self.json(error: "UNAUTHORIZED", status: .unauthorized)
        }
        guard !(await standIn.isDown) else { return Self.json(error: "SERVICE_UNAVAILABLE", status: .serviceUnavailable) }
        let parameters = try await Self.parameters(request)
        do {
            switch method {
            case "getMe":
                return Self.json(ok: ["app_id": "1000", "name": "Sandbox Shop", "payment_processing_bot_username": "CryptoBot"])
            case "createInvoice":
                return Self.json(ok: try await standIn.createInvoice(parameters))
            case "getInvoices":
                return Self.json(ok: ["items": try await standIn.getInvoices(parameters)])
            default:
                return Self.json(error: "METHOD_NOT_FOUND", status: .notFound)
            }
        } catch {
            return Self.json(error: error.name, status: .badRequest)
        }
    }

    private static func parameters(_ request: Request) async throws -> MethodParameters {
        let body = try await request.body.collect(upTo: 1 << 20)
        return try MethodParameters.parse(contentType: request.headers[.contentType] ?? "", body: Array(buffer: body), query: request.uri.query)
    }

    private static func invoiceID(_ context: BasicRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw HTTPError(.badRequest) }
        return id
    }

    /// Crypto Pay's envelope for a result is the Bot API's.
    private static func json(ok result: some Encodable) -> Response {
        BotAPIRoutes.response(ok: result)
    }

    private static func json(error name: String, status: HTTPResponse.Status) -> Response {
        let data = Data(#"{"ok":false,"error":{"code":\#(status.code),"name":"\#(name)"}}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    private static func page(_ body: String) -> Response {
        let html = """
            <!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Crypto Pay (sandbox)</title><style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}
            button{font-size:1.1rem;padding:.6rem 1.4rem}</style></head><body>\(body)</body></html>
            """
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    private static func invoicePage(_ invoice: CryptoPayInvoiceRecord) -> String {
        let amount = "\(invoice.amount) \(invoice.fiat ?? invoice.asset ?? "")"
        let assets = invoice.acceptedAssets?.joined(separator: ", ") ?? invoice.asset ?? ""
        let action =
            invoice.status == "active"
            ? "<form method=\"post\" action=\"/cryptopay/invoice/\(invoice.invoiceID)/pay\"><button>Pay \(escape(amount))</button></form>"
            : "<p>This invoice is <b>\(escape(invoice.status))</b>.</p>"
        return """
            <h1>💎 Crypto Pay</h1><p>A stand-in for @CryptoBot: no real money moves.</p>
            <p>Invoice \(invoice.invoiceID): <b>\(escape(amount))</b>, payable in \(escape(assets)).</p>
            <p>\(escape(invoice.description ?? ""))</p>\(action)
            """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
