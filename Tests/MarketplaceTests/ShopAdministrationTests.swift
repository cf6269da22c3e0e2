import FluentSQL
import Marketplace
import MarketplaceTesting
import Testing

@Suite(.timeLimit(.minutes(1))) struct ShopAdministrationTests {
    @Test(arguments: TestDatabase.available)
    func aStatusThisVersionDoesNotKnowIsAnErrorNotAGuess(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(500, balance: "20.00")
            let sql = shop.db as! any SQLDatabase
            let order = try await shop.purchases.buy(telegramID: 500, priceID: try await shop.price(keys: 1)).orderID
            let refunds = RefundService(database: shop.db, currency: TestShop.currency)
            #expect(try await refunds.order(order).status == .completed)
            try await sql.raw("UPDATE orders SET status = 'lost' WHERE id = \(bind: order)").run()
            await #expect(throws: (any Error).self, "an order's status from a newer version") { try await refunds.order(order) }
            #expect(try await shop.ledger.recentLines(of: 500).map(\.reason) == [.purchase, .adminCredit])
            try await sql.raw("UPDATE ledger_entries SET reason = 'gift'").run()
            await #expect(throws: (any Error).self, "a ledger reason from a newer version, not an admin's credit") {
                try await shop.ledger.recentLines(of: 500)
            }

            let refunded = try await shop.purchases.buy(telegramID: 500, priceID: try await shop.price("Spotify", keys: 1)).orderID
            _ = try await refunds.refund(orderID: refunded, disposition: .restock, by: TestShop.rootAdmin)
            #expect(try await refunds.order(refunded).keys.first?.refund?.disposition == .restock)
            try await sql.raw("UPDATE key_refunds SET disposition = 'lost'").run()
            await #expect(throws: (any Error).self, "a refund's disposition from a newer version, not 'revoke'") { try await refunds.order(refunded) }

            let broadcasts = BroadcastService(database: shop.db)
            let broadcast = try await broadcasts.create(BroadcastMessage(text: "Hi"), to: .everyone, isPaid: false, by: TestShop.rootAdmin)
            #expect(try await broadcasts.status(broadcast.id) == .sending)
            #expect(try await broadcasts.counts(broadcast.id).byState == [.pending: 1])
            try await sql.raw("UPDATE broadcast_deliveries SET state = 'lost'").run()
            await #expect(throws: (any Error).self, "a delivery's state from a newer version") { try await broadcasts.counts(broadcast.id) }
            try await sql.raw("UPDATE broadcasts SET status = 'exploded' WHERE id = \(bind: broadcast.id)").run()
            await #expect(throws: (any Error).self, "a newer version's status, read by this one") { try await broadcasts.status(broadcast.id) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func stockTakesKeysPerLineAndCountsDuplicatesAndInvalidOnes(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(keys: 0)
            let first = try await shop.stock.addKeys(
                "  AAA-1 \nBBB-2\n\nAAA-1\n\(String(repeating: "x", count: 600))\nbad\u{0007}key\n", to: price, by: TestShop.rootAdmin)
            #expect(first.added == 2 && first.duplicates == 1 && first.invalid == 2 && first.blank == 1 && first.restocked)
            #expect(first.refusals.map(\.line) == [4, 5, 6], "the refused lines, numbered as an editor does")
            #expect(first.refusals.map(\.reason) == [.repeated, .tooLong, .controlCharacters])
            let second = try await shop.stock.addKeys("BBB-2\nCCC-3", to: price, by: TestShop.rootAdmin)
            #expect(second == StockReport(added: 1, duplicates: 1, invalid: 0, refusals: [.init(line: 1, text: "BBB-2", reason: .alreadyInStock)]))
            #expect(try await shop.stock.unusedCount(priceID: price) == 3)

            try await shop.customer(5, balance: "5.00")
            let sold = try await shop.purchases.buy(telegramID: 5, priceID: price)
            #expect(sold.keys == ["AAA-1"])
            let unused = try await shop.stock.unusedKeys(priceID: price)
            #expect(unused.map(\.text) == ["BBB-2", "CCC-3"])
            let soldID = unused[0].id - 1
            await #expect(throws: CatalogueError.soldKeyCantBeDeleted(keyID: soldID)) {
                try await shop.stock.deleteUnused(keyIDs: [soldID, unused[0].id], by: TestShop.rootAdmin)
            }
            try await shop.stock.deleteUnused(keyIDs: [unused[0].id], by: TestShop.rootAdmin)
            #expect(try await shop.stock.unusedKeys(priceID: price).map(\.text) == ["CCC-3"])
            let third = try await shop.stock.addKeys(
                "CCC-3\n" + Array(repeating: "NEW-1", count: 6).joined(separator: "\n"), to: price, by: TestShop.rootAdmin)
            #expect(third.refusals.map(\.line) == [1, 3, 4, 5, 6], "the first refused lines, whichever their reason")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theRootAdminIsPermanentAndOnlyAdminsManageAdmins(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            #expect(try await shop.admins.isAdmin(TestShop.rootAdmin))
            #expect(try await !shop.admins.isAdmin(50))
            await #expect(throws: AdminError.notRoot(telegramID: 60)) { try await shop.admins.add(50, username: "eve", by: 60) }
            try await shop.admins.add(50, username: "helper", by: TestShop.rootAdmin)
            await #expect(throws: AdminError.alreadyAnAdmin(telegramID: 50)) {
                try await shop.admins.add(50, username: "helper", by: TestShop.rootAdmin)
            }
            await #expect(throws: AdminError.alreadyAnAdmin(telegramID: TestShop.rootAdmin)) {
                try await shop.admins.add(TestShop.rootAdmin, username: nil, by: AuditLog.commandLine)
            }
            #expect(try await shop.admins.list() == [TestShop.rootAdmin, 50])
            await #expect(throws: AdminError.notRoot(telegramID: 50), "an admin who isn't root can't add admins") {
                try await shop.admins.add(51, username: nil, by: 50)
            }
            try await shop.admins.add(51, username: nil, by: AuditLog.commandLine)
            await #expect(throws: AdminError.notRoot(telegramID: 50), "nor remove them") { try await shop.admins.remove(51, by: 50) }
            for actor in [50, TestShop.rootAdmin, AuditLog.commandLine] {
                await #expect(throws: AdminError.rootIsPermanent) { try await shop.admins.remove(TestShop.rootAdmin, by: actor) }
            }
            try await shop.admins.remove(50, by: TestShop.rootAdmin)
            #expect(try await !shop.admins.isAdmin(50), "removal takes effect at once")
            await #expect(throws: AdminError.noSuchAdmin(telegramID: 50)) { try await shop.admins.remove(50, by: TestShop.rootAdmin) }
            #expect(try await shop.admins.staff().map(\.isRoot) == [true, false])
        }
    }

    @Test(arguments: TestDatabase.available)
    func catalogueShowsEachCustomerWhatTheyMayBuyAndTheStock(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let netflix = try await shop.price("Netflix", price: "5.00", reseller: "4.00", keys: 3)
            _ = try await shop.price("Spotify", price: "2.00", keys: 1, premiumOnly: true)
            let hidden = try await shop.catalogue.createProduct(name: "Secret", description: "", by: TestShop.rootAdmin)
            try await shop.catalogue.setProductVisible(false, productID: hidden, by: TestShop.rootAdmin)
            let free = try await shop.customer(1000)
            let view = try await shop.catalogue.products(for: free)
            #expect(view.map(\.name) == ["Netflix", "Spotify"])
            #expect(view[0].offers.map(\.price) == [TestShop.dollars("5.00")])
            #expect(view[0].offers.map(\.stock) == [3])
            #expect(view[1].isLocked)
            _ = try await shop.users.setReseller(true, telegramID: 1000)
            _ = try await shop.users.setPremium(true, telegramID: 1000)
            let reseller = try await shop.catalogue.products(for: try await shop.users.find(telegramID: 1000)!)
            #expect(reseller[0].offers.first { $0.priceID == netflix }?.price == TestShop.dollars("4.00"))
            #expect(reseller[1].isLocked == false)
            await #expect(throws: CatalogueError.productInUse(keys: 3, orders: 0)) {
                try await shop.catalogue.deleteProduct(1, by: TestShop.rootAdmin)
            }
            try await shop.catalogue.deleteProduct(hidden, by: TestShop.rootAdmin)
        }
    }

    @Test(arguments: TestDatabase.available)
    func ledgerRefusesOverdraftsAndBooksAnIdempotencyKeyOnce(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(9, balance: "1.00")
            await #expect(throws: LedgerError.insufficientFunds(balance: TestShop.dollars("1.00"))) {
                try await shop.ledger.debit(TestShop.dollars("1.01"), from: 9, reason: .adminDebit, actorID: 1)
            }
            await #expect(throws: LedgerError.nonPositiveAmount) {
                try await shop.ledger.credit(TestShop.dollars("0"), to: 9, reason: .adminCredit, actorID: 1)
            }
            await #expect(throws: LedgerError.unknownCustomer(telegramID: 404)) {
                try await shop.ledger.credit(TestShop.dollars("1"), to: 404, reason: .adminCredit, actorID: 1)
            }
            try await shop.ledger.credit(TestShop.dollars("2.50"), to: 9, reason: .starsTopUp, actorID: 9, idempotencyKey: "stx-charge-1")
            try await shop.ledger.credit(TestShop.dollars("2.50"), to: 9, reason: .starsTopUp, actorID: 9, idempotencyKey: "stx-charge-1")
            #expect(try await shop.users.find(telegramID: 9)?.balance == TestShop.dollars("3.50"))
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }
}

@Suite(.timeLimit(.minutes(1))) struct SellersAndStatsTests {

    @Test(arguments: TestDatabase.available)
    func sellersAreListedInTheOrderAdminsSet(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let service = SellerService(database: shop.db)
            let ann = try await service.add(username: "@ann_keys", displayName: "Ann", by: TestShop.rootAdmin)
            _ = try await service.add(username: "bob_store", displayName: "Bob", note: "fast", by: TestShop.rootAdmin)
            await #expect(throws: SellerError.alreadyListed(username: "ann_keys")) {
                try await service.add(username: "ann_keys", displayName: "Again", by: TestShop.rootAdmin)
            }
            await #expect(throws: SellerError.usernameInvalid) { try await service.add(username: "no", displayName: "Short", by: TestShop.rootAdmin) }
            await #expect(throws: SellerError.displayNameEmpty) {
                try await service.add(username: "carol_shop", displayName: "  ", by: TestShop.rootAdmin)
            }
            #expect(try await service.list().map(\.username) == ["ann_keys", "bob_store"])
            #expect(try await service.move(ann.id, up: false, by: TestShop.rootAdmin) == (2, 2))
            #expect(try await service.list().map(\.username) == ["bob_store", "ann_keys"])
            #expect(try await service.move(ann.id, up: false, by: TestShop.rootAdmin) == (2, 2), "the last stays last")
            _ = try await service.edit(ann.id, displayName: "Ann K.", by: TestShop.rootAdmin)
            try await service.remove(ann.id, by: TestShop.rootAdmin)
            #expect(try await service.list().map(\.displayName) == ["Bob"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func statsCountCustomersOrdersRevenueAndStock(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let netflix = try await shop.price("Netflix", price: "5.00", keys: 4)
            _ = try await shop.price("Spotify", price: "2.00", keys: 2)
            try await shop.customer(1, balance: "20.00")
            try await shop.customer(2)
            _ = try await shop.users.setPremium(true, telegramID: 2)
            _ = try await shop.users.setReseller(true, telegramID: 1)
            _ = try await shop.purchases.buy(telegramID: 1, priceID: netflix, quantity: 3)
            let stats = try await StatsService(database: shop.db, currency: .usd).stats()
            #expect(stats.customers == 2)
            #expect(stats.premiumCustomers == 1)
            #expect(stats.today == ShopStats.Period(orders: 1, revenue: TestShop.dollars("15.00")))
            #expect(stats.allTime == stats.today)
            #expect(stats.products.map(\.name) == ["Netflix", "Spotify"])
            #expect(stats.products.map(\.stock) == [1, 2])
            #expect(stats.products.map(\.sold) == [3, 0])
        }
    }
}

@Suite(.timeLimit(.minutes(1))) struct CustomersAndEditsTests {
    @Test(arguments: TestDatabase.available)
    func customersRegisterOnceRefreshAndAreFoundByUsername(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let first = try await shop.users.register(telegramID: 77, username: "Ana_L", firstName: "Ana", languageCode: "pt")
            let again = try await shop.users.register(telegramID: 77, username: "ana_new", firstName: "Ana Lima", languageCode: nil)
            #expect(again.id == first.id)
            #expect(again.firstName == "Ana Lima")
            #expect(again.languageCode == "pt", "a missing language keeps the known one")
            #expect(try await shop.users.find(username: "@ANA_NEW")?.telegramID == 77)
            #expect(try await shop.users.find(username: "ana_l") == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func premiumUpgradeIsPaidThroughTheLedgerOnce(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(5, balance: "9.00")
            await #expect(throws: LedgerError.insufficientFunds(balance: TestShop.dollars("9.00"))) {
                try await shop.users.upgradeToPremium(telegramID: 5, price: TestShop.dollars("10.00"))
            }
            #expect(try await shop.users.find(telegramID: 5)?.isPremium == false)
            let premium = try await shop.users.upgradeToPremium(telegramID: 5, price: TestShop.dollars("4.00"))
            #expect(premium.isPremium)
            #expect(premium.balance == TestShop.dollars("5.00"))
            await #expect(throws: AccountError.alreadyPremium) {
                try await shop.users.upgradeToPremium(telegramID: 5, price: TestShop.dollars("4.00"))
            }
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func productsAndPricesCanBeEditedFieldByField(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price("Netflix", price: "5.00", keys: 1)
            try await shop.catalogue.updateProduct(
                1, .init(name: " Netflix 4K ", description: "UHD", photoFileID: .some("AgAC-photo"), isPremiumOnly: false), by: TestShop.rootAdmin)
            try await shop.catalogue.updatePrice(
                price,
                .init(
                    durationLabel: "Lifetime", durationDays: .some(nil), price: TestShop.dollars("20.00"),
                    resellerPrice: .some(TestShop.dollars("15.00"))), by: TestShop.rootAdmin)
            let customer = try await shop.customer(1)
            let view = try await shop.catalogue.products(for: customer)
            #expect(view.first?.name == "Netflix 4K")
            #expect(view.first?.photoFileID == "AgAC-photo")
            #expect(view.first?.offers.first?.durationLabel == "Lifetime")
            #expect(view.first?.offers.first?.durationDays == nil)
            #expect(view.first?.offers.first?.price == TestShop.dollars("20.00"))
            await #expect(throws: CatalogueError.nameEmpty) { try await shop.catalogue.updateProduct(1, .init(name: "  "), by: TestShop.rootAdmin) }
            await #expect(throws: CatalogueError.priceNotFound(priceID: 99)) {
                try await shop.catalogue.updatePrice(99, .init(price: TestShop.dollars("1")), by: TestShop.rootAdmin)
            }
            await #expect(throws: CatalogueError.durationNotPositive) {
                try await shop.catalogue.updatePrice(price, .init(durationDays: .some(0)), by: TestShop.rootAdmin)
            }
        }
    }
}
