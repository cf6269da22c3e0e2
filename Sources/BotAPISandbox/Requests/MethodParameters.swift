import Foundation
import TelegramBotAPI

/// A Bot API call's parameters, however they came: JSON, form-urlencoded, multipart or query string.
///
/// Telegram reads every parameter the same way whatever the encoding: a number may come as text,
/// an object (such as `reply_markup`) as a JSON string. The accessors do the same.
struct MethodParameters: @unchecked Sendable {
    // Values from JSONSerialization (immutable once parsed) or strings; @unchecked for the Any.
    private var values: [String: Any]
    private(set) var files: [String: MultipartPart]

    init(values: [String: Any] = [:], files: [String: MultipartPart] = [:]) {
        self.values = values
        self.files = files
    }

    /// Reads a request body of the given content type, merged over the query string's parameters.
    static func parse(contentType: String, body: [UInt8], query: String?) throws(SandboxError) -> MethodParameters {
        var parameters = MethodParameters(values: query.map(formFields) ?? [:])
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard !body.isEmpty else { return parameters }
        switch type {
        case "application/json":
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw .badRequest("Bad Request: can't parse JSON object")
            }
            parameters.values.merge(object) { _, new in new }
        case "application/x-www-form-urlencoded":
            parameters.values.merge(formFields(String(decoding: body, as: UTF8.self))) { _, new in new }
        case "multipart/form-data":
            guard let boundary = MultipartFormParser.boundary(fromContentType: contentType) else {
                throw .badRequest("Bad Request: can't parse multipart/form-data: no boundary")
            }
            for part in MultipartFormParser.parse(body, boundary: boundary) {
                if part.filename != nil {
                    parameters.files[part.name] = part
                } else {
                    parameters.values[part.name] = part.text
                }
            }
        default:
            break
        }
        return parameters
    }

    /// Parses `a=1&b=two+words`.
    static func formFields(_ text: String) -> [String: Any] {
        var fields: [String: Any] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            guard let name = parts.first.map(decode), !name.isEmpty else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    func has(_ name: String) -> Bool {
        values[name] != nil || files[name] != nil
    }

    func string(_ name: String) -> String? {
        switch values[name] {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// An integer sent as a number or as its digits.
    func int64(_ name: String) throws(SandboxError) -> Int64? {
        guard let value = values[name] else { return nil }
        if let number = value as? NSNumber, Double(number.int64Value) == number.doubleValue { return number.int64Value }
        if let text = value as? String, let number = Int64(text.trimmingCharacters(in: .whitespaces)) { return number }
        throw .badRequest("Bad Request: invalid \(name) specified")
    }

    func bool(_ name: String) -> Bool? {
        switch values[name] {
        case let flag as Bool: flag
        case let number as NSNumber: number.boolValue
        case let text as String: ["true", "1"].contains(text.lowercased()) ? true : (["false", "0", ""].contains(text.lowercased()) ? false : nil)
        default: nil
        }
    }

    /// An object or array parameter, sent as JSON or as a JSON string.
    func decode<T: Decodable>(_ type: T.Type, _ name: String) throws(SandboxError) -> T? {
        guard let value = values[name] else { return nil }
        let data: Data
        if let text = value as? String {
            data = Data(text.utf8)
        } else if let encoded = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) {
            data = encoded
        } else {
            throw .badRequest("Bad Request: can't parse \(name)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .badRequest("Bad Request: can't parse \(name) JSON object")
        }
    }

    /// The chat a method addresses: a numeric id, or `@username` (which the sandbox never has).
    func chatID(_ name: String = "chat_id") throws(SandboxError) -> Int64 {
        guard has(name) else { throw .badRequest("Bad Request: chat_id is empty") }
        if let text = string(name), text.hasPrefix("@") { throw .badRequest("Bad Request: chat not found") }
        guard let id = try int64(name) else { throw .badRequest("Bad Request: chat not found") }
        return id
    }

    func requiredString(_ name: String, emptyError: String) throws(SandboxError) -> String {
        guard let text = string(name), !text.isEmpty else { throw .badRequest(emptyError) }
        return text
    }

    /// The names of all parameters, for recording the call.
    var names: [String] {
        (Array(values.keys) + Array(files.keys)).sorted()
    }

    /// The parameters as a JSON object, files as their names, for the call record.
    var jsonText: String {
        var object = values
        for (name, file) in files { object[name] = "<file \(file.filename ?? "") \(file.bytes.count) bytes>" }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
