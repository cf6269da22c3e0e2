import BotRouting

/// A count with its noun in the form a language's plural rules (CLDR's, for whole numbers) give it:
/// English one/other ("1 key", "2 keys"); Russian one/few/many ("1 ключ", "2 ключа", "5 ключей",
/// "21 заказ", "12 заказов").
enum Plural {
    static func english(_ count: Int, _ one: String, _ other: String) -> String {
        "\(count) \(count == 1 ? one : other)"
    }

    static func russian(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(count) \(russianForm(count, one, few, many))"
    }

    /// The noun alone, for a sentence that puts the number elsewhere.
    static func russianForm(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
        let lastTwo = abs(count) % 100
        let last = lastTwo % 10
        if last == 1 && lastTwo != 11 { return one }
        if (2...4).contains(last) && !(12...14).contains(lastTwo) { return few }
        return many
    }
}
