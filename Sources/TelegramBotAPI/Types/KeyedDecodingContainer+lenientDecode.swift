extension KeyedDecodingContainer {
    /// Decodes an optional field, reading a missing or malformed value as nil.
    ///
    /// Telegram adds fields and changes their shapes over time; one odd optional field must not
    /// cost the bot the whole update (DESIGN.md, "One bad update never blocks the others").
    func lenientDecode<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}
