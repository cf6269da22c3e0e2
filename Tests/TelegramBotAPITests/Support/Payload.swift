import Foundation
import TelegramBotAPI
import Testing

/// Reads a JSON payload from the `Payloads` folder.
enum Payload {
    static func bytes(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Payloads"), "no payload \(name).json",
            sourceLocation: sourceLocation)
        return try Data(contentsOf: url)
    }

    static func update(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Update {
        try JSONDecoder().decode(Update.self, from: bytes(name, sourceLocation: sourceLocation))
    }
}
