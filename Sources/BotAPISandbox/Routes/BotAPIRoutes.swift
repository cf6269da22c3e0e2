import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TelegramBotAPI

/// `/bot<token>/<method>` and `/file/bot<token>/<path>`, answered as Telegram answers them.
struct BotAPIRoutes {
    let state: SandboxState
    let token: BotToken

    func add(to router: Router<BasicRequestContext>) {
        for method in [HTTPRequest.Method.get, .post] {
            router.on("bot{token}/{method}", method: method) { request, context in
                try await answer(request, context: context)
            }
        }
        router.get("file/bot{token}/**") { request, context in
            guard context.parameters.get("token") == token.value else { return Self.response(SandboxError.unauthorized) }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard let bytes = await state.fileBytes(atPath: path) else { return Self.response(SandboxError.notFound) }
            return Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    private func answer(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let receivedAt = Date().timeIntervalSince1970
        let method = context.parameters.get("method") ?? ""
        guard context.parameters.get("token") == token.value else { return Self.response(SandboxError.unauthorized) }
        guard SandboxState.knows(method) else { return Self.response(SandboxError.notFound) }

        let body = try await request.body.collect(upTo: 64 << 20)
        let response: Response
        var parametersText = "{}"
        do {
            let parameters = try MethodParameters.parse(
                contentType: request.headers[.contentType] ?? "", body: Array(buffer: body), query: request.uri.query
            )
            parametersText = parameters.jsonText
            let fault = await state.drawFault()
            if let delay = fault.delay { try await Task.sleep(for: delay) }
            if let error = fault.error { throw error }
            let result = try await state.perform(method, parameters)
            response = Self.response(ok: result)
        } catch let error as SandboxError {
            response = Self.response(error)
        }
        let elapsed = started.duration(to: .now)
        await state.record(
            RecordedCall(
                method: method, parameters: parametersText, receivedAt: receivedAt,
                duration: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                status: Int(response.status.code)
            ))
        return response
    }

    static func response(ok result: some Encodable) -> Response {
        let data = (try? JSONEncoder().encode(Success(result: result))) ?? Data(#"{"ok":true,"result":true}"#.utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func response(_ error: SandboxError) -> Response {
        let failure = Failure(
            errorCode: error.code, description: error.description, parameters: error.retryAfter.map { ResponseParameters(retryAfter: Int64($0)) })
        let data = (try? JSONEncoder().encode(failure)) ?? Data()
        return Response(
            status: .init(code: error.code), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private struct Success<Result: Encodable>: Encodable {
        let ok = true
        let result: Result
    }

    private struct Failure: Encodable {
        let ok = false
        let errorCode: Int
        let description: String
        let parameters: ResponseParameters?

        enum CodingKeys: String, CodingKey {
            case ok, description, parameters
            case errorCode = "error_code"
        }
    }
}
