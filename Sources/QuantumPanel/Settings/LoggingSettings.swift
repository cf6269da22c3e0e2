import Logging

/// What the console shows and where the daily log files go.
public struct LoggingSettings: Sendable {
    /// The console's level; the log file always records `debug` and above.
    public var level: Logger.Level
    public var directory: String

    public static let levelVariable = SettingsVariable("LOG_LEVEL")
    public static let directoryVariable = SettingsVariable("LOG_DIR")
    public static let variables = [levelVariable, directoryVariable]

    init?(reading reader: SettingsReader) {
        let level = Self.level(reader)
        let directory = reader.value(Self.directoryVariable) ?? "logs"
        guard let level else { return nil }
        self.level = level
        self.directory = directory
    }

    private static func level(_ reader: SettingsReader) -> Logger.Level? {
        guard let text = reader.value(levelVariable) else { return .info }
        let aliases: [String: Logger.Level] = ["warn": .warning, "success": .notice, "fatal": .critical]
        guard let level = Logger.Level(rawValue: text.lowercased()) ?? aliases[text.lowercased()] else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            reader.report("\(levelVariable) must be one of \(names), got \(reader.quoted(text)).")
            return nil
        }
        return level
    }
}
