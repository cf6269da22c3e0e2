/// One environment variable the bot reads. Each is declared once, by the settings group that
/// reads it; messages, `.env.example`'s check and the log's secret filter take its name from here.
public struct SettingsVariable: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// A secret's value never appears in a message or a log line.
    public let isSecret: Bool

    init(_ name: String, secret: Bool = false) {
        self.name = name
        self.isSecret = secret
    }

    public var description: String { name }
}
