/// The result of an edit: the edited message, or `true` when the message was sent in inline mode.
public enum MessageOrTrue: Hashable, Sendable, Decodable {
    case message(Message)
    case `true`

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            guard flag else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a Message or true, got false")
            }
            self = .true
        } else {
            self = .message(try container.decode(Message.self))
        }
    }
}
