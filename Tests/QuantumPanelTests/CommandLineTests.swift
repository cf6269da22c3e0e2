import Foundation
import Logging
import Marketplace
import Testing

/// Runs the built `quantum-panel` executable the way a shop owner does.
@Suite(.timeLimit(.minutes(1))) struct CommandLineTests {
    struct Run {
        var status: Int32
        var standardError: String
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
        process.standardOutput = Pipe()
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardError: String(decoding: output, as: UTF8.self))
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
            try "BOT_TOKEN=123456789:AAHdqTcvCH1vGWJx\nROOT_ADMIN_ID=me\nBOT_MODE=webhook\n".write(toFile: directory + "/.env", atomically: true, encoding: .utf8)
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
                let shop = Shop(database: database.database(logger: logger), currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd))
                let customer = try #require(try await shop.users.find(telegramID: 501))
                #expect(customer.balance == Money(minorUnits: 2500, currency: .usd))
                let catalogue = try await shop.catalog.catalogue(for: customer)
                #expect(catalogue.map(\.name) == ["Netflix Premium", "Spotify Family"])
                #expect(catalogue.flatMap(\.offers).map(\.stock) == [3, 3, 3, 3])
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }

    @Test func seedWithoutCustomersStocksProductsOnly() async throws {
        try await withTemporaryDirectory { directory in
            let run = try Self.run(["seed", "--products", "1", "--keys-per-price", "0"], environment: ["DATABASE_URL": "sqlite://shop.sqlite"], in: directory)
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
            let environment = ["BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x", "ROOT_ADMIN_ID": "1", "DATABASE_URL": "sqlite://\(directory)/db/shop.sqlite", "LOG_DIR": directory]
            #expect(try Self.run(["migrate"], environment: environment, in: directory).status == 0)
            #expect(FileManager.default.fileExists(atPath: directory + "/db/shop.sqlite"))
            #expect(try Self.run(["migrate"], environment: environment, in: directory).status == 0)
        }
    }

    @Test(.enabled(if: TestServers.shouldRun(TestServers.postgresVariable)))
    func migrateBuildsAPostgreSQLDatabase() async throws {
        let url = try TestServers.url(TestServers.postgresVariable)
        try await withTemporaryDirectory { directory in
            let environment = ["BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x", "ROOT_ADMIN_ID": "1", "DATABASE_URL": url.absoluteString, "LOG_DIR": directory]
            let first = try Self.run(["migrate"], environment: environment, in: directory)
            #expect(first.status == 0, "\(first.standardError)")
            #expect(try Self.run(["migrate"], environment: environment, in: directory).status == 0)
        }
    }
}
