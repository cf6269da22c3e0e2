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
    /// decoded. Only for the well-formed HTML our templates build.
    static func visibleLength(_ html: String) -> Int {
        var count = 0
        var inTag = false
        var inEntity = false
        for character in html {
            switch character {
            case "<" where !inEntity: inTag = true
            case ">" where inTag: inTag = false
            case "&" where !inTag:
                inEntity = true
                count += 1
            case ";" where inEntity: inEntity = false
            default:
                if !inTag && !inEntity { count += 1 }
            }
        }
        return count
    }

    /// `text` cut to at most `limit` characters, ending with an ellipsis when cut.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        guard limit > 1 else { return limit == 1 ? "…" : "" }
        return text.prefix(limit - 1).trimmingCharacters(in: .whitespacesAndNewlines) + "…"
    }
}
