import ArgumentParser
import Foundation

/// The bot being measured as its own process: the real bot, `quantum-panel run` from the same
/// build folder, or the aiogram reference. Its CPU time and peak resident memory are read from
/// /proc, so they are the bot's alone.
final class BotUnderTest: Sendable {
    let process: Process
    let logPath: String
    /// When the process was started, in seconds since 1970 as the sandbox records its calls.
    let startedAt: Double

    /// Which bot a scenario drives.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case swift, aiogram
    }

    static var quantumPanel: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("quantum-panel")
    }

    /// The reference bot's python, in the virtualenv `scripts/install-aiogram-reference` makes.
    static let aiogramPython = "benchmarks/aiogram-reference/.venv/bin/python"
    static let aiogramScript = "benchmarks/aiogram-reference/bot.py"

    /// Starts `kind` with exactly `environment`, its output in `bot.log` under `folder`.
    convenience init(_ kind: Kind, environment: [String: String], in folder: String) throws {
        switch kind {
        case .swift:
            try self.init(executable: Self.quantumPanel, arguments: ["run"], environment: environment, in: folder)
        case .aiogram:
            let here = FileManager.default.currentDirectoryPath
            guard FileManager.default.isExecutableFile(atPath: here + "/" + Self.aiogramPython) else {
                throw ValidationError(
                    "The aiogram reference isn't installed: run scripts/install-aiogram-reference from the repository's root first.")
            }
            let executable = URL(fileURLWithPath: here + "/" + Self.aiogramPython)
            try self.init(executable: executable, arguments: [here + "/" + Self.aiogramScript], environment: environment, in: folder)
        }
    }

    init(executable: URL, arguments: [String], environment: [String: String], in folder: String) throws {
        logPath = folder + "/bot.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = log
        process.standardError = log
        startedAt = Date().timeIntervalSince1970
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

    /// SIGTERM, then SIGKILL if the bot is still there after 10 s: the figures are taken by then.
    func stop() {
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
