import Foundation
import Synchronization

/// Appends lines to one log file per UTC day (`quantum-panel-2026-11-25.log`) and deletes the
/// files older than the retention period whenever a new day's file is opened.
final class DailyLogFile: Sendable {
    static let namePrefix = "quantum-panel-"
    static let nameSuffix = ".log"

    let directory: String
    let retentionDays: Int
    private let now: @Sendable () -> Date

    private struct OpenFile {
        var day: String
        var descriptor: Int32
    }

    // Guards the open file, so that records from many tasks land as whole lines.
    private let state = Mutex<OpenFile?>(nil)

    /// - Parameter now: the clock; tests move it across midnight.
    init(directory: String, retentionDays: Int = 7, now: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.retentionDays = retentionDays
        self.now = now
    }

    deinit {
        state.withLock { file in
            if let file { close(file.descriptor) }
        }
    }

    /// The file a record written at `date` goes to.
    func path(for date: Date) -> String {
        "\(directory)/\(Self.namePrefix)\(UTCDateParts(date).day)\(Self.nameSuffix)"
    }

    /// Appends `line` and a newline. A log file that can't be written must not stop the bot,
    /// so failures are reported once on standard error and the line is dropped.
    func write(_ line: String, at date: Date) {
        let day = UTCDateParts(date).day
        state.withLock { file in
            if file?.day != day {
                if let open = file { close(open.descriptor) }
                file = openFile(day: day)
            }
            guard let descriptor = file?.descriptor else { return }
            var line = line
            line.append("\n")
            _ = line.withUTF8 { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        }
    }

    /// The current day, for callers that format the record themselves.
    var currentDate: Date { now() }

    private func openFile(day: String) -> OpenFile? {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = "\(directory)/\(Self.namePrefix)\(day)\(Self.nameSuffix)"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            FileHandle.standardError.write(Data("Cannot open the log file \(path): \(String(cString: strerror(errno)))\n".utf8))
            return nil
        }
        deleteExpiredFiles(today: day)
        return OpenFile(day: day, descriptor: descriptor)
    }

    /// Deletes day files more than `retentionDays` before `today`; other files are left alone.
    private func deleteExpiredFiles(today: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let oldestKept = UTCDateParts(now().addingTimeInterval(-Double(retentionDays) * 86_400)).day
        for name in names where name.hasPrefix(Self.namePrefix) && name.hasSuffix(Self.nameSuffix) {
            let day = name.dropFirst(Self.namePrefix.count).dropLast(Self.nameSuffix.count)
            // yyyy-MM-dd sorts as text in date order.
            if day.count == 10, day < oldestKept, day != today {
                try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
            }
        }
    }
}
