/// Keys pasted or uploaded, kept by reference: a file is downloaded again on Confirm.
enum KeySource: Codable, Sendable, Equatable {
    case text(String)
    case file(fileID: String, name: String)
}
