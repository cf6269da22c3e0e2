import AsyncHTTPClient
import BotAPISandbox
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The web chat's page is compiled into the binary from its files in the package (the EmbedFiles
/// plugin), so the page served must be those files, byte for byte, or the embedding went stale.
@Suite(.timeLimit(.minutes(1))) struct WebChatPageTests {
    static let pageFolder = URL(filePath: #filePath).deletingLastPathComponent()
        .appending(path: "../../Sources/BotAPISandbox/WebChat").standardized

    @Test func theSandboxServesThePageFilesAsTheyAreInThePackage() async throws {
        let served = [
            (path: "/", file: "webchat.html", contentType: "text/html; charset=utf-8"),
            (path: "/webchat.css", file: "webchat.css", contentType: "text/css; charset=utf-8"),
            (path: "/webchat.js", file: "webchat.js", contentType: "text/javascript; charset=utf-8"),
        ]
        try await BotAPISandbox.withRunning(configuration: .init()) { sandbox in
            for asset in served {
                let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: sandbox.baseURL + asset.path), timeout: .seconds(30))
                let body = try await response.body.collect(upTo: 1 << 20)
                #expect(response.status == .ok, "\(asset.path)")
                #expect(response.headers["Content-Type"] == [asset.contentType], "\(asset.path)")
                let file = try Data(contentsOf: Self.pageFolder.appending(path: asset.file))
                // Compared as one Bool: a failure printing both files would bury the message.
                let same = Array(buffer: body) == Array(file)
                #expect(same, "\(asset.path) served \(body.readableBytes) bytes that are not \(asset.file)'s \(file.count)")
            }
        }
    }
}
