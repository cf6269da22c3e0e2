/// A chat to send to: its numeric id, or `@username` for a public channel or supergroup.
public enum ChatID: Hashable, Sendable, Codable, ExpressibleByIntegerLiteral {
    case id(Int64)
    case username(String)

    public init(integerLiteral value: Int64) {
        self = .id(value)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(Int64.self) {
            self = .id(id)
        } else {
            self = .username(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .id(let id): try container.encode(id)
        case .username(let username): try container.encode(username)
        }
    }
}
