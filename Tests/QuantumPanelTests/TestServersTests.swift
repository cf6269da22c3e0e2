import Foundation
import Testing

/// Proves that `scripts/test` started the servers later suites use, on loopback.
@Suite struct TestServersTests {
    /// Opens a TCP connection to the URL's host and port, and closes it.
    static func canConnect(to url: URL) -> Bool {
        guard let host = url.host, let port = url.port else { return false }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return false }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    @Test(.enabled(if: TestServers.shouldRun(TestServers.postgresVariable)))
    func postgreSQLListensOnLoopback() throws {
        let url = try TestServers.url(TestServers.postgresVariable)
        #expect(url.host == "127.0.0.1")
        #expect(Self.canConnect(to: url))
    }

    @Test(.enabled(if: TestServers.shouldRun(TestServers.redisVariable)))
    func redisListensOnLoopback() throws {
        let url = try TestServers.url(TestServers.redisVariable)
        #expect(url.host == "127.0.0.1")
        #expect(Self.canConnect(to: url))
    }
}
