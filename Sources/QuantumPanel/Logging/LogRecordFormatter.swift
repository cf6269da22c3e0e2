import Foundation
import Logging

/// Formats a log record as one line: UTC time, level, message, metadata, and where it was logged.
///
/// `2026-11-25T13:18:20.123Z INFO  Bot started [bot.username=shop_bot] (QuantumPanelApp.swift:42 run(settings:))`
struct LogRecordFormatter: Sendable {
    var colored: Bool

    func format(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata,
        file: String, function: String, line: UInt, date: Date
    ) -> String {
        var text = Self.timestamp(date) + " "
        let levelName = Self.paddedName(of: level)
        text += colored ? Self.color(for: level) + levelName + "\u{1B}[0m" : levelName
        text += message.description
        if !metadata.isEmpty {
            text += " [" + metadata.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }.joined(separator: " ") + "]"
        }
        let fileName = file.lastIndex(of: "/").map { file[file.index(after: $0)...] } ?? file[...]
        text += " (\(fileName):\(line) \(function))"
        return text
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ`, in UTC so that files from different machines line up.
    static func timestamp(_ date: Date) -> String {
        let parts = UTCDateParts(date)
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        return parts.day + "T" + pad(parts.hour, 2) + ":" + pad(parts.minute, 2) + ":" + pad(parts.second, 2) + "." + pad(milliseconds, 3) + "Z"
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The level in capitals, padded to 8 columns. Written out rather than computed: every
    /// record passes here, and Foundation's `padding` cost more than the rest of the line.
    private static func paddedName(of level: Logger.Level) -> String {
        switch level {
        case .trace: "TRACE   "
        case .debug: "DEBUG   "
        case .info: "INFO    "
        case .notice: "NOTICE  "
        case .warning: "WARNING "
        case .error: "ERROR   "
        case .critical: "CRITICAL "
        }
    }

    private static func color(for level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: "\u{1B}[2m"
        case .info: "\u{1B}[32m"
        case .notice: "\u{1B}[36m"
        case .warning: "\u{1B}[33m"
        case .error: "\u{1B}[31m"
        case .critical: "\u{1B}[1;31m"
        }
    }
}

/// The calendar parts of a moment in UTC.
struct UTCDateParts {
    /// `yyyy-MM-dd`
    let day: String
    let hour: Int
    let minute: Int
    let second: Int

    init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        day = "\(parts.tm_year + 1900)-" + LogRecordFormatter.pad(Int(parts.tm_mon) + 1, 2) + "-" + LogRecordFormatter.pad(Int(parts.tm_mday), 2)
        hour = Int(parts.tm_hour)
        minute = Int(parts.tm_min)
        second = Int(parts.tm_sec)
    }
}
