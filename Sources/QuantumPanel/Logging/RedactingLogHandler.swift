import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wraps a handler and replaces every secret in a record (message, metadata, attached error)
/// with `***` before the wrapped handler sees it.
///
/// The token is kept out of log lines by design; this is the net under that design, for the
/// places nobody thought of, such as an error description that quotes a URL.
public struct RedactingLogHandler: LogHandler {
    private var wrapped: any LogHandler
    private let secrets: [String]

    /// - Parameter secrets: strings never to be written; empty ones are ignored.
    public init(wrapping handler: any LogHandler, secrets: [String]) {
        self.wrapped = handler
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(redact(event.message.description))"
        var metadata = (wrapped.metadata).merging(event.metadata ?? [:]) { _, new in new }
        if let error = event.error {
            metadata["error"] = metadata["error"] ?? .string("\(error)")
            event.error = nil
        }
        event.metadata = metadata.mapValues(redact)
        wrapped.log(event: event)
    }

    func redact(_ text: String) -> String {
        secrets.reduce(text) { text, secret in
            Self.bytes(of: text, contain: secret) ? text.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "***") : text
        }
    }

    /// A search of the UTF-8 bytes, as the line will be written: every record of the bot passes
    /// here, and `String.contains` compares Unicode characters, far more work per record.
    static func bytes(of text: String, contain secret: String) -> Bool {
        var text = text
        var secret = secret
        return text.withUTF8 { haystack in
            secret.withUTF8 { needle in
                guard let first = needle.first, let needleStart = needle.baseAddress, let start = haystack.baseAddress else { return needle.isEmpty }
                guard needle.count <= haystack.count else { return false }
                for offset in 0...(haystack.count - needle.count) where haystack[offset] == first {
                    if memcmp(start + offset, needleStart, needle.count) == 0 { return true }
                }
                return false
            }
        }
    }

    private func redact(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .stringConvertible(let value): .string(redact(value.description))
        case .array(let values): .array(values.map(redact))
        case .dictionary(let values): .dictionary(values.mapValues(redact))
        }
    }
}
