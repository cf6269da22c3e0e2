import Logging

/// Writes records at `debug` and above to a ``DailyLogFile``, without colour.
struct DailyFileLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    private let threshold: Logger.Level
    private let file: DailyLogFile
    private let formatter = LogRecordFormatter(colored: false)

    init(file: DailyLogFile, level: Logger.Level = .debug) {
        self.file = file
        self.logLevel = level
        self.threshold = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.level >= threshold else { return }
        let date = file.currentDate
        let merged = metadata.isEmpty ? event.metadata ?? [:] : metadata.merging(event.metadata ?? [:]) { _, new in new }
        let line = formatter.format(
            level: event.level, message: event.message, metadata: merged,
            file: event.file, function: event.function, line: event.line, date: date
        )
        file.write(line, at: date)
    }
}
