import Foundation

/// A message in Telegram HTML, built so that a value can't open or close a tag: a literal is
/// the author's own markup, and whatever is interpolated into one is escaped (shown as typed)
/// unless it is `HTML` itself or spelled out as `\(unsafeRaw:)`.
///
/// ```swift
/// let line: HTML = "Product: <b>\(product.name)</b>"   // the name escaped
/// ```
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup, as Telegram is sent it.
    public private(set) var rendered: String

    public init(stringLiteral literal: String) {
        rendered = literal
    }

    public init(stringInterpolation: StringInterpolation) {
        rendered = stringInterpolation.rendered
    }

    /// Markup made elsewhere and trusted as it is; the name says it is not escaped.
    public init(unsafeRaw markup: String) {
        rendered = markup
    }

    /// Plain text, escaped.
    public init(text: some StringProtocol) {
        rendered = Self.escape(String(text))
    }

    public var description: String { rendered }

    /// What a reader sees, for where Telegram takes plain text only (a button's alert): the tags
    /// left out and the entities this type writes read back.
    public var plainText: String {
        var text = ""
        var inTag = false
        for character in rendered {
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            default: if !inTag { text.append(character) }
            }
        }
        return text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"").replacing("&amp;", with: "&")
    }

    public var isEmpty: Bool { rendered.isEmpty }

    /// What Telegram counts against its limits (``visibleLength(_:)``).
    public var visibleLength: Int { Self.visibleLength(rendered) }

    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var rendered = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            rendered.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            rendered += literal
        }

        public mutating func appendInterpolation(_ html: HTML) {
            rendered += html.rendered
        }

        public mutating func appendInterpolation(_ text: some StringProtocol) {
            rendered += HTML.escape(String(text))
        }

        public mutating func appendInterpolation(_ number: some BinaryInteger) {
            rendered += String(number)
        }

        public mutating func appendInterpolation(unsafeRaw markup: String) {
            rendered += markup
        }
    }

    public static func + (left: HTML, right: HTML) -> HTML {
        HTML(unsafeRaw: left.rendered + right.rendered)
    }

    public static func += (left: inout HTML, right: HTML) {
        left.rendered += right.rendered
    }
}

/// Stored as its markup: a dialog's draft may keep a name as it is shown.
extension HTML: Codable {
    public init(from decoder: any Decoder) throws {
        rendered = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rendered)
    }
}

extension Sequence where Element == HTML {
    public func joined(separator: HTML = "") -> HTML {
        HTML(unsafeRaw: map(\.rendered).joined(separator: separator.rendered))
    }
}

extension HTML {
    /// The text with `&`, `<`, `>` and `"` replaced by entities, so it shows as typed and can't
    /// open or close a tag.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// What Telegram counts against its length limits: the text with tags removed and entities
    /// decoded, in UTF-16 code units (an emoji outside the basic plane is 2, a flag 4). Only for
    /// the well-formed HTML our templates build.
    public static func visibleLength(_ html: String) -> Int {
        var count = 0
        var inTag = false
        var inEntity = false
        for character in html {
            switch character {
            case "<" where !inEntity: inTag = true
            case ">" where inTag: inTag = false
            case "&" where !inTag:
                // The entities we write (&amp; &lt; &gt; &quot;) each stand for one code unit.
                inEntity = true
                count += 1
            case ";" where inEntity: inEntity = false
            default:
                if !inTag && !inEntity { count += character.utf16.count }
            }
        }
        return count
    }

    /// Telegram's length of plain text: UTF-16 code units.
    public static func length(_ text: String) -> Int {
        text.utf16.count
    }

    /// `text` cut to at most `limit` UTF-16 code units, as Telegram counts, ending with an
    /// ellipsis when cut; never in the middle of a character (an emoji, a flag, an accent).
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        guard limit > 1 else { return limit == 1 ? "…" : "" }
        var kept = ""
        var length = 0
        for character in text {
            let size = character.utf16.count
            guard length + size <= limit - 1 else { break }
            kept.append(character)
            length += size
        }
        return kept.trimmingCharacters(in: .whitespacesAndNewlines) + "…"
    }
}
