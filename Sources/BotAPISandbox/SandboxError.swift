/// A refusal the sandbox answers with Telegram's envelope: `{"ok":false,"error_code":…,"description":…}`.
public struct SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    public let description: String
    public let retryAfter: Int?

    public init(code: Int, description: String, retryAfter: Int? = nil) {
        self.code = code
        self.description = description
        self.retryAfter = retryAfter
    }

    static func badRequest(_ description: String) -> SandboxError { SandboxError(code: 400, description: description) }
    static let unauthorized = SandboxError(code: 401, description: "Unauthorized")
    static let blocked = SandboxError(code: 403, description: "Forbidden: bot was blocked by the user")
    static let notFound = SandboxError(code: 404, description: "Not Found")
    static func tooManyRequests(retryAfter: Int) -> SandboxError {
        SandboxError(code: 429, description: "Too Many Requests: retry after \(retryAfter)", retryAfter: retryAfter)
    }
}
