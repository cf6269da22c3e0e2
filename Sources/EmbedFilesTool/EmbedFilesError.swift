/// Why EmbedFilesTool wrote nothing; the build shows the message.
struct EmbedFilesError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = "EmbedFilesTool: \(description)" }
}
