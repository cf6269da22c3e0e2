/// A file to send: one Telegram already has, one it should fetch from a URL, or bytes to upload.
public enum InputFile: Hashable, Sendable, Encodable {
    /// A `file_id` from an earlier message; the recommended way to send a file again.
    case fileID(String)
    /// An HTTP URL Telegram downloads the file from.
    case url(String)
    /// Bytes sent with the request as multipart/form-data.
    case upload(FileUpload)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .fileID(let id): try container.encode(id)
        case .url(let url): try container.encode(url)
        // The bytes travel as their own multipart part; this value is replaced by it.
        case .upload(let file): try container.encode("attach://\(file.filename)")
        }
    }
}

/// A file's bytes with the name and media type its multipart part carries.
public struct FileUpload: Hashable, Sendable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String = "application/octet-stream", bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}
