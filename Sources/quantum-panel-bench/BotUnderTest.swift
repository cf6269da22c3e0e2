import Foundation

/// The real bot, `quantum-panel run` from the same build folder, as its own process: its CPU
/// time and peak resident memory are read from /proc, so they are the bot's alone.
final class BotUnderTest: Sendable {
    let process: Process
    let logPath: String

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("quantum-panel")
    }

    init(environment: [String: String], in folder: String) throws {
        logPath = folder + "/bot.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process = Process()
        process.executableURL = Self.executable
        process.arguments = ["run"]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// User and system CPU time so far, in milliseconds.
    var cpuMilliseconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command's closing parenthesis: state is 3rd, utime 14th, stime 15th.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The most resident memory the process has had, in megabytes (VmHWM).
    var peakResidentMegabytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
