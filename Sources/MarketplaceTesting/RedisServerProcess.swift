import Foundation

/// A redis-server of a test's own on 127.0.0.1, to stop and start in the middle of a run.
public final class RedisServerProcess: @unchecked Sendable {
    // Only the test that owns it touches the process, one step at a time.
    private var process: Process?
    public let port: Int
    private let directory: String

    public init() throws {
        port = Int.random(in: 20_000...60_000)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("redis-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit {
        if let process { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    public static var executable: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return paths.map { $0 + "/redis-server" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public var url: String { "redis://127.0.0.1:\(port)" }

    /// Starts the server and returns once it accepts connections.
    public func start() async throws {
        guard let executable = Self.executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        // A loaded machine (the other suites run beside this one) can take seconds to start it.
        let deadline = ContinuousClock.now + .seconds(20)
        while !Self.accepts(port: port) {
            guard ContinuousClock.now < deadline else {
                throw CocoaError(
                    .fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "redis-server did not accept connections on port \(port) within 20 s"])
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Stops the server and returns once it no longer accepts connections. Signals the process
    /// directly: Foundation's `waitUntilExit` can hang when called from a test's task.
    public func stop() async throws {
        try await end(with: SIGTERM)
    }

    /// Kills the server with SIGKILL, as a crash or an OOM kill would, and returns once it is gone.
    public func kill() async throws {
        try await end(with: SIGKILL)
    }

    private func end(with signal: Int32) async throws {
        guard let process else { return }
        self.process = nil
        Foundation.kill(process.processIdentifier, signal)
        for _ in 0..<200 where Self.accepts(port: port) {
            try await Task.sleep(for: .milliseconds(10))
        }
        Foundation.kill(process.processIdentifier, SIGKILL)
    }

    /// Whether redis-server is here, or must be because the tests run on CI (where a missing one fails).
    public static var isAvailable: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || executable != nil
    }

    private static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
