import Foundation
import Logging

/// Writes records at or above its level to standard error, in colour when that is a terminal.
struct ConsoleLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    /// The console's own floor; a logger lowering its level for the file doesn't flood the terminal.
    private let threshold: Logger.Level
    private let formatter: LogRecordFormatter

    init(level: Logger.Level, colored: Bool = isatty(STDERR_FILENO) == 1) {
        self.logLevel = level
        self.threshold = level
        self.formatter = LogRecordFormatter(colored: colored)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.level >= threshold else { return }
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let line = formatter.format(
            level: event.level, message: event.message, metadata: merged,
            file: event.file, function: event.function, line: event.line, date: Date()
        )
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
