/// One part of a multipart/form-data body.
public struct MultipartPart: Sendable, Equatable {
    public var name: String
    public var filename: String?
    public var contentType: String?
    public var bytes: [UInt8]

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Splits multipart/form-data bodies, as bots upload files to the Bot API.
public enum MultipartFormParser {
    /// The `boundary` parameter of a `multipart/form-data; boundary=…` content type.
    public static func boundary(fromContentType contentType: String) -> String? {
        contentType.split(separator: ";").lazy
            .map { $0.trimmingPrefix(" ") }
            .first { $0.lowercased().hasPrefix("boundary=") }
            .map { String($0.dropFirst("boundary=".count)).trimmingCharacters(in: "\"") }
    }

    /// The parts of `body`; malformed sections are left out.
    public static func parse(_ body: [UInt8], boundary: String) -> [MultipartPart] {
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter has no leading CRLF; adding one makes every delimiter alike.
        let data = Array("\r\n".utf8) + body
        var starts = ranges(of: delimiter, in: data)
        starts.append(data.count..<data.count)
        var parts: [MultipartPart] = []
        for (current, next) in zip(starts, starts.dropFirst()) {
            let section = data[current.upperBound..<next.lowerBound]
            guard section.starts(with: Array("\r\n".utf8)) else { continue }  // the closing "--"
            let content = Array(section.dropFirst(2))
            guard let headerEnd = ranges(of: Array("\r\n\r\n".utf8), in: content).first else { continue }
            let headers = String(decoding: content[..<headerEnd.lowerBound], as: UTF8.self)
            var part = MultipartPart(name: "", bytes: Array(content[headerEnd.upperBound...]))
            for line in headers.split(separator: "\r\n") {
                let lowered = line.lowercased()
                if lowered.hasPrefix("content-disposition:") {
                    part.name = value(of: "name", in: line) ?? ""
                    part.filename = value(of: "filename", in: line)
                } else if lowered.hasPrefix("content-type:") {
                    part.contentType = String(line.dropFirst("content-type:".count).trimmingPrefix(" "))
                }
            }
            if !part.name.isEmpty { parts.append(part) }
        }
        return parts
    }

    private static func value(of attribute: String, in line: Substring) -> String? {
        guard let range = line.firstRange(of: " \(attribute)=\"") ?? line.firstRange(of: ";\(attribute)=\"") else { return nil }
        let rest = line[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func ranges(of needle: [UInt8], in haystack: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) {
                found.append(index..<index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
