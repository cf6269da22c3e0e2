import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TelegramBotAPI

/// The web chat: a page at `/` that looks and behaves like a Telegram chat with the bot, and
/// the routes it needs beside the control API.
///
/// - `GET /`, `/webchat.css`, `/webchat.js`: the page, `WebChat/webchat.*` compiled into the binary
///   (`EmbeddedFiles`, written at build time by the EmbedFiles plugin).
/// - `GET /sandbox/users/{id}/chat`: the chat as a client draws it (``ChatView``).
/// - `GET /sandbox/users/{id}/events`: the same, again on every change (server-sent events).
/// - `GET /sandbox/files/{file_id}`: a file's bytes, for photos and downloads.
/// - `GET /sandbox/commands`: the bot's commands, for the text box's suggestions.
/// - `POST /sandbox/users/{id}/share` `{"request_id", "user_ids"}`: the user picks users with a
///   reply keyboard's request_users button.
struct WebChatRoutes {
    let state: SandboxState
    /// How long an event stream stays quiet before a comment keeps the connection alive.
    static let keepAlive: Duration = .seconds(15)

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in Self.asset(EmbeddedFiles.webchatHTML, type: "text/html; charset=utf-8") }
        router.get("webchat.css") { _, _ in Self.asset(EmbeddedFiles.webchatCSS, type: "text/css; charset=utf-8") }
        router.get("webchat.js") { _, _ in Self.asset(EmbeddedFiles.webchatJS, type: "text/javascript; charset=utf-8") }
        let group = router.group("sandbox")
        group.get("users/{id}/chat") { _, context in
            try await ControlRoutes.respond { try await state.chatView(of: try ControlRoutes.userID(context)) }
        }
        group.get("users/{id}/events") { _, context in
            let userID = try ControlRoutes.userID(context)
            _ = try await state.chatView(of: userID)
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: ResponseBody { [state] writer in
                    try await Self.streamChanges(of: userID, from: state, to: &writer)
                    try await writer.finish(nil)
                }
            )
        }
        group.get("files/{file_id}") { _, context in
            guard let bytes = await state.fileBytes(context.parameters.get("file_id") ?? "") else {
                return BotAPIRoutes.response(SandboxError(code: 404, description: "Not Found: no such file"))
            }
            return Response(status: .ok, headers: [.contentType: Self.contentType(of: bytes)], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        group.get("commands") { _, _ in BotAPIRoutes.response(ok: await state.botCommands) }
        group.post("users/{id}/share") { request, context in
            try await ControlRoutes.respond {
                let body = Array(buffer: try await request.body.collect(upTo: 1 << 16))
                let parameters = try MethodParameters.parse(contentType: "application/json", body: body, query: nil)
                guard let requestID = try parameters.int64("request_id") else { throw SandboxError.badRequest("request_id is required") }
                let picked = try parameters.decode([Int64].self, "user_ids") ?? []
                return try await state.userSharesUsers(try ControlRoutes.userID(context), requestID: requestID, picked: picked)
            }
        }
    }

    /// Sends the chat, then sends it again whenever it changes, until the page goes away or the
    /// sandbox stops.
    static func streamChanges(of userID: Int64, from state: SandboxState, to writer: inout any ResponseBodyWriter) async throws {
        let encoder = JSONEncoder()
        var sent: ChatView?
        while !Task.isCancelled {
            let view = try await state.chatView(of: userID)
            if view != sent {
                let json = String(decoding: try encoder.encode(view), as: UTF8.self)
                try await writer.write(ByteBuffer(string: "event: chat\ndata: \(json)\n\n"))
                sent = view
            } else {
                try await writer.write(ByteBuffer(string: ": still here\n\n"))
            }
            guard await state.waitForChatChange(of: userID, until: .now + keepAlive) else { return }
        }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// What a file's first bytes say it is; uploads keep no type, and a browser needs one.
    static func contentType(of bytes: [UInt8]) -> String {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.starts(with: Array("<svg".utf8)) { return "image/svg+xml" }
        if bytes.starts(with: Array("%PDF".utf8)) { return "application/pdf" }
        return String(validating: bytes, as: UTF8.self) != nil ? "text/plain; charset=utf-8" : "application/octet-stream"
    }
}
