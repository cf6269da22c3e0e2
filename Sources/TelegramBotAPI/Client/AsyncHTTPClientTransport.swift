import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Sends Bot API requests over one shared AsyncHTTPClient, which keeps connections alive between calls.
///
/// Works the same against api.telegram.org, a local Bot API server and the sandbox: only
/// `baseURL` changes.
public struct AsyncHTTPClientTransport: BotTransport {
    private let httpClient: HTTPClient
    private let baseURL: String
    private let token: BotToken
    private let maxResponseBytes: Int

    /// - Parameters:
    ///   - httpClient: shared and shut down by the caller.
    ///   - baseURL: such as `https://api.telegram.org` (a trailing slash is ignored).
    ///   - maxResponseBytes: larger answers are refused; Telegram's own download limit is 20 MB.
    public init(httpClient: HTTPClient, baseURL: String, token: BotToken, maxResponseBytes: Int = 32 << 20) {
        self.httpClient = httpClient
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: BotRequest) async throws -> BotResponse {
        var http = HTTPClientRequest(url: "\(baseURL)/bot\(token.value)/\(request.method)")
        http.method = .POST
        http.headers.add(name: "Content-Type", value: request.contentType)
        http.body = .bytes(request.body)
        return try await execute(http, method: request.method, timeout: request.timeout)
    }

    public func download(filePath: String, timeout: Duration) async throws -> ByteBuffer {
        let http = HTTPClientRequest(url: "\(baseURL)/file/bot\(token.value)/\(filePath)")
        let response = try await execute(http, method: "downloadFile", timeout: timeout)
        guard response.status == 200 else {
            throw BotAPIError(method: "downloadFile", errorCode: response.status, description: "the file could not be downloaded", parameters: nil)
        }
        return response.body
    }

    private func execute(_ request: HTTPClientRequest, method: String, timeout: Duration) async throws -> BotResponse {
        do {
            let (seconds, attoseconds) = timeout.components
            let deadline = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            let response = try await httpClient.execute(request, timeout: deadline)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return BotResponse(status: Int(response.status.code), body: body)
        } catch let error as BotAPIError {
            throw error
        } catch {
            try Task.checkCancellation()
            // AsyncHTTPClient's errors can quote the request URL, which holds the token.
            throw BotAPIError(method: method, code: .network, description: token.redact(String(describing: error)))
        }
    }
}
