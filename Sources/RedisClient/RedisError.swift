/// What went wrong talking to Redis.
public enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    /// Redis answered with an error reply.
    case reply(String)
    /// No connection: Redis is down or unreachable, or was recently and the client is waiting
    /// before trying again.
    case unavailable(String)
    /// A command took longer than the configured timeout; the connection was closed.
    case timeout
    /// A reply of a shape the command never returns.
    case unexpectedReply(String)

    public var description: String {
        switch self {
        case .invalidURL(let reason): "invalid REDIS_URL: \(reason)"
        case .reply(let message): "Redis answered: \(message)"
        case .unavailable(let reason): "Redis is unavailable: \(reason)"
        case .timeout: "Redis did not answer in time"
        case .unexpectedReply(let reply): "unexpected Redis reply: \(reply)"
        }
    }
}
