import SQLKit

extension SQLRowDecoder {
    /// Rows into `Decodable` structs whose Swift names are the columns' in camel case:
    /// `telegramID` reads `telegram_id`, `isPremiumOnly` reads `is_premium_only`. (SQLKit's own
    /// `convertFromSnakeCase` reads `telegramID` as `telegram_iD`.)
    public static let snakeCase = SQLRowDecoder(keyDecodingStrategy: .custom { path in ColumnKey(snakeCase: path.last?.stringValue ?? "") })

    private struct ColumnKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }

        /// A word starts at each capital after a small letter or a digit; everything is in small letters.
        init(snakeCase name: String) {
            var column = ""
            var previous: Character?
            for character in name {
                if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { column.append("_") }
                column.append(Character(character.lowercased()))
                previous = character
            }
            stringValue = column
        }
    }
}
