import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore

/// The bot's `/metrics` after a run, for `--metrics FILE`: the address comes from its "Operations
/// server listening" log line, since it listens on any free port.
enum MetricsSnapshot {
    static func write(from logFolder: String, to file: String) async throws {
        guard let address = listeningAddress(in: logFolder) else {
            throw ValidationError("The bot's log has no \"Operations server listening\" line, so /metrics can't be read.")
        }
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://\(address)/metrics"), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 24)
        try Data(String(buffer: body).utf8).write(to: URL(fileURLWithPath: file))
    }

    static func listeningAddress(in logFolder: String) -> String? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: logFolder)) ?? []
        for file in files.sorted() {
            guard let text = try? String(contentsOfFile: logFolder + "/" + file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.contains("Operations server listening") {
                guard let start = line.firstRange(of: "address=")?.upperBound else { continue }
                return String(line[start...].prefix { $0 != " " && $0 != "]" })
            }
        }
        return nil
    }
}
