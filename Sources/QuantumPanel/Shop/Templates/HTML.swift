import Foundation

/// Telegram HTML helpers: every dynamic value passes through ``escape(_:)`` before it joins a message.
enum HTML {
    /// The text with `&`, `<`, `>` and `"` replaced by entities, so it shows as typed and can't
    /// open or close a tag.
    static func escape(_ text: String) -> String {
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
    static func visibleLength(_ html: String) -> Int {
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
    static func length(_ text: String) -> Int {
        text.utf16.count
    }

    /// `text` cut to at most `limit` UTF-16 code units, as Telegram counts, ending with an
    /// ellipsis when cut; never in the middle of a character (an emoji, a flag, an accent).
    static func truncate(_ text: String, to limit: Int) -> String {
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
