/// Parses text sent with `parse_mode=HTML` as Telegram does: only its tags, properly nested,
/// with `<`, `>` and `&` escaped everywhere else. Gives the plain text a user sees and its
/// entities. The sandbox answers by it; the bot checks what an admin types with it before sending.
public struct TelegramHTML: Sendable {
    public let text: String
    public let entities: [MessageEntity]

    /// Why Telegram would refuse the text; `description` is Telegram's, after "Bad Request: ".
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String
    }

    private static let entityTypes: [String: String] = [
        "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "ins": "underline",
        "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough", "tg-spoiler": "spoiler",
        "a": "text_link", "code": "code", "pre": "pre", "blockquote": "blockquote", "tg-emoji": "custom_emoji",
        "span": "spoiler",
    ]
    private static let namedEntities: [String: String] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\""]

    private struct OpenTag {
        var name: String
        var entity: MessageEntity
    }

    /// - Throws: ``ParseError`` `can't parse entities: …` for anything Telegram refuses.
    public init(parsing html: String) throws(ParseError) {
        let scalars = Array(html.unicodeScalars)
        var plain = String.UnicodeScalarView()
        var utf16Length: Int64 = 0
        var byteOffset = 0
        var open: [OpenTag] = []
        var entities: [MessageEntity] = []
        var index = 0

        func fail(_ reason: String) -> ParseError {
            ParseError(description: "can't parse entities: \(reason)")
        }
        func append(_ scalar: Unicode.Scalar) {
            plain.append(scalar)
            utf16Length += Int64(UTF16.width(scalar))
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let start = byteOffset
            switch scalar {
            case "<":
                guard let close = scalars[index...].firstIndex(of: ">") else {
                    throw fail("Unclosed start tag at byte offset \(start)")
                }
                let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                if inside.hasPrefix("/") {
                    let name = inside.dropFirst().trimmingSpaces().lowercased()
                    guard let last = open.popLast() else {
                        throw fail("Unexpected end tag at byte offset \(start)")
                    }
                    guard last.name == name else {
                        throw fail("Can't find end tag corresponding to start tag \"\(last.name)\"")
                    }
                    var entity = last.entity
                    entity.length = utf16Length - entity.offset
                    if entity.length > 0 { entities.append(entity) }
                } else {
                    open.append(OpenTag(name: Self.tagName(inside), entity: try Self.entity(forTag: inside, at: utf16Length, byteOffset: start)))
                }
                for skipped in scalars[index...close] { byteOffset += UTF8.width(skipped) }
                index = close + 1
                continue
            case ">":
                throw fail("Character '>' is reserved and must be escaped with &gt; at byte offset \(start)")
            case "&":
                guard let semicolon = scalars[index...].prefix(12).firstIndex(of: ";"),
                    let decoded = Self.decodeEntity(String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon])))
                else {
                    throw fail("Character '&' is reserved and must be escaped with &amp; at byte offset \(start)")
                }
                append(decoded)
                for skipped in scalars[index...semicolon] { byteOffset += UTF8.width(skipped) }
                index = semicolon + 1
                continue
            default:
                append(scalar)
            }
            byteOffset += UTF8.width(scalar)
            index += 1
        }
        if let unclosed = open.last {
            throw fail("Can't find end tag corresponding to start tag \"\(unclosed.name)\"")
        }
        self.text = String(plain)
        self.entities = entities.sorted { ($0.offset, -$0.length) < ($1.offset, -$1.length) }
    }

    private static func tagName(_ inside: String) -> String {
        String(inside.prefix { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "/" }).lowercased()
    }

    private static func entity(forTag inside: String, at offset: Int64, byteOffset: Int) throws(ParseError) -> MessageEntity {
        let name = tagName(inside)
        let attributes = inside.dropFirst(name.count).trimmingSpaces()
        guard let type = entityTypes[name] else {
            throw ParseError(description: "can't parse entities: Unsupported start tag \"\(name)\" at byte offset \(byteOffset)")
        }
        var entity = MessageEntity(type: type, offset: offset, length: 0)
        switch name {
        case "a":
            guard let url = attribute("href", in: attributes), !url.isEmpty else {
                throw ParseError(description: "can't parse entities: Can't find href attribute of the tag \"a\" at byte offset \(byteOffset)")
            }
            entity.url = url
        case "span":
            guard attribute("class", in: attributes) == "tg-spoiler" else {
                throw ParseError(description: "can't parse entities: Tag \"span\" must have class \"tg-spoiler\" at byte offset \(byteOffset)")
            }
        case "tg-emoji":
            guard let id = attribute("emoji-id", in: attributes) else {
                throw ParseError(
                    description: "can't parse entities: Can't find emoji-id attribute of the tag \"tg-emoji\" at byte offset \(byteOffset)")
            }
            entity.customEmojiID = id
        case "code":
            if let language = attribute("class", in: attributes), language.hasPrefix("language-") {
                entity.language = String(language.dropFirst("language-".count))
            }
        case "blockquote":
            if attributes.hasPrefix("expandable") { entity.type = "expandable_blockquote" }
        default:
            guard attributes.isEmpty else {
                throw ParseError(description: "can't parse entities: Unexpected attribute in the tag \"\(name)\" at byte offset \(byteOffset)")
            }
        }
        return entity
    }

    /// The value of `name="…"` (or single-quoted) in a tag's attributes.
    private static func attribute(_ name: String, in attributes: Substring) -> String? {
        for quote in ["\"", "'"] {
            if let range = attributes.firstRange(of: "\(name)=\(quote)") {
                let rest = attributes[range.upperBound...]
                if let end = rest.firstIndex(of: Character(quote)) { return decodeEntities(String(rest[..<end])) }
            }
        }
        return nil
    }

    private static func decodeEntity(_ body: String) -> Unicode.Scalar? {
        if let named = namedEntities[body] { return named.unicodeScalars.first }
        if body.hasPrefix("#x") || body.hasPrefix("#X") { return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
        if body.hasPrefix("#") { return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init) }
        return nil
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (name, value) in namedEntities { result = result.replacing("&\(name);", with: value) }
        return result
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return Substring(self[first...last])
    }
}
