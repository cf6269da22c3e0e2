/// Splits a multipart/form-data body into its parts, enough to check what the client uploaded.
struct MultipartPart: Equatable {
    var name: String
    var filename: String?
    var contentType: String?
    var bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

enum MultipartParser {
    static func boundary(fromContentType contentType: String) -> String? {
        contentType.split(separator: ";").lazy
            .map { $0.trimmingPrefix(" ") }
            .first { $0.hasPrefix("boundary=") }
            .map { String($0.dropFirst("boundary=".count)) }
    }

    static func parse(_ body: [UInt8], boundary: String) -> [MultipartPart] {
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter has no leading CRLF; adding one makes every delimiter alike.
        let data = Array("\r\n".utf8) + body
        var parts: [MultipartPart] = []
        var starts = ranges(of: delimiter, in: data)
        starts.append(data.count..<data.count)
        for (current, next) in zip(starts, starts.dropFirst()) {
            let section = Array(data[current.upperBound..<next.lowerBound])
            guard section.starts(with: Array("\r\n".utf8)) else { continue }  // the closing "--"
            let content = Array(section.dropFirst(2))
            guard let headerEnd = ranges(of: Array("\r\n\r\n".utf8), in: content).first else { continue }
            let headers = String(decoding: content[..<headerEnd.lowerBound], as: UTF8.self)
            var part = MultipartPart(name: "", bytes: Array(content[headerEnd.upperBound...]))
            for line in headers.split(separator: "\r\n") {
                if line.lowercased().hasPrefix("content-disposition:") {
                    part.name = value(of: "name", in: line) ?? ""
                    part.filename = value(of: "filename", in: line)
                } else if line.lowercased().hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingPrefix(" ").description
                }
            }
            parts.append(part)
        }
        return parts
    }

    private static func value(of attribute: String, in line: Substring) -> String? {
        guard let range = line.firstRange(of: " \(attribute)=\"") else { return nil }
        let rest = line[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func ranges(of needle: [UInt8], in haystack: [UInt8]) -> [Range<Int>] {
        guard haystack.count >= needle.count else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index..<index + needle.count].elementsEqual(needle) {
                found.append(index..<index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}
