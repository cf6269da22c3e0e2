import FluentKit
import Foundation
import Logging
import Marketplace
import Testing

/// `customers`, `admins`, `orders`, `sellers` and `export` on the command line: the same
/// services and refusals as the panel, with the command line in the audit log.
@Suite(.timeLimit(.minutes(1))) struct PeopleCommandLineTests {
    static let environment = ["DATABASE_URL": "sqlite://shop.sqlite"]

    static func run(_ arguments: [String], in directory: String) throws -> CommandLineTests.Run {
        try CommandLineTests.run(arguments, environment: environment, in: directory)
    }

    /// Opens the shop the commands wrote, for what only the bot does (a purchase).
    static func withShop(in directory: String, _ body: (Shop) async throws -> Void) async throws {
        let database = try MarketplaceDatabase(location: .sqliteFile(directory + "/shop.sqlite"))
        do {
            try await body(
                Shop(
                    database: database.database(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })), currency: .usd,
                    rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd)))
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }

    @Test func customersAreShownCreditedDebitedAndChangedWithClearRefusals() async throws {
        try await withTemporaryDirectory { directory in
            #expect(
                try Self.run(
                    ["seed", "--products", "1", "--prices-per-product", "1", "--keys-per-price", "3", "--customers", "500-501", "--balance", "25"],
                    in: directory
                ).status == 0)
            #expect(
                try Self.run(["customers", "credit", "500", "5", "--reason", "Paid in cash"], in: directory).standardOutput
                    == "Credited $5.00 to 500; the balance is $30.00.\n")
            let refused = try Self.run(["customers", "debit", "500", "100", "--reason", "Chargeback"], in: directory)
            #expect(refused.status == 1 && refused.standardError == "error: the balance is $30.00: it can't go below zero\n")
            #expect(
                try Self.run(["customers", "credit", "500", "5", "--reason", " "], in: directory).standardError
                    == "error: a reason is needed: the customer is shown it\n")
            #expect(
                try Self.run(["customers", "credit", "500", "5x", "--reason", "r"], in: directory).standardError.hasPrefix(
                    "error: 5x isn't an amount"))
            #expect(
                try Self.run(["customers", "show", "999"], in: directory).standardError
                    == "error: no customer 999: a customer appears once they start the bot\n")
            for (command, state) in [("premium", "on"), ("reseller", "on"), ("ban", "on"), ("ban", "off")] {
                #expect(try Self.run(["customers", command, "500", state], in: directory).status == 0, "\(command) \(state)")
            }
            let show = try Self.run(["customers", "show", "500"], in: directory).standardOutput
            #expect(show.contains("$30.00 [premium, reseller]") && show.contains("admin_credit $5.00 → $30.00: Paid in cash"))
            #expect(try Self.run(["customers", "list", "--filter", "premium"], in: directory).standardOutput.hasPrefix("500 "))

            let audit = try Self.run(["export", "audit"], in: directory).standardOutput.split(separator: "\r\n").filter {
                $0.contains(",0,") && $0.contains(",customer 500,")
            }
            #expect(
                audit.map { $0.split(separator: ",")[3] } == [
                    "balance.admin_credit", "customer.premium.grant", "customer.reseller.grant", "customer.ban", "customer.unban",
                ], "each change in the audit log, by the command line")
            try await Self.withShop(in: directory) { shop async throws in
                #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
            }
        }
    }

    @Test func theCommandLineManagesAdminsAsTheRootAndNeverRemovesTheRoot() async throws {
        try await withTemporaryDirectory { directory in
            let added = try Self.run(["admins", "add", "700"], in: directory)
            #expect(added.standardOutput == "700 is an admin now, with the role owner.\n")
            #expect(try Self.run(["admins", "add", "700"], in: directory).standardError == "error: 700 is already an admin\n")
            #expect(
                try Self.run(["admins", "add", "@nobody_here"], in: directory).standardError.hasPrefix(
                    "error: no one with @nobody_here has started the bot"))
            #expect(try Self.run(["admins", "remove", "1"], in: directory).standardError == "error: the root admin can't be removed\n")
            #expect(try Self.run(["admins", "list"], in: directory).standardOutput == "1 (root)\n700 (owner)\n")
            #expect(try Self.run(["admins", "role", "700", "support"], in: directory).standardOutput == "700 is support now.\n")
            #expect(try Self.run(["admins", "role", "700", "boss"], in: directory).standardError.contains("boss"), "an unknown role is refused")
            #expect(
                try Self.run(["admins", "role", "1", "support"], in: directory).standardError
                    == "error: the root admin may do everything and has no role to set\n")
            #expect(try Self.run(["admins", "list"], in: directory).standardOutput == "1 (root)\n700 (support)\n")
            #expect(try Self.run(["admins", "remove", "700"], in: directory).status == 0)
            #expect(try Self.run(["admins", "remove", "700"], in: directory).standardError == "error: 700 is not an admin\n")
        }
    }

    @Test func anOrderIsRefundedOnceAndEverythingExportsAsCSV() async throws {
        try await withTemporaryDirectory { directory in
            #expect(
                try Self.run(
                    ["seed", "--products", "1", "--prices-per-product", "1", "--keys-per-price", "3", "--customers", "500-501", "--balance", "100"],
                    in: directory
                ).status == 0)
            var orderID = 0
            try await Self.withShop(in: directory) { shop in
                _ = try await shop.users.setReseller(true, telegramID: 500)
                orderID = try await shop.purchases.buy(telegramID: 500, priceID: 1, quantity: 2).orderID
            }
            let shown = try Self.run(["orders", "show", "\(orderID)"], in: directory).standardOutput
            #expect(shown.hasPrefix("Order #\(orderID) of 500") && shown.components(separatedBy: "  key #").count == 3)
            let keyID = try #require(shown.split(separator: "\n")[1].split(separator: " ")[1].dropFirst().description)
            let first = try Self.run(["orders", "refund", "\(orderID)", "--keys", keyID, "--revoke"], in: directory)
            #expect(first.standardOutput.hasPrefix("Refunded ") && first.standardOutput.contains("for 1 keys"), "\(first.standardError)")
            #expect(
                try Self.run(["orders", "refund", "\(orderID)", "--keys", keyID, "--restock"], in: directory).standardError
                    == "error: key \(keyID) has been refunded already\n")
            #expect(try Self.run(["orders", "refund", "\(orderID)", "--restock"], in: directory).status == 0)
            #expect(
                try Self.run(["orders", "refund", "\(orderID)", "--restock"], in: directory).standardError
                    == "error: every key of order \(orderID) has been refunded already\n")
            #expect(try Self.run(["orders", "refund", "\(orderID)"], in: directory).status == 64, "--restock or --revoke must be said")

            #expect(try Self.run(["sellers", "add", "@best_keys", "--name", "Best", "--note", "=HYPERLINK(\"x\")"], in: directory).status == 0)
            #expect(
                try Self.run(["sellers", "add", "best_keys", "--name", "Again"], in: directory).standardError
                    == "error: @best_keys is already on the list\n")
            #expect(try Self.run(["sellers", "add", "@second_one", "--name", "Second"], in: directory).status == 0)
            #expect(try Self.run(["sellers", "move", "2", "up"], in: directory).standardOutput == "Seller #2 is now 1 of 2.\n")
            #expect(try Self.run(["sellers", "edit", "1", "--note", ""], in: directory).status == 0)
            #expect(try Self.run(["sellers", "list"], in: directory).standardOutput == "#2 @second_one Second\n#1 @best_keys Best\n")
            #expect(try Self.run(["sellers", "remove", "9"], in: directory).standardError == "error: no seller 9\n")

            let orders = try Self.run(["orders", "export"], in: directory).standardOutput
            #expect(orders.hasPrefix("order,date,customer,product,duration,quantity,amount,currency,status\r\n"))
            #expect(orders.split(separator: "\r\n").count == 2 && orders.contains(",refunded\r\n"))
            #expect(
                try Self.run(["export", "orders", "--from", "2000-01-01", "--to", "2000-12-31"], in: directory).standardOutput.split(
                    separator: "\r\n"
                ).count == 1, "none in 2000")
            #expect(
                try Self.run(["export", "customers", "--output", "customers.csv"], in: directory).standardOutput
                    == "Exported 2 rows to customers.csv.\n")
            let customers = try String(contentsOfFile: directory + "/customers.csv", encoding: .utf8)
            #expect(customers.contains("\r\n500,") && customers.contains(",yes,no,"))
            let ledger = try Self.run(["export", "ledger"], in: directory).standardOutput
            #expect(ledger.contains(",refund,") && ledger.contains(",purchase,"))
            let audit = try Self.run(["export", "audit"], in: directory).standardOutput
            #expect(audit.contains("'=HYPERLINK(\"\"x\"\")") || audit.contains("\"'=HYPERLINK(\"\"x\"\")\""), "a formula is defused and quoted")
            #expect(try Self.run(["export", "audit", "--from", "tomorrow"], in: directory).standardError.contains("is not a day"))
        }
    }
}
