import ArgumentParser
import Foundation
import Logging
import Marketplace
import QuantumPanel

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill the database named by DATABASE_URL with a demo shop: products, prices, keys and customers.",
        discussion: """
            It adds to what is there, through the same services an admin uses, and migrates first.
            It needs no BOT_TOKEN. Example: quantum-panel seed --products 20 --keys-per-price 100 \\
            --customers 1000-1999 --balance 50 --keys-file keys.txt
            """
    )

    @Option(help: "How many products.")
    var products = 5

    @Option(name: .customLong("prices-per-product"), help: "Prices (durations) per product.")
    var pricesPerProduct = 3

    @Option(name: .customLong("keys-per-price"), help: "Keys in stock per price.")
    var keysPerPrice = 20

    @Option(help: "Telegram ids of demo customers to create, as FIRST-LAST (such as 1000-1099).")
    var customers: String?

    @Option(help: "Starting balance of each demo customer, in currency units (such as 50 or 9.99).")
    var balance = "0"

    @Option(name: .customLong("keys-file"), help: "A file to write every generated key to, one per line.")
    var keysFile: String?

    @Option(name: .customLong("env-file"), help: "The .env file to read after the environment.")
    var environmentFile = ".env"

    func validate() throws {
        guard products >= 0, products <= 10_000 else { throw ValidationError("--products must be from 0 to 10000.") }
        guard (1...20).contains(pricesPerProduct) else { throw ValidationError("--prices-per-product must be from 1 to 20.") }
        guard (0...100_000).contains(keysPerPrice) else { throw ValidationError("--keys-per-price must be from 0 to 100000.") }
        if let customers, Self.range(customers) == nil {
            throw ValidationError(
                "--customers must be FIRST-LAST with positive ids, FIRST <= LAST, at most 1000000 of them, such as 1000-1099; got \"\(customers)\".")
        }
    }

    /// `1000-1099` as a range of Telegram ids.
    static func range(_ text: String) -> ClosedRange<Int64>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let first = parts[0], let last = parts[1], first > 0, first <= last, last - first < 1_000_000 else { return nil }
        return first...last
    }

    func run() async throws {
        // Seeding talks to the database only: the token and owner may be missing.
        try await ShopTask.run(environmentFile: environmentFile) { shop, settings in
            let startingBalance: Money
            do {
                startingBalance = try Money.parse(balance, currency: shop.currency)
            } catch {
                throw ValidationError(
                    "--balance must be an amount in \(shop.currency.code) with at most \(shop.currency.minorDigits) decimals, got \"\(balance)\".")
            }
            let plan = DemoShopSeeder.Plan(
                products: products, pricesPerProduct: pricesPerProduct, keysPerPrice: keysPerPrice,
                customers: customers.flatMap(Self.range), startingBalance: startingBalance
            )
            let outcome = try await DemoShopSeeder(shop: shop, adminID: settings.telegram.rootAdminID).seed(plan)
            if let keysFile {
                try Data(outcome.keys.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: keysFile))
            }
            print(
                "Seeded \(settings.database.location): \(outcome.products) products, \(outcome.prices) prices, \(outcome.keys.count) keys, \(outcome.customers) customers"
                    + (outcome.customers > 0 ? " with \(startingBalance.formatted) each" : "") + (keysFile.map { "; keys written to \($0)" } ?? "")
                    + ".")
        }
    }
}
