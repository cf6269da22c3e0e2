import Foundation

/// One element of a getUpdates batch or one webhook body: an update, or the reason it could not be read.
///
/// Decoding update by update means one payload Telegram sends in an unexpected shape is logged and
/// skipped, while the others in the batch are handled (aiogram issue #1812 stopped bots for hours).
public enum DecodedUpdate: Sendable, Decodable {
    case update(Update)
    /// The payload did not decode; `updateID` is known when at least `update_id` could be read.
    case undecodable(updateID: Int64?, reason: String)

    private struct UpdateIDOnly: Decodable {
        let updateID: Int64

        enum CodingKeys: String, CodingKey {
            case updateID = "update_id"
        }
    }

    public init(from decoder: any Decoder) throws {
        do {
            self = .update(try Update(from: decoder))
        } catch {
            let updateID = try? UpdateIDOnly(from: decoder).updateID
            // The path is told from the update down, not from the start of the batch.
            self = .undecodable(updateID: updateID, reason: DecodedUpdate.describe(error, droppingPathPrefix: decoder.codingPath.count))
        }
    }

    /// Decodes a webhook request body, which holds exactly one update.
    public init(webhookBody: some Collection<UInt8>) {
        do {
            self = try JSONDecoder().decode(DecodedUpdate.self, from: Data(webhookBody))
        } catch {
            self = .undecodable(updateID: nil, reason: DecodedUpdate.describe(error))
        }
    }

    /// The update's id, whether or not it decoded.
    public var updateID: Int64? {
        switch self {
        case .update(let update): update.updateID
        case .undecodable(let updateID, _): updateID
        }
    }

    /// A short account of a decoding error: the path to the field and what was wrong, never the payload.
    static func describe(_ error: any Error, droppingPathPrefix prefix: Int = 0) -> String {
        guard let error = error as? DecodingError else { return "\(type(of: error))" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.dropFirst(prefix).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "missing field \(at.isEmpty ? key.stringValue : at + "." + key.stringValue)"
        case .typeMismatch(let type, let context):
            return "field \(path(context)) is not \(type)"
        case .valueNotFound(let type, let context):
            return "field \(path(context)) is null, expected \(type)"
        case .dataCorrupted(let context):
            return "invalid JSON at \(path(context).isEmpty ? "the top level" : path(context))"
        @unknown default:
            return "undecodable"
        }
    }
}
