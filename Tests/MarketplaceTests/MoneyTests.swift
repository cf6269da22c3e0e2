import Marketplace
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("9.99", "USD", Int64(999)), ("9,99", "USD", 999), ("10", "USD", 1000), (" 1 000.5 ", "USD", 100_050),
        ("0", "USD", 0), ("1500", "JPY", 1500), ("1.250", "KWD", 1250), ("250", "XTR", 250),
    ])
    func parsesWhatAdminsType(text: String, code: String, minorUnits: Int64) throws {
        #expect(try Money.parse(text, currency: Currency(code: code)).minorUnits == minorUnits)
    }

    @Test(arguments: [
        ("", "USD", MoneyError.empty), ("-5", "USD", .negative), ("9.999", "USD", .tooManyDecimals(allowed: 2)),
        ("10.5", "JPY", .tooManyDecimals(allowed: 0)), ("abc", "USD", .notANumber), ("1.2.3", "USD", .notANumber),
        ("9.", "USD", .notANumber), ("1e5", "USD", .notANumber), ("1000000001", "USD", .tooLarge), ("99999999999999", "USD", .tooLarge),
    ])
    func refusesWhatIsNotAnAmount(text: String, code: String, error: MoneyError) {
        #expect(throws: error) { try Money.parse(text, currency: Currency(code: code)) }
    }

    @Test(arguments: [
        (Int64(999), "USD", "$9.99"), (5, "USD", "$0.05"), (-250, "EUR", "-€2.50"), (250, "XTR", "250 ⭐"),
        (1500, "JPY", "1500 JPY"), (12_345, "RUB", "123.45 ₽"),
    ])
    func formatsForMessages(minorUnits: Int64, code: String, text: String) {
        #expect(Money(minorUnits: minorUnits, currency: Currency(code: code)).formatted == text)
    }

    @Test func multiplicationReportsOverflow() {
        #expect(Money(minorUnits: 500, currency: .usd).multiplied(by: 3)?.minorUnits == 1500)
        #expect(Money(minorUnits: .max / 2, currency: .usd).multiplied(by: 3) == nil)
    }
}
