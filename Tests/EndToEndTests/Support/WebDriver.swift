import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

/// Debian's headless Chromium driven over W3C WebDriver by its `chromedriver`, on loopback: a
/// real browser for the web chat's test.
final class WebDriver: Sendable {
    let process: Process
    let baseURL: String
    let sessionID: String

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether the browser is here, or must be because the tests run on CI (where a missing one fails).
    static var isAvailable: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || (chromium != nil && chromedriver != nil)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts chromedriver and a headless browser window of `width` × `height`.
    init(width: Int = 1000, height: Int = 800) async throws {
        guard let chromedriver = Self.chromedriver, let chromium = Self.chromium else {
            throw Failure(description: "chromium and chromium-driver are not installed (scripts/test installs them)")
        }
        let port = try freeLoopbackPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: chromedriver)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        baseURL = "http://127.0.0.1:\(port)"
        let deadline = ContinuousClock.now + .seconds(30)
        while ((try? await Self.request("GET", baseURL + "/status"))?["value"] as? [String: Any])?["ready"] as? Bool != true {
            guard ContinuousClock.now < deadline else { throw Failure(description: "chromedriver did not start within 30 s") }
            try await Task.sleep(for: .milliseconds(50))
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=\(width),\(height)",
                            "--no-first-run",
                        ],
                    ],
                ]
            ]
        ]
        let session = try await Self.request("POST", baseURL + "/session", capabilities)["value"] as? [String: Any]
        guard let id = session?["sessionId"] as? String else { throw Failure(description: "no session: \(session ?? [:])") }
        sessionID = id
    }

    /// Closes the browser and stops chromedriver.
    func quit() async {
        _ = try? await Self.request("DELETE", "\(baseURL)/session/\(sessionID)")
        process.terminate()
    }

    func open(_ url: String) async throws {
        _ = try await command("POST", "url", ["url": url])
    }

    /// Runs `script` (a function body: `return …`) in the page and returns its result.
    @discardableResult
    func run(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("POST", "execute/sync", ["script": script, "args": arguments])
    }

    /// Returns `script`'s result once it is truthy (a string, a true, a non-empty array, an
    /// element), checking as the page changes, for up to `timeout`.
    @discardableResult
    func waitFor(_ what: String, _ script: String, timeout: Duration = .seconds(30)) async throws -> Any {
        let deadline = ContinuousClock.now + timeout
        while true {
            let value = try await run(script)
            switch value {
            case let text as String where !text.isEmpty: return text
            case let flag as Bool where flag: return flag
            case let list as [Any] where !list.isEmpty: return list
            case let element as [String: Any] where !element.isEmpty: return element
            case let number as NSNumber where !(value is Bool) && number.intValue != 0: return number
            default: break
            }
            guard ContinuousClock.now < deadline else {
                let page = try? await run("return document.body.innerText")
                throw Failure(description: "\(what): not seen within \(timeout); the page shows:\n\(page ?? "nothing")")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Clicks, as a person does, the newest element `selector` picks whose text starts with `text`.
    func click(_ selector: String, startingWith text: String) async throws {
        let script =
            "return [...document.querySelectorAll(\(Self.quoted(selector)))].reverse().find(e => e.textContent.trim().startsWith(\(Self.quoted(text)))) || null"
        // The chat redraws a message the bot edits: one found just before may be gone; find it again.
        for attempt in 1...3 {
            guard let element = try await waitFor("\(selector) \(text)", script) as? [String: Any], let id = element.values.first as? String else {
                throw Failure(description: "no \(selector) starting with \(text)")
            }
            do {
                _ = try await command("POST", "element/\(id)/click", [:])
                return
            } catch let failure as Failure where failure.description.contains("stale element reference") && attempt < 3 {
                continue
            }
        }
    }

    /// Types `text` into the element `selector` picks.
    func type(_ text: String, into selector: String) async throws {
        let found = try await command("POST", "element", ["using": "css selector", "value": selector])
        guard let element = found as? [String: Any], let id = element.values.first as? String else { throw Failure(description: "no \(selector)") }
        _ = try await command("POST", "element/\(id)/value", ["text": text])
    }

    /// Makes the window `width` × `height`, as a phone's would be.
    func resize(width: Int, height: Int) async throws {
        _ = try await command("POST", "window/rect", ["width": width, "height": height])
    }

    /// The page as a PNG.
    func screenshot() async throws -> Data {
        guard let base64 = try await command("GET", "screenshot") as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        return data
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await Self.request(method, "\(baseURL)/session/\(sessionID)/\(path)", body)["value"] ?? nil
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }

    @discardableResult
    private static func request(_ method: String, _ url: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = Data(buffer: try await response.body.collect(upTo: 64 << 20))
        guard let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "not JSON from chromedriver")
        }
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(url): \(error): \(value["message"] ?? "")")
        }
        return answer
    }
}
