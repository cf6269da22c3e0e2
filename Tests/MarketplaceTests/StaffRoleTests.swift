import FluentKit
import FluentSQL
import Marketplace
import MarketplaceTesting
import Testing

/// Staff roles as the services enforce them, whoever asks (the panel, the command line, a forged
/// button): what a role doesn't allow is refused with ``AdminError/notPermitted(_:telegramID:)``
/// and changes nothing.
@Suite(.timeLimit(.minutes(1))) struct StaffRoleTests {
    static let staff: [AdminRole: Int64] = [.owner: 10, .manager: 11, .support: 12, .content: 13]

    /// One change per permission, done by `actor` on a shop with a product (id `product`), a price
    /// (`price`) and a customer (7).
    struct Attempt: Sendable {
        let permission: AdminPermission
        let run: @Sendable (Shop, _ actor: Int64, _ product: Int, _ price: Int) async throws -> Void
    }

    static let attempts: [Attempt] = [
        Attempt(permission: .catalogue) { shop, actor, _, _ in
            _ = try await shop.catalogue.createProduct(name: "New \(actor)", description: "", by: actor)
        },
        Attempt(permission: .catalogue) { shop, actor, product, _ in
            try await shop.catalogue.updateProduct(product, .init(isPremiumOnly: true), by: actor)
        },
        Attempt(permission: .catalogue) { shop, actor, _, price in
            try await shop.catalogue.updatePrice(price, .init(price: Money(minorUnits: 100 + actor, currency: .usd)), by: actor)
        },
        Attempt(permission: .catalogueTexts) { shop, actor, product, _ in
            try await shop.catalogue.updateProduct(product, .init(name: "Renamed \(actor)"), by: actor)
        },
        Attempt(permission: .stock) { shop, actor, _, price in _ = try await shop.stock.addKeys("KEY-\(actor)", to: price, by: actor) },
        Attempt(permission: .customerStatus) { shop, actor, _, _ in _ = try await shop.users.setPremium(actor % 2 == 0, telegramID: 7, by: actor) },
        Attempt(permission: .money) { shop, actor, _, _ in
            _ = try await shop.ledger.credit(Money(minorUnits: 100, currency: .usd), to: 7, reason: .adminCredit, actorID: actor)
        },
        Attempt(permission: .sellers) { shop, actor, _, _ in
            _ = try await shop.sellers.add(username: "seller\(actor)", displayName: "Seller", by: actor)
        },
        Attempt(permission: .broadcasts) { shop, actor, _, _ in
            _ = try await shop.broadcasts.create(BroadcastMessage(text: "Hi"), to: .everyone, isPaid: false, by: actor)
        },
        Attempt(permission: .refunds) { shop, actor, _, _ in
            // No such order: a role that may refund hears that; one that may not, that it may not.
            do {
                _ = try await shop.refunds.refund(orderID: 999, disposition: .restock, by: actor)
            } catch RefundError.orderNotFound {}
        },
    ]

    @Test(arguments: TestDatabase.available)
    func eachRoleMayDoWhatItAllowsAndNothingElseChangesAnything(database: TestDatabase) async throws {
        try await withTestShop(database) { test in
            let shop = Shop(database: test.db, currency: .usd, rootAdminID: TestShop.rootAdmin, starValue: Money(minorUnits: 1, currency: .usd))
            try await test.customer(7)
            let price = try await test.price(keys: 1)
            let product = try await shop.catalogue.adminProduct(havingPrice: price).id
            for (role, id) in Self.staff { try await shop.admins.add(id, username: nil, role: role, by: TestShop.rootAdmin) }

            for (role, actor) in Self.staff.sorted(by: { $0.value < $1.value }) {
                for attempt in Self.attempts {
                    let auditBefore = try await Self.auditCount(test.db)
                    if role.permissions.contains(attempt.permission) {
                        try await attempt.run(shop, actor, product, price)
                    } else {
                        await #expect(throws: AdminError.notPermitted(attempt.permission, telegramID: actor), "\(role) may not \(attempt.permission)")
                        {
                            try await attempt.run(shop, actor, product, price)
                        }
                        #expect(try await Self.auditCount(test.db) == auditBefore, "a refused \(attempt.permission) by a \(role) writes nothing")
                    }
                }
            }
            for attempt in Self.attempts {
                await #expect(throws: AdminError.notAnAdmin(telegramID: 7), "a customer may do none of it") {
                    try await attempt.run(shop, 7, product, price)
                }
            }
            #expect(try await shop.users.find(telegramID: 7)?.balance.minorUnits == 100, "only the owner's credit went through")
            #expect(try await shop.stock.unusedCount(priceID: price) == 3, "the manager's and the owner's keys")
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheRootSetsRolesWhichHoldAtOnceAndAreAudited(database: TestDatabase) async throws {
        try await withTestShop(database) { test in
            let shop = Shop(database: test.db, currency: .usd, rootAdminID: TestShop.rootAdmin, starValue: Money(minorUnits: 1, currency: .usd))
            try await shop.admins.add(10, username: nil, role: .manager, by: TestShop.rootAdmin)
            try await shop.admins.add(11, username: nil, by: AuditLog.commandLine)
            #expect(try await shop.admins.role(of: 11) == .owner, "owner unless said otherwise, as every admin was before roles")
            #expect(try await shop.admins.permissions(of: 10) == AdminRole.manager.permissions)
            #expect(try await shop.admins.permissions(of: TestShop.rootAdmin) == Set(AdminPermission.allCases))
            #expect(try await shop.admins.permissions(of: 12) == nil)

            await #expect(throws: AdminError.notRoot(telegramID: 11), "an owner doesn't manage admins") {
                try await shop.admins.setRole(.support, of: 10, by: 11)
            }
            await #expect(throws: AdminError.rootHasNoRole) {
                try await shop.admins.setRole(.support, of: TestShop.rootAdmin, by: TestShop.rootAdmin)
            }
            await #expect(throws: AdminError.noSuchAdmin(telegramID: 12)) { try await shop.admins.setRole(.support, of: 12, by: TestShop.rootAdmin) }
            await #expect(throws: AdminError.sameRole(.manager)) { try await shop.admins.setRole(.manager, of: 10, by: TestShop.rootAdmin) }

            _ = try await shop.stock.addKeys("K-1", to: try await test.price(), by: 10)
            try await shop.admins.setRole(.support, of: 10, by: TestShop.rootAdmin)
            await #expect(throws: AdminError.notPermitted(.stock, telegramID: 10), "the new role holds at the next call") {
                _ = try await shop.stock.addKeys("K-2", to: 1, by: 10)
            }
            let entry = try #require(try await shop.audit.entries(involving: 10, page: 1).items.first { $0.action == "admin.role" })
            #expect(entry.adminID == TestShop.rootAdmin && entry.before == "manager" && entry.after == "support")
            #expect(try await shop.admins.staff().map(\.role) == [nil, .support, .owner])
        }
    }

    @Test(arguments: TestDatabase.available)
    func adminsFromBeforeRolesAreOwners(database: TestDatabase) async throws {
        try await withTestShop(database) { test in
            // A row as the earlier version wrote it, with no role.
            let sql = try #require(test.db as? any SQLDatabase)
            try await sql.raw(
                "INSERT INTO admins (telegram_id, username, added_by) VALUES (\(bind: Int64(20)), \(bind: "old"), \(bind: TestShop.rootAdmin))"
            ).run()
            #expect(try await test.admins.role(of: 20) == .owner)
        }
    }

    static func auditCount(_ db: any Database) async throws -> Int {
        try await AuditService(database: db).entries(page: 1, pageSize: 1).totalCount
    }
}
