import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat
import TelegramBotAPI

/// The simulated users over HTTP and JSON, under `/sandbox/…`, for other programs and a browser.
///
/// Answers use the Bot API's envelope: `{"ok":true,"result":…}` or `{"ok":false,"error_code":…,"description":…}`.
struct ControlRoutes {
    let state: SandboxState

    func add(to router: Router<BasicRequestContext>) {
        let group = router.group("sandbox")
        group.get("users") { _, _ in BotAPIRoutes.response(ok: await state.allUsers()) }
        group.post("users") { request, _ in
            try await Self.respond {
                let body = try await Self.body(request)
                guard let firstName = body.string("first_name"), !firstName.isEmpty else { throw SandboxError.badRequest("first_name is required") }
                return await state.createUser(
                    firstName: firstName, lastName: body.string("last_name"), username: body.string("username"),
                    languageCode: body.string("language_code") ?? "en")
            }
        }
        group.post("users/{id}/text") { request, context in
            try await Self.respond {
                let body = try await Self.body(request)
                guard let text = body.string("text"), !text.isEmpty else { throw SandboxError.badRequest("text is required") }
                return try await state.userSends(try Self.userID(context), text: text)
            }
        }
        group.post("users/{id}/press") { request, context in
            try await Self.respond {
                let body = try await Self.body(request)
                let label = body.string("label")
                let data = body.string("callback_data")
                guard label != nil || data != nil else { throw SandboxError.badRequest("label or callback_data is required") }
                let id = try await state.userPresses(
                    try Self.userID(context), label: label, callbackData: data, messageID: try body.int64("message_id"))
                return ["callback_query_id": id]
            }
        }
        group.post("users/{id}/photo") { request, context in
            try await Self.respond {
                let body = try await Self.body(request)
                let bytes = try Self.fileBytes(body, "photo")
                return try await state.userSendsPhoto(try Self.userID(context), bytes: bytes, caption: body.string("caption"))
            }
        }
        group.post("users/{id}/document") { request, context in
            try await Self.respond {
                let body = try await Self.body(request)
                let bytes = try Self.fileBytes(body, "document")
                let name = body.files["document"]?.filename ?? body.string("file_name") ?? "document.txt"
                let type = body.files["document"]?.contentType ?? body.string("mime_type") ?? "text/plain"
                return try await state.userSendsDocument(
                    try Self.userID(context), bytes: bytes, fileName: name, mimeType: type, caption: body.string("caption"))
            }
        }
        group.post("users/{id}/pay") { request, context in
            try await Self.respond {
                let body = try await Self.body(request)
                guard let messageID = try body.int64("message_id") else { throw SandboxError.badRequest("message_id is required") }
                switch try await state.userPays(try Self.userID(context), invoiceMessageID: messageID) {
                case .paid(let chargeID): return ["outcome": "paid", "telegram_payment_charge_id": chargeID]
                case .declined(let message): return ["outcome": "declined", "error_message": message]
                case .timedOut: return ["outcome": "timed_out"]
                }
            }
        }
        for (path, blocked) in [("block", true), ("unblock", false)] {
            group.post("users/{id}/\(path)") { _, context in
                try await Self.respond {
                    let id = try Self.userID(context)
                    _ = try await state.user(id)
                    await state.setBlocked(id, blocked)
                    return true
                }
            }
        }
        group.get("users/{id}/transcript") { _, context in
            try await Self.respond { await state.transcript(of: try Self.userID(context)) }
        }
        group.get("users/{id}/next") { request, context in
            try await Self.respond {
                let seconds = min(60, max(0, Int(request.uri.queryParameters.get("timeout") ?? "") ?? 10))
                guard let event = await state.nextBotEvent(in: try Self.userID(context), timeout: .seconds(seconds)) else {
                    throw SandboxError(code: 408, description: "nothing from the bot within \(seconds) seconds")
                }
                return ControlEvent(event)
            }
        }
        group.get("callbacks/{id}") { _, context in
            try await Self.respond { await state.callbackAnswer(context.parameters.get("id") ?? "") }
        }
        group.get("calls") { request, _ in
            // `?limit=N`: the newest N only, for a page that shows a few after every change.
            let calls = await state.recordedCalls
            let limit = request.uri.queryParameters.get("limit").flatMap { Int($0) }.map { max(0, $0) } ?? calls.count
            return BotAPIRoutes.response(ok: Array(calls.suffix(limit)))
        }
        group.post("updates") { request, _ in
            try await Self.respond {
                let data = Data(buffer: try await request.body.collect(upTo: 1 << 20))
                guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw SandboxError.badRequest("the body must be a JSON object")
                }
                return ["update_id": try await state.enqueueRaw(json)]
            }
        }
    }

    static func respond(_ work: () async throws -> some Encodable) async throws -> Response {
        do {
            return BotAPIRoutes.response(ok: try await work())
        } catch let error as SandboxError {
            return BotAPIRoutes.response(error)
        }
    }

    /// The request's fields; a body that is a JSON object is read as JSON whatever its content
    /// type says, since `curl -d '{…}'` labels it as a form.
    private static func body(_ request: Request) async throws -> MethodParameters {
        let bytes = Array(buffer: try await request.body.collect(upTo: 32 << 20))
        let looksLikeJSON = bytes.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") } == UInt8(ascii: "{")
        let contentType = looksLikeJSON ? "application/json" : request.headers[.contentType] ?? "application/json"
        return try MethodParameters.parse(contentType: contentType, body: bytes, query: request.uri.query)
    }

    static func userID(_ context: BasicRequestContext) throws(SandboxError) -> Int64 {
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw .badRequest("the user id must be a number") }
        return id
    }

    /// A file from a multipart part, or from a `base64` field of a JSON body.
    private static func fileBytes(_ body: MethodParameters, _ name: String) throws(SandboxError) -> [UInt8] {
        if let part = body.files[name] { return part.bytes }
        if let text = body.string("base64"), let data = Data(base64Encoded: text) { return Array(data) }
        throw .badRequest("send the file as the multipart part \"\(name)\" or as base64 in \"base64\"")
    }
}

/// A ``BotEvent`` as the control API reports it.
struct ControlEvent: Encodable {
    let event: String
    let message: Message?
    let messageID: Int64?

    init(_ event: BotEvent) {
        switch event {
        case .sent(let message): (self.event, self.message, self.messageID) = ("sent", message, message.messageID)
        case .edited(let message): (self.event, self.message, self.messageID) = ("edited", message, message.messageID)
        case .deleted(let id): (self.event, self.message, self.messageID) = ("deleted", nil, id)
        }
    }

    enum CodingKeys: String, CodingKey {
        case event, message
        case messageID = "message_id"
    }
}
