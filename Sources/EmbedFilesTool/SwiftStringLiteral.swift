/// Writes any text as a Swift string literal that the compiler reads back as exactly that text.
enum SwiftStringLiteral {
    /// A multi-line raw literal, so the file reads as itself. Its `#` delimiter is longer than any
    /// run of `#` after a `"` or `\` in the text, so nothing in the text ends it or is an escape;
    /// characters a literal can't hold as they are (controls but tab and newline, and carriage
    /// returns, which a multi-line literal would turn into newlines) are written as escapes.
    static func multilineRaw(_ text: String) -> String {
        let delimiter = String(repeating: "#", count: longestHashRunAfterQuoteOrBackslash(in: text) + 1)
        var body = ""
        for scalar in text.unicodeScalars {
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F {
                body += "\\\(delimiter)u{\(String(scalar.value, radix: 16))}"
            } else {
                body.unicodeScalars.append(scalar)
            }
        }
        // The closing delimiter at the start of its line strips no indentation, and the newline
        // before it is not part of the text.
        return "\(delimiter)\"\"\"\n\(body)\n\"\"\"\(delimiter)"
    }

    static func longestHashRunAfterQuoteOrBackslash(in text: String) -> Int {
        var longest = 0
        var run: Int?
        for scalar in text.unicodeScalars {
            if scalar == "#", let current = run {
                run = current + 1
                longest = max(longest, current + 1)
            } else {
                run = scalar == "\"" || scalar == "\\" ? 0 : nil
            }
        }
        return longest
    }
}
