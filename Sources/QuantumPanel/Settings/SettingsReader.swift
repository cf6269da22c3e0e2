import Configuration
import Foundation
import Logging
import Marketplace

/// Reads variables for the settings groups, collecting a problem for each bad one instead of
/// stopping at the first, so that one run shows them all.
final class SettingsReader {
    private let reader: ConfigReader
    private(set) var problems: [String] = []

    init(_ reader: ConfigReader) {
        self.reader = reader
    }

    func report(_ problem: String) {
        problems.append(problem)
    }

    /// The trimmed value, with one pair of surrounding quotes removed as python-dotenv does; nil when unset or empty.
    func value(_ variable: SettingsVariable) -> String? {
        let key = ConfigKey(variable.name.lowercased().split(separator: "_").map(String.init))
        guard var text = reader.string(forKey: key, isSecret: variable.isSecret)?.trimmingCharacters(in: .whitespaces) else {
            return nil
        }
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return text.isEmpty ? nil : text
    }

    /// A value quoted for a message, shortened so a pasted blob doesn't flood the terminal.
    func quoted(_ text: String) -> String {
        text.count > 40 ? "\"\(text.prefix(40))…\"" : "\"\(text)\""
    }

    /// A URL with one of `schemes`; a secret's value is described, never quoted.
    func url(_ variable: SettingsVariable, schemes: Set<String>, expected: String) -> Read<String?> {
        guard let text = value(variable) else { return .value(nil) }
        guard URLParts.parse(text, schemes: schemes) != nil else {
            let shown = variable.isSecret ? "" : ", got \(quoted(text))"
            report("\(variable) is not a valid URL: expected \(expected)\(shown).")
            return .problem
        }
        return .value(text)
    }

    func integer(_ variable: SettingsVariable, in range: ClosedRange<Int>, default defaultValue: Int, expected: String) -> Int? {
        guard let text = value(variable) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            report("\(variable) must be \(expected), got \(quoted(text)).")
            return nil
        }
        return number
    }

    /// A number of seconds from 0 to `limit`.
    func seconds(_ variable: SettingsVariable, upTo limit: Int, default defaultValue: Duration, expected: String) -> Duration? {
        integer(variable, in: 0...limit, default: Int(defaultValue.components.seconds), expected: expected).map { .seconds($0) }
    }

    func port(_ variable: SettingsVariable, default defaultValue: Int) -> Int? {
        integer(variable, in: 0...65535, default: defaultValue, expected: "a TCP port from 1 to 65535, or 0 for any free one")
    }

    func flag(_ variable: SettingsVariable, default defaultValue: Bool) -> Bool? {
        guard let text = value(variable) else { return defaultValue }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            report("\(variable) must be true or false, got \(quoted(text)).")
            return nil
        }
    }

    /// An amount of money in `currency`, read in its major units ("9.99").
    func amount(_ variable: SettingsVariable, currency: Currency, default defaultValue: Int64, allowZero: Bool) -> Money? {
        guard let text = value(variable) else { return Money(minorUnits: defaultValue, currency: currency) }
        if let money = try? Money.parse(text, currency: currency), allowZero || money.minorUnits > 0 {
            return money
        }
        let digits = currency.minorDigits
        let example = digits == 0 ? "10" : "9." + String(repeating: "9", count: digits)
        let kind = allowZero ? "an amount" : "a positive amount"
        report("\(variable) must be \(kind) in \(currency.code) with at most \(digits) decimals, such as \(example), got \(quoted(text)).")
        return nil
    }

    /// What reading an optional setting gave: its value (which may be "unset"), or a problem reported.
    enum Read<Value> {
        case value(Value)
        case problem

        var value: Value? {
            if case .value(let value) = self { return value }
            return nil
        }
    }
}
