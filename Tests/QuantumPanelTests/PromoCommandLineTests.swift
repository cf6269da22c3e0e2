import Foundation
import Testing

/// `quantum-panel promo`: codes made, listed, paused and limited from the command line, through
/// the same service the panel uses; a code or terms that can't be is one clear error line.
@Suite(.timeLimit(.minutes(1))) struct PromoCommandLineTests {
    @Test func codesAreCreatedListedPausedAndLimited() async throws {
        try await withTemporaryDirectory { directory in
            let environment = ["DATABASE_URL": "sqlite://shop.sqlite"]
            func run(_ arguments: [String]) throws -> CommandLineTests.Run {
                try CommandLineTests.run(["promo"] + arguments, environment: environment, in: directory)
            }
            let created = try run(["create", "spring-25", "--percent", "25", "--uses", "10", "--until", "2030-01-01"])
            #expect(created.status == 0, "\(created.standardError)")
            #expect(created.standardOutput.contains("Created SPRING-25 · 25% off · used 0 of 10"), "\(created.standardOutput)")
            #expect(try run(["create", "FIVE", "--amount", "5.00", "--per-customer", "2", "--resellers"]).status == 0)

            let taken = try run(["create", "Spring-25", "--percent", "10"])
            #expect(taken.status == 1 && taken.standardError == "error: the code SPRING-25 exists already\n", "\(taken.standardError)")
            let bad = try run(["create", "no spaces", "--percent", "10"])
            #expect(bad.status == 1 && bad.standardError.contains("can't be a code: 3 to 32 of A-Z, 0-9, - and _"))
            let both = try run(["create", "BOTH", "--percent", "10", "--amount", "1"])
            #expect(both.status == 64 && both.standardError.contains("give --percent or --amount, one of them"))

            #expect(try run(["pause", "five"]).standardOutput == "Paused FIVE.\n")
            let list = try run(["list"])
            #expect(list.standardOutput == "FIVE · $5.00 off · used 0 · revenue $0.00 · paused\nSPRING-25 · 25% off · used 0 of 10 · revenue $0.00\n")
            let limited = try run(["limit", "spring-25", "--uses", "0"])
            #expect(limited.standardOutput == "Changed SPRING-25 · 25% off · used 0 · revenue $0.00.\n", "\(limited.standardOutput)")
            let shown = try run(["show", "spring-25"])
            #expect(shown.standardOutput.contains("per customer: 1, from -, until 2030-01-01T00:00:00Z"), "\(shown.standardOutput)")
            #expect(try run(["show", "nothing"]).standardError == "error: there is no promo code nothing\n")
        }
    }
}
