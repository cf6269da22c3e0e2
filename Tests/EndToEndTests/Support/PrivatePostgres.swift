import Foundation
import Synchronization
import Testing

/// A PostgreSQL server of one test's own, so the test can crash it (`pg_ctl stop -m immediate`)
/// and start it again without touching the server the other tests share. Password
/// authentication over TCP (SCRAM), so a wrong password is refused as in production.
///
/// Uses the binaries `scripts/test` installs from Debian's packages; as root, the server runs as
/// the `postgres` user the package made, since PostgreSQL refuses to run as root.
final class PrivatePostgres: Sendable {
    static let user = "quantum"
    static let password = "restart-test-password"
    static let database = "shop"

    let folder: String
    let port: Int
    let binaries: String
    /// The running server, a child of the test process: `pg_ctl start` would leave it holding a
    /// descriptor Foundation watches, and `pg_ctl` would never be seen to exit.
    private let postmaster = Mutex<Process?>(nil)

    /// postgres://quantum:…@127.0.0.1:PORT/shop
    var url: String { url(password: Self.password) }

    func url(password: String, database: String = PrivatePostgres.database) -> String {
        "postgres://\(Self.user):\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// The newest `/usr/lib/postgresql/N/bin` with initdb, or nil.
    static var binaryFolder: String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        return versions.reversed().map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    private init(folder: String, port: Int, binaries: String) {
        self.folder = folder
        self.port = port
        self.binaries = binaries
    }

    /// A new cluster in a temporary folder, started, with the shop's empty database; stopped and
    /// removed after `body`, whatever it does.
    static func withRunning<Value>(_ body: (PrivatePostgres) async throws -> Value) async throws -> Value {
        let binaries = try #require(binaryFolder, "PostgreSQL's binaries are missing: run the tests with ./scripts/test")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quantum-panel-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let server = PrivatePostgres(folder: folder, port: try freeLoopbackPort(), binaries: binaries)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if getuid() == 0 { try await run(["/bin/chown", "postgres", folder]) }
        try Self.password.write(toFile: folder + "/password", atomically: true, encoding: .utf8)
        try await server.asServerUser([
            binaries + "/initdb", "-D", folder + "/data", "-U", user, "--pwfile=\(folder)/password", "--auth-local=trust",
            "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8",
        ])
        do {
            try await server.start()
            try await server.asServerUser([binaries + "/createdb", "-h", folder, "-p", "\(server.port)", "-U", user, database])
            let value = try await body(server)
            try? await server.stop()
            return value
        } catch {
            try? await server.stop()
            throw error
        }
    }

    /// Starts the server and returns once it takes connections.
    func start() async throws {
        let process = Process()
        // Commits are synchronous, as in production: with `synchronous_commit=off` a crash of the
        // server loses what it said it committed in its last fraction of a second. `fsync=off`
        // only matters when the machine fails, which no test does.
        let arguments = [
            binaries + "/postgres", "-D", folder + "/data", "-c", "listen_addresses=127.0.0.1", "-p", "\(port)", "-k", folder,
            "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=100",
        ]
        let command = Self.asServerUser(arguments)
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let logPath = folder + "/server.log"
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try log.seekToEnd()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        postmaster.withLock { $0 = process }
        for _ in 0..<300 {
            if (try? await Self.run([binaries + "/pg_isready", "-q", "-h", "127.0.0.1", "-p", "\(port)"])) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CommandFailed(command: "postgres", status: -1, output: (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
    }

    /// A crash: every backend is killed at once, nothing is shut down cleanly.
    func crash() async throws {
        try await stop(mode: "immediate")
    }

    func stop(mode: String = "fast") async throws {
        try await Self.run(Self.asServerUser([binaries + "/pg_ctl", "-D", folder + "/data", "-m", mode, "-w", "stop"]))
        postmaster.withLock { $0 = nil }
    }

    private func asServerUser(_ arguments: [String]) async throws {
        try await Self.run(Self.asServerUser(arguments))
    }

    /// PostgreSQL refuses to run as root: as root, the command runs as the package's `postgres` user.
    private static func asServerUser(_ arguments: [String]) -> [String] {
        getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments : arguments
    }

    /// Runs a command to its end; throws with its output when it fails.
    private static func run(_ arguments: [String]) async throws {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("pg-command-\(UUID().uuidString).txt").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let (exited, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
        for await _ in exited {}
        try? output.close()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw CommandFailed(command: arguments.joined(separator: " "), status: process.terminationStatus, output: text)
        }
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let output: String
        var description: String { "\(command) exited \(status): \(output)" }
    }
}
