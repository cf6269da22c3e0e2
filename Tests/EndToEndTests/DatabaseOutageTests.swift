import AsyncHTTPClient
import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import NIOCore
import NIOHTTP1
import SQLKit
import Testing

extension BotProcessTests {
    /// The database goes away while customers buy, and comes back: the bot, run as its own
    /// process on a PostgreSQL server of the test's own, neither exits nor loses or doubles anything.
    @Suite(.timeLimit(.minutes(5)), .enabled(if: TestDatabaseKind.available.contains(.postgres)))
    struct DatabaseOutageTests {
        static let buyers = 100

        /// How many bot processes run the shop, and how they take updates.
        enum Topology: Sendable, CaseIterable, CustomTestStringConvertible {
            case oneProcess
            /// Two polling processes: a leader and a standby.
            case leaderAndStandby
            /// Two webhook processes behind the test's balancer.
            case twoWebhookReplicas

            var testDescription: String { "\(self)" }
        }

        /// `pg_ctl stop -m immediate` (a crash) while 100 customers buy, started again 5 s later.
        @Test(arguments: Topology.allCases)
        func aPostgresCrashInTheMiddleOfPurchasesStopsNobodyAndLosesNothing(topology: Topology) async throws {
            try await Self.withBuyersThroughAnOutage(topology) { server, shop in
                try await server.crash()
                return { try await server.start() }
            }
        }

        /// Every session of the bot's ended with `pg_terminate_backend` (a failover, a proxy, an
        /// operator): its liveness and leader locks go with them, and it carries on as a new owner.
        @Test func everySessionOfTheBotEndedInTheMiddleOfPurchasesLosesNothing() async throws {
            try await Self.withBuyersThroughAnOutage(.oneProcess, expectUnready: false) { _, shop in
                let ended = try await shop.withSQL { sql in
                    try await sql.raw(
                        """
                        SELECT count(pg_terminate_backend(pid)) AS ended FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid()
                        """
                    ).first()?.decode(column: "ended", as: Int.self) ?? 0
                }
                #expect(ended >= 3, "the pool's sessions, the liveness lock's and the leader lock's")
                return {}
            }
        }

        /// Starts the bot's processes on a stocked shop, sends 100 buyers, and when 20 have their
        /// key runs `outage`; 5 s later what it returned ends it. Then: no process exited, each
        /// buyer has one key, one order and one charge, every balance equals its ledger, every
        /// tap was answered, the first process's `/readyz` said so during the outage and
        /// recovered, and the outage is at most one warning in each process's log (one in the
        /// first's, which was taking updates).
        static func withBuyersThroughAnOutage(
            _ topology: Topology, expectUnready: Bool = true,
            _ outage:
                @escaping @Sendable (PrivatePostgres, ProcessShop) async throws ->
                @Sendable () async throws -> Void
        ) async throws {
            try await PrivatePostgres.withRunning { server in
                try await withTemporaryFolder { folder in
                    try await BotAPISandbox.withRunning { sandbox in
                        let ports = try WebhookReplicaTests.freePorts(2)
                        let balancer = TinyBalancer(backends: ports.map { "http://127.0.0.1:\($0.web)" }, port: try freeLoopbackPort())
                        try await balancer.withRunning {
                            var shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: server.url)
                            shop.opsPort = ports[0].ops
                            try await shop.stock(keys: Self.buyers)
                            let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                            let bots = try await Self.start(topology, of: shop, behind: balancer, ports: ports)
                            let outcomes = try await Self.buy(
                                buyers, throughOutage: outage, server: server, shop: shop, bots: bots,
                                readyz: "http://127.0.0.1:\(ports[0].ops)/readyz",
                                expectUnready: expectUnready
                            )
                            // A handler that answered just as the database went could not mark its update
                            // handled: it is handled again, and its reply may be sent twice; keys and money once.
                            try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes, repliesExactlyOnce: false)
                            try await shop.expectEveryBalanceEqualsItsLedger()
                        }
                    }
                }
            }
        }

        /// The processes of `topology`, each in its own folder but the first, started and ready.
        static func start(
            _ topology: Topology, of shop: ProcessShop, behind balancer: TinyBalancer, ports: [WebhookReplicaTests.ReplicaPorts]
        ) async throws -> [BotProcess] {
            switch topology {
            case .oneProcess:
                let bot = try shop.startBot("bot")
                try await LeaderElectionTests.waitForLog(bot, "Leading")
                return [bot]
            case .leaderAndStandby:
                let leader = try shop.startBot("leader")
                try await LeaderElectionTests.waitForLog(leader, "Leading")
                let standbyFolder = shop.folder + "/standby"
                try FileManager.default.createDirectory(atPath: standbyFolder, withIntermediateDirectories: true)
                var environment = shop.environment
                environment["OPS_PORT"] = "\(ports[1].ops)"
                environment["LOG_DIR"] = standbyFolder + "/logs"
                let standby = try BotProcess(environment: environment, in: standbyFolder, name: "standby")
                try await LeaderElectionTests.waitForLog(standby, "Standing by")
                return [leader, standby]
            case .twoWebhookReplicas:
                let replicas = try WebhookReplicaTests.startReplicas(of: shop, behind: balancer, ports: ports)
                for port in ports { try await WebhookReplicaTests.waitUntilReady(port: port.ops) }
                return replicas
            }
        }

        /// The buyers, with the outage when a fifth of them have their key; then every process
        /// still runs, is ready again, and stops cleanly. Returns what the buyers saw.
        static func buy(
            _ buyers: [SimulatedUser],
            throughOutage outage: @escaping @Sendable (PrivatePostgres, ProcessShop) async throws -> @Sendable () async throws -> Void,
            server: PrivatePostgres, shop: ProcessShop, bots: [BotProcess], readyz: String, expectUnready: Bool
        ) async throws -> Outcomes {
            let outcomes = Outcomes()
            try await BotProcess.printingLogsOnFailure(of: bots) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                    await outcomes.waitForReceipts(Self.buyers / 5)
                    let end = try await outage(server, shop)
                    if expectUnready {
                        let report = try await Self.readiness(readyz, until: { $0.status == 503 })
                        #expect(report.body.contains(#""database":"unreachable""#), "\(report.body)")
                    }
                    try await Task.sleep(for: .seconds(5))  // the outage's length, not a proof
                    try await end()
                    try await group.waitForAll()
                }
            }
            let report = try await Self.readiness(readyz, until: { $0.status == 200 })
            #expect(report.body.contains(#""database":"ok""#), "\(report.body)")
            for bot in bots {
                #expect(bot.process.isRunning, "no process exited: \(bot.log)")
                let warnings = bot.log.components(separatedBy: "The database is unreachable").count - 1
                #expect(warnings <= 1, "at most one warning for the outage: \(bot.log)")
                if expectUnready, bot === bots[0] { #expect(warnings == 1, "one warning for the outage: \(bot.log)") }
            }
            for bot in bots { #expect(await bot.stop() == 0, "\(bot.log)") }
            return outcomes
        }

        /// Reads `/readyz` every 100 ms until `condition` holds (30 s at most).
        static func readiness(
            _ url: String, until condition: ((status: Int, body: String)) -> Bool
        )
            async throws -> (status: Int, body: String)
        {
            var last = (status: 0, body: "")
            for _ in 0..<300 {
                if let response = try? await HTTPClient.shared.execute(
                    HTTPClientRequest(url: url), timeout: .seconds(5))
                {
                    let body = try await response.body.collect(upTo: 1 << 16)
                    last = (Int(response.status.code), String(buffer: body))
                    if condition(last) { return last }
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("/readyz never said what was awaited; last: \(last)")
            return last
        }
    }
}

extension ProcessShop {
    /// Every customer's balance is the sum of their ledger.
    func expectEveryBalanceEqualsItsLedger(
        sourceLocation: SourceLocation = #_sourceLocation
    )
        async throws
    {
        let mismatched = try await withSQL { sql in
            try await sql.raw(
                """
                SELECT count(*) AS mismatched FROM customers c
                WHERE c.balance <> COALESCE((SELECT sum(l.delta) FROM ledger_entries l WHERE l.customer_id = c.id), 0)
                """
            ).first()?.decode(column: "mismatched", as: Int.self) ?? -1
        }
        #expect(mismatched == 0, "every balance equals its ledger", sourceLocation: sourceLocation)
    }
}

extension BotProcess {
    /// Runs `body`; when it throws, the processes' logs go with the error, to say why.
    static func printingLogsOnFailure<Value>(of bots: [BotProcess], _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch {
            let logs = bots.map { "--- \(($0.logPath as NSString).lastPathComponent):\n\($0.log)" }.joined(separator: "\n")
            Issue.record("\(error)\n\(logs)")
            throw error
        }
    }
}
