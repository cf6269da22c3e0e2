/// A bot's token, which never shows itself in logs, errors or string interpolation.
///
/// `"\(token)"` prints `***`; only ``BotToken/value`` gives the token, for building request URLs.
public struct BotToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The token itself. Use it only where Telegram needs it, never in a message.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// Whether the token has the shape BotFather gives: `<digits>:<35 or more of A-Z a-z 0-9 _ ->`.
    public var isWellFormed: Bool {
        let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let botID = parts.first, !botID.isEmpty, botID.allSatisfy(\.isASCIIDigit) else {
            return false
        }
        let secret = parts[1]
        return secret.count >= 35 && secret.allSatisfy { $0.isURLSafeTokenCharacter }
    }

    /// The bot's id, the digits before the colon: the same number getMe answers, known without
    /// asking Telegram.
    public var botID: Int64? {
        guard isWellFormed, let digits = value.split(separator: ":").first else { return nil }
        return Int64(digits)
    }

    public var description: String { "***" }
    public var debugDescription: String { "BotToken(***)" }

    /// Replaces every occurrence of the token in `text` with `***`.
    public func redact(_ text: String) -> String {
        guard !value.isEmpty, text.contains(value) else { return text }
        return text.replacingOccurrences(of: value, with: "***")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isURLSafeTokenCharacter: Bool { isASCII && (isLetter || isNumber || self == "_" || self == "-") }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
