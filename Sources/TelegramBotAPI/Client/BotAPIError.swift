/// A Bot API call that failed: Telegram said no, the answer was unreadable, or the network failed.
///
/// Match on ``code`` (`error.code == .botBlocked`); ``errorCode``, ``errorDescription`` and
/// ``parameters`` are what Telegram answered. The description names the method, never the URL,
/// because the URL holds the token.
public struct BotAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case badRequest, messageNotModified, unauthorized, forbidden, botBlocked, notFound, conflict
            case tooManyRequests, serverError, network, invalidResponse, invalidRequest
        }

        private let value: Value

        /// 400: the request was wrong; retrying the same request gives the same answer.
        public static let badRequest = Code(value: .badRequest)
        /// 400 "message is not modified": an edit to what the message already says. Pressing the
        /// same button twice does this; it is not a failure to report.
        public static let messageNotModified = Code(value: .messageNotModified)
        /// 401: the token is not valid.
        public static let unauthorized = Code(value: .unauthorized)
        /// 403 for any reason other than a block.
        public static let forbidden = Code(value: .forbidden)
        /// 403 "bot was blocked by the user": stop writing to this chat.
        public static let botBlocked = Code(value: .botBlocked)
        /// 404: unknown method (or wrong API URL).
        public static let notFound = Code(value: .notFound)
        /// 409: another instance polls with the same token, or a webhook is set.
        public static let conflict = Code(value: .conflict)
        /// 429: flood control; ``BotAPIError/retryAfter`` says how long to wait.
        public static let tooManyRequests = Code(value: .tooManyRequests)
        /// 5xx: Telegram's side failed; worth retrying.
        public static let serverError = Code(value: .serverError)
        /// No answer: connection refused or lost, time-out.
        public static let network = Code(value: .network)
        /// An answer that is not the Bot API's JSON envelope, or a result of the wrong shape.
        public static let invalidResponse = Code(value: .invalidResponse)
        /// The request could not be encoded.
        public static let invalidRequest = Code(value: .invalidRequest)

        public var description: String { "\(value)" }
    }

    /// The Bot API method that failed, such as `sendMessage`.
    public let method: String
    public let code: Code
    /// Telegram's `error_code` (an HTTP status), when Telegram answered.
    public let errorCode: Int?
    /// Telegram's `description`, or what went wrong when it did not answer.
    public let errorDescription: String
    /// Telegram's `parameters`: `retry_after` and `migrate_to_chat_id`.
    public let parameters: ResponseParameters?

    public init(method: String, code: Code, errorCode: Int? = nil, description: String, parameters: ResponseParameters? = nil) {
        self.method = method
        self.code = code
        self.errorCode = errorCode
        self.errorDescription = description
        self.parameters = parameters
    }

    /// Builds the error for an answer with `ok: false`.
    init(method: String, errorCode: Int, description: String, parameters: ResponseParameters?) {
        let code: Code =
            switch errorCode {
            case 400 where description.contains("message is not modified"): .messageNotModified
            case 400: .badRequest
            case 401: .unauthorized
            case 403 where description.lowercased().contains("bot was blocked by the user"): .botBlocked
            case 403: .forbidden
            case 404: .notFound
            case 409: .conflict
            case 429: .tooManyRequests
            case 500...599: .serverError
            default: .badRequest
            }
        self.init(method: method, code: code, errorCode: errorCode, description: description, parameters: parameters)
    }

    /// How long Telegram asked to wait before the next request (429 only).
    public var retryAfter: Duration? {
        parameters?.retryAfter.map { .seconds($0) }
    }

    /// The supergroup a group became, when Telegram answers that it migrated.
    public var migrateToChatID: Int64? {
        parameters?.migrateToChatID
    }

    public var description: String {
        if let errorCode {
            return "\(method) failed: \(errorCode) \(errorDescription)"
        }
        return "\(method) failed (\(code)): \(errorDescription)"
    }
}
