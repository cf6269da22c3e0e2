import Foundation

/// The keys in an uploaded file: a `.txt` holds one per line; a `.csv` one per row, from the
/// column named `key` when the first row names one, else from the first column.
public enum KeyFile {
    public enum Kind: Sendable, Equatable {
        case text, csv
    }

    public enum ReadError: Error, Equatable, Sendable {
        /// Only `.txt` and `.csv` are read.
        case unsupportedType(fileName: String)
        /// The bytes aren't UTF-8 text.
        case notText
    }

    /// The kind a file's name says it is.
    public static func kind(of fileName: String) throws(ReadError) -> Kind {
        switch fileName.split(separator: ".").last?.lowercased() {
        case "txt"?: .text
        case "csv"?: .csv
        default: throw .unsupportedType(fileName: fileName)
        }
    }

    /// The entries of a file and the line number of the first, for refusals that name the line.
    public struct Lines: Sendable, Equatable {
        public var entries: [String]
        /// 2 after a CSV header, else 1.
        public var firstLine: Int

        public init(entries: [String], firstLine: Int) {
            self.entries = entries
            self.firstLine = firstLine
        }
    }

    /// One entry per line or row, untrimmed; ``StockService`` trims and checks them.
    public static func lines(_ bytes: [UInt8], kind: Kind) throws(ReadError) -> Lines {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notText }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        switch kind {
        case .text: return Lines(entries: lines, firstLine: 1)
        case .csv: return csvColumn(lines)
        }
    }

    private static func csvColumn(_ lines: [String]) -> Lines {
        guard let header = lines.first.map(fields) else { return Lines(entries: [], firstLine: 1) }
        let named = header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == "key" }
        let column = named ?? 0
        let entries = lines.dropFirst(named == nil ? 0 : 1).map { line in
            let row = fields(line)
            return column < row.count ? row[column] : ""
        }
        return Lines(entries: entries, firstLine: named == nil ? 1 : 2)
    }

    /// A CSV line's fields: commas separate, double quotes enclose, `""` is a quote.
    private static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\"" where quoted:
                if let next = iterator.next() {
                    if next == "\"" {
                        current.append("\"")
                    } else {
                        quoted = false
                        if next == "," {
                            fields.append(current)
                            current = ""
                        } else {
                            current.append(next)
                        }
                    }
                } else {
                    quoted = false
                }
            case "\"" where current.isEmpty: quoted = true
            case "," where !quoted:
                fields.append(current)
                current = ""
            default: current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
