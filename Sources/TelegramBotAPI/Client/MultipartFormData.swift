import NIOCore

/// A multipart/form-data body: plain fields and file parts, as Telegram expects uploads.
struct MultipartFormData {
    let boundary: String
    private(set) var body = ByteBuffer()

    init(boundary: String = "QuantumPanel-\(UInt64.random(in: 0...UInt64.max))") {
        self.boundary = boundary
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func append(field name: String, value: String) {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n")
        body.writeString(value)
        body.writeString("\r\n")
    }

    mutating func append(file name: String, upload: FileUpload) {
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(upload.filename))\"\r\n")
        body.writeString("Content-Type: \(upload.contentType)\r\n\r\n")
        body.writeBytes(upload.bytes)
        body.writeString("\r\n")
    }

    /// Closes the body; nothing may be appended after.
    mutating func finish() -> ByteBuffer {
        body.writeString("--\(boundary)--\r\n")
        return body
    }

    // Quotes and line breaks would end the header early.
    private static func quoted(_ text: String) -> String {
        String(text.map { $0 == "\"" || $0 == "\r" || $0 == "\n" ? "_" : $0 })
    }
}
