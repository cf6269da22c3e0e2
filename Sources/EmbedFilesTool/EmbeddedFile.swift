import Foundation

/// One file to embed: its text and the constant of `EmbeddedFiles` that holds it.
struct EmbeddedFile {
    let url: URL
    /// See ``constantName(for:)``.
    let constantName: String
    let text: String

    init(contentsOf url: URL) throws {
        guard let text = String(validating: try Data(contentsOf: url), as: UTF8.self) else {
            throw EmbedFilesError("\(url.path) is not UTF-8 text")
        }
        self.url = url
        self.constantName = Self.constantName(for: url)
        self.text = text
    }

    /// The name's words in lower camel case and its extension in capitals, so each file type reads
    /// as an acronym: `webchat.html` is `webchatHTML`, `chat-page.css` is `chatPageCSS`.
    static func constantName(for url: URL) -> String {
        let words = url.deletingPathExtension().lastPathComponent.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let camelCase = words.enumerated().map { index, word in
            (index == 0 ? word.prefix(1).lowercased() : word.prefix(1).uppercased()) + word.dropFirst()
        }
        let name = camelCase.joined() + url.pathExtension.uppercased()
        // An identifier starts with a letter: `2fa.js` is `file2faJS`.
        return name.first?.isLowercase == true ? name : "file" + name
    }

    /// The file's name, `webchat.html`.
    var name: String { url.lastPathComponent }

    var declaration: String {
        """
            /// \(name)
            static let \(constantName) = \(SwiftStringLiteral.multilineRaw(text))
        """
    }
}
