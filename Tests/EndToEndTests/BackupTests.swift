import BotAPISandbox
import FluentSQL
import Foundation
import Marketplace
import MarketplaceTesting
import Synchronization
import TelegramBotAPI
import Testing

extension BotProcessTests {
    /// `quantum-panel backup` beside a bot selling keys, and `restore` of what it wrote.
    @Suite(.timeLimit(.minutes(5))) struct BackupTests {
        static let buyers = 60

        @Test func aBackupMadeDuringPurchasesRestoresAShopWhoseBalancesEqualTheirLedgers() async throws {
            try await withProcessShopStorage(.sqlite) { folder, _ in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil)
                    try await shop.stock(keys: Self.buyers)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let backupPath = folder + "/backups/shop.sqlite"
                    let outcomes = Outcomes()
                    let bot = try shop.startBot("bot")
                    var backup: (status: Int32, output: String)?
                    var soldBeforeBackup = 0
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                        await outcomes.waitForReceipts(Self.buyers / 4)
                        soldBeforeBackup = outcomes.receipts.withLock { $0.count }
                        backup = try await BotProcess.command(["backup", backupPath], environment: shop.environment, in: folder)
                        try await group.waitForAll()
                    }
                    #expect(backup?.status == 0, "\(backup?.output ?? "")")
                    #expect(backup?.output.contains("Backed up") == true)

                    let again = try await BotProcess.command(["backup", backupPath], environment: shop.environment, in: folder)
                    #expect(again.status == 1 && again.output.contains("already exists"), "a backup never overwrites: \(again.output)")
                    let whileRunning = try await BotProcess.command(["restore", backupPath], environment: shop.environment, in: folder)
                    #expect(whileRunning.status == 1 && whileRunning.output.contains("a running bot"), "\(whileRunning.output)")
                    let secondBot = try await BotProcess.command(["run"], environment: shop.environment, in: folder)
                    #expect(
                        secondBot.status == 1 && secondBot.output.contains("is using the shop"),
                        "a second bot on the same file refuses to start: \(secondBot.output)")
                    #expect(try await shop.withSQL { try await $0.soldKeys() } == Self.buyers, "the refused restore left the running shop alone")

                    #expect(await bot.stop() == 0, "\(bot.log)")
                    // An update the backup holds as received and unhandled was answered by the
                    // live bot long ago: the restored shop must not answer it again.
                    let answered = buyers[0]
                    try await ProcessShop.withSQL(at: .sqliteFile(backupPath)) { sql in
                        try await sql.raw(
                            """
                            INSERT INTO update_inbox (update_id, payload, received_at) VALUES (\(bind: Self.pendingUpdateID), \(bind: String(decoding: WebhookModeTests.startUpdate(id: Self.pendingUpdateID, user: answered.id, name: answered.user.firstName), as: UTF8.self)), \(bind: Date()))
                            """
                        ).run()
                    }
                    let restore = try await BotProcess.command(["restore", backupPath], environment: shop.environment, in: folder)
                    #expect(restore.status == 0, "\(restore.output)")
                    #expect(restore.output.contains("The shop it replaced is kept at"))
                    #expect(restore.output.contains("will not be handled again"), "\(restore.output)")
                    let restarted = Date().timeIntervalSince1970
                    let restoredBot = try shop.startBot("restored")
                    let menu = try await buyers[1].ask("/start", within: .seconds(60))
                    #expect(menu.shown.contains("Welcome"), "the restored shop runs: \(menu.shown)")
                    #expect(await restoredBot.stop() == 0, "\(restoredBot.log)")
                    let repliesToPending = await sandbox.state.recordedCalls.filter {
                        $0.receivedAt > restarted && $0.method == "sendMessage" && $0.parameters.contains("\(answered.id)")
                    }
                    #expect(repliesToPending.isEmpty, "the backup's pending update was not handled again: \(repliesToPending.map(\.parameters))")
                    let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
                        $0.hasPrefix("shop.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
                    }
                    #expect(aside.count == 1, "the replaced shop is kept: \(aside)")

                    try await shop.withSQL { sql in
                        let sold = try await sql.soldKeys()
                        #expect(sold >= soldBeforeBackup, "every purchase answered before the backup began is in it")
                        #expect(sold <= Self.buyers)
                        print("backup test: \(soldBeforeBackup) keys sold when the backup began, \(sold) in the backup, \(Self.buyers) in the end")
                        let rows = try await sql.raw(
                            """
                            SELECT c.telegram_id AS id, c.balance AS balance,
                                (SELECT COALESCE(SUM(l.delta), 0) FROM ledger_entries l WHERE l.customer_id = c.id) AS ledger,
                                (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS orders
                            FROM customers c
                            """
                        ).all()
                        #expect(rows.count == Self.buyers)
                        for row in rows {
                            let id = try row.decode(column: "id", as: Int64.self)
                            let balance = try row.decode(column: "balance", as: Int64.self)
                            #expect(
                                balance == (try row.decode(column: "ledger", as: Int64.self)), "customer \(id): the balance equals the ledger's sum")
                            #expect(
                                balance == 500 - 500 * (try row.decode(column: "orders", as: Int64.self)),
                                "customer \(id): charged for each order and nothing else")
                        }
                        let keys = try await sql.raw(
                            "SELECT COUNT(*) AS n, COUNT(DISTINCT order_id) AS orders FROM product_keys WHERE order_id IS NOT NULL"
                        ).first()
                        #expect(try keys?.decode(column: "n", as: Int.self) == sold, "one key for each order in the backup")
                        #expect(try keys?.decode(column: "orders", as: Int.self) == sold)
                    }
                }
            }
        }

        static let pendingUpdateID: Int64 = 900_000

        @Test func aBackupAndARestoreRefuseWhatIsNotAShop() async throws {
            try await withTemporaryFolder { folder in
                let environment = [
                    "BOT_TOKEN": "1:SEED_seed_seed_seed_seed_seed_seed_seed", "ROOT_ADMIN_ID": "1", "DATABASE_URL": "sqlite://\(folder)/shop.sqlite",
                    "LOG_DIR": folder + "/logs",
                ]
                let noShop = try await BotProcess.command(["backup", folder + "/copy.sqlite"], environment: environment, in: folder)
                #expect(noShop.status == 1 && noShop.output.contains("there is no shop at"), "\(noShop.output)")
                #expect(!FileManager.default.fileExists(atPath: folder + "/shop.sqlite"), "a backup of nothing creates nothing")

                try Data("not a database, just text".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
                let notAShop = try await BotProcess.command(["restore", folder + "/notes.txt"], environment: environment, in: folder)
                #expect(notAShop.status == 1 && notAShop.output.contains("is not a Quantum Panel shop"), "\(notAShop.output)")
                let missing = try await BotProcess.command(["restore", folder + "/nowhere.sqlite"], environment: environment, in: folder)
                #expect(missing.status == 1 && missing.output.contains("there is no file at"), "\(missing.output)")
                #expect(!FileManager.default.fileExists(atPath: folder + "/shop.sqlite"), "a refused restore writes nothing")

                var postgres = environment
                postgres["DATABASE_URL"] = "postgres://shop@127.0.0.1:1/shop"
                let refused = try await BotProcess.command(["backup", folder + "/copy.sqlite"], environment: postgres, in: folder)
                #expect(refused.status == 1 && refused.output.contains("pg_dump"), "\(refused.output)")
            }
        }
    }
}

extension SQLDatabase {
    /// Keys sold, counted in the database.
    fileprivate func soldKeys() async throws -> Int {
        try await raw("SELECT COUNT(*) AS n FROM product_keys WHERE order_id IS NOT NULL").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
