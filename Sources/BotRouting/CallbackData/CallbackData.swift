/// Typed data for an inline button: a short prefix and fields, packed into Telegram's 64 bytes.
///
/// ```swift
/// struct BuyCallback: CallbackData {
///     static let prefix = "buy"
///     var productID: Int64
///     var priceID: Int64
/// }
/// let data = try BuyCallback(productID: 7, priceID: 3).pack()        // "buy:7:3"
/// router.callbackQuery(BuyCallback.self) { buy, query, context in … }
/// ```
///
/// Fields pack in declaration order, separated by `:`. Supported: strings, integers, Booleans,
/// `RawRepresentable` enums of those, and optionals of them (nil packs as an empty field).
public protocol CallbackData: Codable, Sendable {
    /// Identifies the shape; must be unique among a bot's callback data and contain no `:`.
    static var prefix: String { get }
}

/// Why callback data could not be packed or unpacked.
public enum CallbackDataError: Error, Equatable, Sendable {
    /// The packed text is over Telegram's 64-byte limit: a programming error to catch in tests.
    case tooLong(bytes: Int)
    /// The text belongs to another prefix.
    case foreignPrefix
    /// The text has the prefix but not the fields the type expects.
    case malformed
    /// The type has a field kind packing does not support (a nested struct, a Double…).
    case unsupportedField(String)
}

extension CallbackData {
    /// Telegram's limit on `callback_data`.
    public static var maximumBytes: Int { 64 }

    /// The text to put in `InlineKeyboardButton.callbackData`.
    /// - Throws: ``CallbackDataError/tooLong(bytes:)`` past 64 bytes.
    public func pack() throws(CallbackDataError) -> String {
        let encoder = CallbackFieldEncoder()
        do {
            try encode(to: encoder)
        } catch let error as CallbackDataError {
            throw error
        } catch {
            throw .unsupportedField("\(error)")
        }
        let packed = ([Self.prefix] + encoder.fields.values.map(CallbackFieldEncoder.escape)).joined(separator: ":")
        guard packed.utf8.count <= Self.maximumBytes else { throw .tooLong(bytes: packed.utf8.count) }
        return packed
    }

    /// Reads packed text back; anything malformed, foreign or forged throws, never traps.
    public static func unpack(_ data: String) throws(CallbackDataError) -> Self {
        var parts = data.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.first == prefix else { throw .foreignPrefix }
        parts.removeFirst()
        let decoder = CallbackFieldDecoder(fields: parts.map(CallbackFieldEncoder.unescape))
        let value: Self
        do {
            value = try Self(from: decoder)
        } catch {
            throw .malformed
        }
        guard decoder.cursor.isAtEnd else { throw .malformed }
        return value
    }

    /// Unpacks, or nil for anything that isn't this type's data.
    public static func match(_ data: String?) -> Self? {
        guard let data else { return nil }
        return try? unpack(data)
    }
}
