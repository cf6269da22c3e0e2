import FluentKit
import Foundation
import Logging
import Marketplace
import Testing

/// Runs the built `quantum-panel` executable the way a shop owner does.
@Suite(.timeLimit(.minutes(1))) struct CommandLineTests {
    struct Run {
        var status: Int32
        var standardError: String
        var standardOutput: String = ""
    }

    /// The executable sits beside the test bundle, since this test target depends on it.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("quantum-panel")
    }

    static func run(_ arguments: [String], environment: [String: String], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let errors = Pipe()
        process.standardError = errors
        // A file, not a pipe: a long output can't fill a pipe no one reads while stderr is read.
        let outputPath = directory + "/stdout-\(UUID().uuidString).txt"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let standardOutput = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outputPath)
        return Run(status: process.terminationStatus, standardError: String(decoding: output, as: UTF8.self), standardOutput: standardOutput)
    }

    @Test func missingConfigurationPrintsEachProblemAndExitsWithCode2() async throws {
        try await withTemporaryDirectory { directory in
            let run = try Self.run([], environment: [:], in: directory)
            #expect(run.status == 2)
            let lines = run.standardError.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines[0].hasPrefix("error: BOT_TOKEN is missing"))
            #expect(lines[1].hasPrefix("error: ROOT_ADMIN_ID is missing"))
            #expect(lines[2] == "See .env.example for every setting.")
        }
    }

    @Test func badDotEnvIsReportedWithoutEchoingTheToken() async throws {
        try await withTemporaryDirectory { directory in
            try "BOT_TOKEN=123456789:AAHdqTcvCH1vGWJx\nROOT_ADMIN_ID=me\nBOT_MODE=webhook\n".write(
                toFile: directory + "/.env", atomically: true, encoding: .utf8)
            let run = try Self.run(["run"], environment: [:], in: directory)
            #expect(run.status == 2)
            #expect(run.standardError.contains("BOT_TOKEN is malformed"))
            #expect(run.standardError.contains(#"ROOT_ADMIN_ID must be a positive integer (your numeric Telegram user id), got "me"."#))
            #expect(run.standardError.contains("WEBHOOK_URL is missing"))
            #expect(!run.standardError.contains("AAHdqTcv"))
        }
    }

    @Test func seedFillsADemoShopThroughTheServicesWithoutAToken() async throws {
        try await withTemporaryDirectory { directory in
            let arguments = [
                "seed", "--products", "2", "--prices-per-product", "2", "--keys-per-price", "3",
                "--customers", "500-502", "--balance", "25", "--keys-file", "keys.txt",
            ]
            let run = try Self.run(arguments, environment: ["DATABASE_URL": "sqlite://shop.sqlite"], in: directory)
            #expect(run.status == 0, "\(run.standardError)")
            let keys = try String(contentsOfFile: directory + "/keys.txt", encoding: .utf8).split(separator: "\n")
            #expect(keys.count == 12 && Set(keys).count == 12)

            let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            let database = try MarketplaceDatabase(location: .sqliteFile(directory + "/shop.sqlite"))
            do {
                let shop = Shop(
                    database: database.database(logger: logger), currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd))
                let customer = try #require(try await shop.users.find(telegramID: 501))
                #expect(customer.balance == Money(minorUnits: 2500, currency: .usd))
                let catalogue = try await shop.catalogue.products(for: customer)
                #expect(catalogue.map(\.name) == ["Netflix Premium", "Spotify Family"])
                #expect(catalogue.flatMap(\.offers).map(\.stock) == [3, 3, 3, 3])
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }

    @Test func aCatalogueMovesBetweenShopsAsJSONThroughTheServicesAndTheAuditLog() async throws {
        try await withTemporaryDirectory { directory in
            let first = ["DATABASE_URL": "sqlite://first.sqlite"]
            let second = ["DATABASE_URL": "sqlite://second.sqlite"]
            #expect(
                try Self.run(["seed", "--products", "2", "--prices-per-product", "2", "--keys-per-price", "1"], environment: first, in: directory)
                    .status == 0)
            let export = try Self.run(["products", "export", "--output", "catalogue.json"], environment: first, in: directory)
            #expect(export.status == 0, "\(export.standardError)")
            #expect(export.standardOutput == "Exported 2 products, 4 prices to catalogue.json.\n")
            let json = try String(contentsOfFile: directory + "/catalogue.json", encoding: .utf8)
            #expect(
                json.contains(#""currency" : "USD""#) && json.contains(#""price" : "5.00""#) && json.contains(#""reseller_price" : "4.00""#),
                "amounts are text, never floating point")

            let imported = try Self.run(["products", "import", "catalogue.json"], environment: second, in: directory)
            #expect(imported.standardOutput == "Imported 2 products and 4 prices from catalogue.json.\n", "\(imported.standardError)")
            let again = try Self.run(["products", "import", "catalogue.json"], environment: second, in: directory)
            #expect(
                again.standardOutput.hasPrefix(
                    "Imported 0 products and 0 prices from catalogue.json. Skipped, already in the shop: Netflix Premium, Spotify Family."))
            let list = try Self.run(["products", "list"], environment: second, in: directory)
            #expect(
                list.standardOutput.hasPrefix("#1 Netflix Premium [shown]\n  price #1 1 month (30 days): $5.00, resellers $4.00; 0 unsold, 0 sold"),
                "\(list.standardOutput)")

            try await withShop(directory + "/second.sqlite") { shop, database async throws in
                let exported = try await shop.catalogue.exportCatalogue()
                #expect(exported == (try JSONDecoder().decode(CatalogueFile.self, from: Data(json.utf8))), "the same catalogue, field for field")
                let actors = Set(try await AuditEntry.query(on: database).all().map(\.adminID))
                #expect(actors == [AuditLog.commandLine], "recorded as the command line")
            }
        }
    }

    @Test func anImportWithOneProblemImportsNothingAndSaysWhereEachProblemIs() async throws {
        try await withTemporaryDirectory { directory in
            let file =
                #"{"currency": "USD", "products": [{"name": "Fine", "description": "", "premium_only": false, "visible": true, "prices": [{"label": "1 month", "days": 30, "price": "5", "visible": true}]}, {"name": " ", "description": "", "premium_only": false, "visible": true, "prices": [{"label": "1 month", "days": 0, "price": "9.999", "visible": true}]}]}"#
            try file.write(toFile: directory + "/bad.json", atomically: true, encoding: .utf8)
            let run = try Self.run(["products", "import", "bad.json"], environment: ["DATABASE_URL": "sqlite://shop.sqlite"], in: directory)
            #expect(run.status == 1)
            #expect(run.standardError.contains("error: nothing was imported from bad.json:"))
            #expect(run.standardError.contains("products[1].name: the name is empty"))
            #expect(run.standardError.contains("products[1].prices[0].days: a duration is at least 1 day"))
            #expect(run.standardError.contains(#"products[1].prices[0].price: "9.999": at most 2 decimals"#))
            try "{\"currency\": \"USD\"}".write(toFile: directory + "/short.json", atomically: true, encoding: .utf8)
            let short = try Self.run(["products", "import", "short.json"], environment: ["DATABASE_URL": "sqlite://shop.sqlite"], in: directory)
            #expect(short.standardError == "error: short.json isn't a catalogue file: products is missing\n")
            try await withShop(directory + "/shop.sqlite") { shop, _ async throws in
                #expect(try await shop.catalogue.productCount() == 0)
            }
        }
    }

    @Test func keysAreImportedFromAFileAndExportedPerPrice() async throws {
        try await withTemporaryDirectory { directory in
            let environment = ["DATABASE_URL": "sqlite://shop.sqlite"]
            #expect(
                try Self.run(
                    ["seed", "--products", "1", "--prices-per-product", "1", "--keys-per-price", "0"], environment: environment, in: directory
                ).status == 0)
            try "key,note\nA-1,x\nA-2,y\nA-1,again\n\n".write(toFile: directory + "/keys.csv", atomically: true, encoding: .utf8)
            let imported = try Self.run(["keys", "import", "--price", "1", "keys.csv"], environment: environment, in: directory)
            #expect(
                imported.standardOutput
                    == "Added 2 keys to price #1 from keys.csv: 1 duplicates, 1 blank lines, 0 invalid.\n  line 4 refused (repeated above): A-1\n",
                "\(imported.standardError)")
            #expect(try Self.run(["keys", "export", "--price", "1"], environment: environment, in: directory).standardOutput == "A-1\nA-2\n")
            let missing = try Self.run(["keys", "export", "--price", "99"], environment: environment, in: directory)
            #expect(missing.status == 1 && missing.standardError == "error: no price 99\n")
            try "A-3".write(toFile: directory + "/keys.xlsx", atomically: true, encoding: .utf8)
            let wrongType = try Self.run(["keys", "import", "--price", "1", "keys.xlsx"], environment: environment, in: directory)
            #expect(wrongType.status == 1 && wrongType.standardError == "error: keys.xlsx isn't a .txt or .csv file\n")
            #expect(
                try Self.run(["keys", "export", "--price", "1"], environment: environment, in: directory).standardOutput == "A-1\nA-2\n",
                "a refused file adds nothing")
        }
    }

    /// The shop in a SQLite file the command line wrote, for checking what it did.
    private func withShop(_ path: String, _ body: (Shop, any Database) async throws -> Void) async throws {
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let database = try MarketplaceDatabase(location: .sqliteFile(path))
        do {
            try await database.migrate(logger: logger)
            let db = database.database(logger: logger)
            try await body(Shop(database: db, currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd)), db)
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }

    @Test func seedWithoutCustomersStocksProductsOnly() async throws {
        try await withTemporaryDirectory { directory in
            let run = try Self.run(
                ["seed", "--products", "1", "--keys-per-price", "0"], environment: ["DATABASE_URL": "sqlite://shop.sqlite"], in: directory)
            #expect(run.status == 0, "\(run.standardError)")
        }
    }

    @Test func seedRefusesABadCustomerRange() async throws {
        try await withTemporaryDirectory { directory in
            let run = try Self.run(["seed", "--customers", "99-1"], environment: [:], in: directory)
            #expect(run.status == 64)
            #expect(run.standardError.contains("--customers must be FIRST-LAST"))
        }
    }

    @Test func sandboxCommandPrintsTheURLAndTokenToUse() async throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["sandbox", "--api-only", "--port", "0"]
        process.environment = [:]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        defer { process.terminate() }
        var text = ""
        while !text.contains("Press Ctrl-C") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.contains("Bot API sandbox running at http://127.0.0.1:"))
        #expect(text.contains("BOT_TOKEN=1000000001:SANDBOX_sandbox_sandbox_sandbox_token"))
    }

    @Test func migrateBuildsASQLiteFileAndRunsAgainHarmlessly() async throws {
        try await withTemporaryDirectory { directory throws in
            let environment = [
                "BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x", "ROOT_ADMIN_ID": "1",
                "DATABASE_URL": "sqlite://\(directory)/db/shop.sqlite", "LOG_DIR": directory,
            ]
            #expect(try Self.run(["migrate"], environment: environment, in: directory).status == 0)
            #expect(FileManager.default.fileExists(atPath: directory + "/db/shop.sqlite"))
            #expect(try Self.run(["migrate"], environment: environment, in: directory).status == 0)
        }
    }

    @Test(.enabled(if: TestServers.shouldRun(TestServers.postgresVariable)))
    func migrateBuildsAPostgreSQLDatabase() async throws {
        let url = try TestServers.url(TestServers.postgresVariable)
        try await withTemporaryDirectory { directory in
            let environment = [
                "BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x", "ROOT_ADMIN_ID": "1", "DATABASE_URL": url.absoluteString,
                "LOG_DIR": directory,
            ]
            let first = try Self.run(["migrate"], environment: environment, in: directory)
            #expect(first.status == 0, "\(first.standardError)")
            #expect(try Self.run(["migrate"], environment: environment, in: directory).status == 0)
        }
    }
}
