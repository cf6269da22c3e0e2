import Testing

@testable import QuantumPanel

/// Counts read as a person writes them: English one/other, Russian one/few/many.
@Suite struct PluralTests {
    @Test func russianCountsTakeTheFormTheirLastDigitsAsk() {
        let keys = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1_000].map { Plural.russian($0, "ключ", "ключа", "ключей") }
        #expect(
            keys == [
                "0 ключей", "1 ключ", "2 ключа", "4 ключа", "5 ключей", "11 ключей", "12 ключей", "14 ключей", "21 ключ", "22 ключа", "25 ключей",
                "101 ключ", "111 ключей", "112 ключей", "1000 ключей",
            ])
        #expect(Language.russian.adminStrings.ordersCount(21) == "21 заказ")
        #expect(Language.russian.adminStrings.keysCount(3) == "3 ключа")
        #expect(Language.russian.peopleStrings.customersCount(1) == "1 покупатель")
    }

    @Test func englishCountsAreOneOrOther() {
        #expect([0, 1, 2, 21].map { Plural.english($0, "key", "keys") } == ["0 keys", "1 key", "2 keys", "21 keys"])
        #expect(Language.english.adminStrings.ordersCount(1) == "1 order")
    }
}
