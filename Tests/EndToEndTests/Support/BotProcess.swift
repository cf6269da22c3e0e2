import Foundation
import Testing

/// The built `quantum-panel` executable run as its own process, as a shop owner runs it, so a
/// test can kill it with SIGKILL at any instant and start it again on the same database.
final class BotProcess: Sendable {
    /// The executable sits beside the test bundle, since the test targets depend on it.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("quantum-panel")
    }

    let process: Process
    let logPath: String
    private let exited: AsyncStream<Void>

    /// Starts `quantum-panel run` (or `arguments`) in `directory` with exactly `environment`; its output goes to
    /// a log file there, which ``log`` reads back for a failing test.
    init(arguments: [String] = ["run"], environment: [String: String], in directory: String, name: String) throws {
        logPath = directory + "/\(name).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = output
        process.standardError = output
        let (exited, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.exited = exited
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
    }

    // A test that failed before stopping its bot leaves no process behind to poll on.
    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// SIGKILL: no handler runs, nothing is flushed, exactly as an OOM kill or a power cut.
    func kill() async {
        Foundation.kill(process.processIdentifier, SIGKILL)
        await waitForExit()
    }

    /// SIGTERM (or `signal`), the graceful stop; returns the exit status.
    func stop(signal: Int32 = SIGTERM) async -> Int32 {
        Foundation.kill(process.processIdentifier, signal)
        await waitForExit()
        return process.terminationStatus
    }

    /// The exit status once the process exits by itself, or nil (and it is killed) when it is
    /// still running after `limit`.
    func exitStatus(within limit: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + limit
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard !process.isRunning else {
            await kill()
            return nil
        }
        await waitForExit()
        return process.terminationStatus
    }

    private func waitForExit() async {
        for await _ in exited {}
    }

    /// Runs `quantum-panel ARGUMENTS` to its end without blocking a thread, as a shop owner runs
    /// a command beside the bot.
    /// - Returns: its exit status and what it wrote (standard output, then standard error).
    static func command(_ arguments: [String], environment: [String: String], in directory: String) async throws -> (status: Int32, output: String) {
        let outputPath = directory + "/command-\(UUID().uuidString).txt"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = output
        process.standardError = output
        let (exited, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
        for await _ in exited {}
        return (process.terminationStatus, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
}
