import BotRouting
import Marketplace
import Testing

@testable import QuantumPanel

/// Every refusal has words in every language, and what a person typed comes back escaped.
@Suite struct RefusalWordsTests {
    static let typed = "<b>&x"
    static let refusals: [any ReadableRefusal] = [
        PersonRefusal.notAPerson, PersonRefusal.hiddenForward(name: typed), PersonRefusal.unknownUsername("@" + typed),
        PersonRefusal.customerNotFound(typed: typed), PersonRefusal.noUsername(telegramID: 7), PersonRefusal.cantBanAdmin,
        KeyFileRefusal.wrongType(fileName: typed), KeyFileRefusal.tooLarge(limitMegabytes: 20), KeyFileRefusal.notText,
        BroadcastContentRefusal.noContent, BroadcastContentRefusal.invalidHTML(reason: typed),
        BroadcastContentRefusal.tooLong(length: 5000, limit: 4096),
        TypedNumberRefusal(.notANumber, typed: typed, currency: .usd), TypedNumberRefusal(.tooManyDecimals(allowed: 2), typed: typed, currency: .usd),
        TypedNumberRefusal(.tooLarge, typed: typed, currency: .usd), TypedNumberRefusal(.empty, typed: "", currency: .usd),
        TypedNumberRefusal(.negative, typed: "-1", currency: .usd), TypedNumberRefusal.daysNotANumber(typed: typed),
        CatalogueError.nameEmpty, CatalogueError.priceInUse(keys: 2, orders: 3), CatalogueError.keyNotFound(keyID: 1),
        LedgerError.insufficientFunds(balance: Money(minorUnits: 100, currency: .usd)), LedgerError.noteEmpty,
        RefundError.nothingToRefund(orderID: 1), StarsRefundError.telegramRefused(reason: typed),
        AdminError.notPermitted(.money, telegramID: 5), AdminError.rootIsPermanent, AdminError.sameRole(AdminRole.support),
        SellerError.alreadyListed(username: typed), BroadcastError.noRecipients,
    ]

    @Test(arguments: Language.allCases) func everyRefusalHasWordsWithTheTypedTextEscaped(_ language: Language) throws {
        for refusal in Self.refusals {
            let words = try language.words(for: refusal).rendered
            #expect(!words.isEmpty, "\(refusal)")
            #expect(!words.contains(Self.typed), "\(refusal) in \(language) shows what was typed unescaped: \(words)")
        }
        #expect(try Language.english.words(for: PersonRefusal.customerNotFound(typed: Self.typed)).rendered.contains("&lt;b&gt;&amp;x"))
        #expect(try Language.russian.words(for: PersonRefusal.cantBanAdmin) != Language.english.words(for: PersonRefusal.cantBanAdmin))
    }

    @Test func aFailureThatIsNoRefusalIsThrownOn() {
        struct DatabaseAway: Error {}
        #expect(throws: DatabaseAway.self) { try Language.english.words(for: DatabaseAway()) }
    }
}
