import BotAPISandbox
import BotRouting
import Foundation
import Marketplace
import MarketplaceTesting
import Testing

/// A dialog an earlier version left open, in a form this version no longer runs (it moved to a
/// scene), is not lost silently: the user is told it ended, nothing was changed, and the next
/// message is answered as any other.
@Suite(.timeLimit(.minutes(2))) struct DialogUpgradeTests {
    /// What the version before scenes stored: a reseller typing a quantity, an admin typing a new
    /// product's name.
    static let stored: [(state: String, data: [String: String], isAdmin: Bool)] = [
        ("shop:quantity", ["priceID": "1"], false),
        (
            "admin:productName",
            ["draft": #"{"task":"addProduct","isLifetime":false,"hasNoResellerPrice":false,"isPaid":false,"dialogID":7,"stepUpdateID":1}"#], true
        ),
    ]

    @Test(arguments: 0..<stored.count)
    func aDialogAnEarlierVersionLeftOpenEndsAndSaysSo(_ index: Int) async throws {
        let dialog = Self.stored[index]
        try await withShop(rootAdminID: ShopHarness.firstSandboxUser) { harness in
            let owner = try await harness.customer("Owner")
            let user = dialog.isAdmin ? owner : try await harness.customer("Ana")
            let key = StorageKey(chatID: user.chatID, userID: user.id)
            try await harness.storage.setState(dialog.state, for: key)
            try await harness.storage.setData(dialog.data.mapValues { Array($0.utf8) }, for: key)

            let answer = try await user.ask("Netflix")
            #expect(answer.shown.hasPrefix("That dialog has ended"), "\(answer.shown)")
            #expect(try await harness.storage.state(for: key) == nil)
            #expect(try await harness.shop.catalogue.adminProducts().isEmpty, "nothing was changed")
            #expect(!(try await user.ask("Netflix").shown.hasPrefix("That dialog has ended")), "nothing is left of it")
        }
    }
}
