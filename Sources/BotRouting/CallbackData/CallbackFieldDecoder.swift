/// Reads a `CallbackData` value back from its fields, in declaration order.
final class CallbackFieldDecoder: Decoder {
    final class Cursor {
        var fields: [String]
        var index = 0

        init(fields: [String]) { self.fields = fields }

        var isAtEnd: Bool { index == fields.count }

        func next() throws -> String {
            guard index < fields.count else { throw CallbackDataError.malformed }
            defer { index += 1 }
            return fields[index]
        }

        func peek() -> String? {
            index < fields.count ? fields[index] : nil
        }
    }

    let cursor: Cursor
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(fields: [String]) {
        cursor = Cursor(fields: fields)
    }

    private init(cursor: Cursor) {
        self.cursor = cursor
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedFields<Key>(cursor: cursor))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw CallbackDataError.unsupportedField("array")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleField(cursor: cursor)
    }

    static func parse<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        switch type {
        case is String.Type: return text as! T
        case is Bool.Type:
            guard text == "1" || text == "0" else { throw CallbackDataError.malformed }
            return (text == "1") as! T
        case is Int.Type: return try number(Int(text))
        case is Int64.Type: return try number(Int64(text))
        case is Int32.Type: return try number(Int32(text))
        case is UInt.Type: return try number(UInt(text))
        case is UInt64.Type: return try number(UInt64(text))
        default:
            // An enum with a raw value reads its one field through a single-value container.
            return try T(from: CallbackFieldDecoder(cursor: Cursor(fields: [text])))
        }
    }

    private static func number<T, N>(_ value: N?) throws -> T {
        guard let value else { throw CallbackDataError.malformed }
        return value as! T
    }

    struct KeyedFields<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let cursor: Cursor
        var codingPath: [any CodingKey] = []
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { cursor.peek() != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard cursor.peek() == "" else { return false }
            _ = try cursor.next()
            return true
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try CallbackFieldDecoder.parse(type, cursor.next())
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw CallbackDataError.unsupportedField("nested \(key.stringValue)")
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw CallbackDataError.unsupportedField("array \(key.stringValue)")
        }
        func superDecoder() throws -> any Decoder { CallbackFieldDecoder(cursor: cursor) }
        func superDecoder(forKey key: Key) throws -> any Decoder { CallbackFieldDecoder(cursor: cursor) }
    }

    struct SingleField: SingleValueDecodingContainer {
        let cursor: Cursor
        var codingPath: [any CodingKey] = []

        func decodeNil() -> Bool { cursor.peek() == "" }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let text = try cursor.next()
            switch type {
            case is String.Type, is Bool.Type, is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type, is UInt64.Type:
                return try CallbackFieldDecoder.parse(type, text)
            default:
                throw CallbackDataError.unsupportedField("\(T.self)")
            }
        }
    }
}
