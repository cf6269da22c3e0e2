/// Flattens a `CallbackData` value into its fields, in declaration order.
final class CallbackFieldEncoder: Encoder {
    final class Fields {
        var values: [String] = []
    }

    let fields = Fields()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    /// `:` separates fields and `%` escapes, so both are escaped inside a field.
    static func escape(_ field: String) -> String {
        field.replacing("%", with: "%25").replacing(":", with: "%3A")
    }

    static func unescape(_ field: String) -> String {
        field.replacing("%3A", with: ":").replacing("%25", with: "%")
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedFields<Key>(fields: fields))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        FailingUnkeyed()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleField(fields: fields)
    }

    /// Encodes one nested value (an enum with a raw value) as one field.
    static func field(of value: some Encodable) throws -> String {
        let encoder = CallbackFieldEncoder()
        try value.encode(to: encoder)
        guard encoder.fields.values.count == 1 else { throw CallbackDataError.unsupportedField("\(type(of: value))") }
        return encoder.fields.values[0]
    }

    struct KeyedFields<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let fields: Fields
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws { fields.values.append("") }
        mutating func encode(_ value: Bool, forKey key: Key) throws { fields.values.append(value ? "1" : "0") }
        mutating func encode(_ value: String, forKey key: Key) throws { fields.values.append(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { fields.values.append(String(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { fields.values.append(String(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { fields.values.append(String(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { fields.values.append(String(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { fields.values.append(String(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            fields.values.append(try CallbackFieldEncoder.field(of: value))
        }
        // Synthesized Codable skips nil optionals; a fixed field order needs them as empty fields.
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOptional(value, key) }

        private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedFields<NestedKey>(fields: Fields()))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { FailingUnkeyed() }
        mutating func superEncoder() -> any Encoder { CallbackFieldEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { CallbackFieldEncoder() }
    }

    struct SingleField: SingleValueEncodingContainer {
        let fields: Fields
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws { fields.values.append("") }
        mutating func encode(_ value: Bool) throws { fields.values.append(value ? "1" : "0") }
        mutating func encode(_ value: String) throws { fields.values.append(value) }
        mutating func encode(_ value: Int) throws { fields.values.append(String(value)) }
        mutating func encode(_ value: Int64) throws { fields.values.append(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            throw CallbackDataError.unsupportedField("\(T.self)")
        }
    }

    /// Arrays and other nested shapes don't fit in 64 bytes of flat fields.
    struct FailingUnkeyed: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey] = []
        var count = 0
        mutating func encodeNil() throws { throw CallbackDataError.unsupportedField("array") }
        mutating func encode<T: Encodable>(_ value: T) throws { throw CallbackDataError.unsupportedField("array") }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedFields<NestedKey>(fields: Fields()))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { CallbackFieldEncoder() }
    }
}
