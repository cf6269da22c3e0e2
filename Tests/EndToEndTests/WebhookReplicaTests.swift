import AsyncHTTPClient
import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

extension BotProcessTests {
    /// Two bot processes in webhook mode behind a load balancer, sharing PostgreSQL and Redis,
    /// each in its own folder as on its own machine.
    @Suite(.timeLimit(.minutes(5)), .enabled(if: TestDatabaseKind.available.contains(.postgres) && RedisServerProcess.isAvailable))
    struct WebhookReplicaTests {
        static let buyers = 30

        @Test func aDialogGoesOnAcrossReplicasAndAnUpdateDeliveredToBothIsHandledOnce() async throws {
            let redis = try RedisServerProcess()
            try await redis.start()
            try await withProcessShopStorage(.postgres) { folder, postgresURL in
                try await BotAPISandbox.withRunning { sandbox in
                    let ports = try Self.freePorts(2)
                    let balancer = TinyBalancer(backends: ports.map { "http://127.0.0.1:\($0.web)" }, port: try freeLoopbackPort())
                    try await balancer.withRunning {
                        let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: redis.url, postgresURL: postgresURL)
                        try await shop.stock(keys: Self.buyers + 3)
                        let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                        let reseller = try await shop.customers(1, named: "Reseller", balance: 1500, reseller: true)[0]
                        let replicas = try Self.startReplicas(of: shop, behind: balancer, ports: ports)

                        // One customer alone: the balancer alternates, so each step of the dialog
                        // reaches the other replica than the step before.
                        for port in ports { try await Self.waitUntilReady(port: port.ops) }
                        let prompt = try await reseller.askForAQuantity()
                        #expect(prompt.shown.contains("Send the number of keys"), "\(prompt.shown)")
                        let confirmation = try await reseller.ask("3", within: .seconds(60))
                        #expect(
                            confirmation.shown.contains("Quantity: 3"),
                            "the quantity typed on one replica answers the question asked by the other: \(confirmation.shown)")
                        let receipt = try await reseller.tap(startingWith: "✅ Buy", within: .seconds(60))
                        #expect(receipt.codeSpans.count == 3)
                        let dialog = balancer.routed.withLock { $0 }.map(\.updateID)

                        // Every update now goes to both replicas.
                        balancer.duplicating.store(true, ordering: .relaxed)
                        let outcomes = Outcomes()
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                            try await group.waitForAll()
                        }
                        for replica in replicas {
                            #expect(await replica.stop() == 0, "\(replica.log)")
                        }
                        // Which replica handled each of the dialog's seven updates, from their logs.
                        let handlers = Self.handledUpdates(inFolders: ports.indices.map { folder + "/replica-\($0)/logs" })
                        let steps = dialog.map { handlers[$0] }
                        #expect(steps.count == 7 && steps.allSatisfy { $0 != nil }, "\(steps)")
                        #expect(steps[4] != steps[5], "the question (✏️ Other) and its answer (3) were handled by different replicas: \(steps)")
                        #expect(Set(steps.compactMap { $0 }) == [0, 1])
                        #expect(
                            balancer.routed.withLock { $0 }.suffix(5 * Self.buyers).allSatisfy { $0.backends == [0, 1] },
                            "each of the buyers' updates reached both replicas")
                        try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes)
                    }
                }
            }
            try await redis.stop()
        }

        /// A replica of `shop` in webhook mode on each of `ports`, each in its own folder (its
        /// own machine), all reached through `balancer`.
        /// A replica's two listeners: the webhook's, behind the balancer, and the operations one.
        struct ReplicaPorts {
            let web: Int
            let ops: Int
        }

        static func freePorts(_ count: Int) throws -> [ReplicaPorts] {
            try (0..<count).map { _ in ReplicaPorts(web: try freeLoopbackPort(), ops: try freeLoopbackPort()) }
        }

        static func startReplicas(of shop: ProcessShop, behind balancer: TinyBalancer, ports: [ReplicaPorts]) throws -> [BotProcess] {
            try ports.enumerated().map { index, port in
                var environment = shop.environment
                environment["BOT_MODE"] = "webhook"
                environment["WEBHOOK_URL"] = balancer.url + ProcessShop.webhookPath
                environment["WEBHOOK_SECRET"] = ProcessShop.webhookSecret
                environment["HTTP_PORT"] = "\(port.web)"
                environment["OPS_PORT"] = "\(port.ops)"
                let replicaFolder = shop.folder + "/replica-\(index)"
                environment["LOG_DIR"] = replicaFolder + "/logs"
                try FileManager.default.createDirectory(atPath: replicaFolder, withIntermediateDirectories: true)
                return try BotProcess(environment: environment, in: replicaFolder, name: "replica-\(index)")
            }
        }

        /// A replica SIGKILLed behind the balancer in the middle of purchases: the other takes
        /// over what it had acknowledged to Telegram and not finished, and nothing is doubled.
        ///
        /// Every Bot API call takes 200 ms here, so the killed replica surely has updates it
        /// acknowledged and was still handling. A reply it was waiting on may have reached the
        /// customer already, and is sent again by the replica that takes the update over: replies
        /// are at least once, money and keys exactly once.
        @Test func theUpdatesADeadReplicaAcknowledgedAreHandledByTheOtherOnce() async throws {
            try await withProcessShopStorage(.postgres) { folder, postgresURL in
                let slow = SandboxConfiguration(faults: FaultInjection(slow: 1, slowDelay: .milliseconds(200)))
                try await BotAPISandbox.withRunning(configuration: slow) { sandbox in
                    let ports = try Self.freePorts(2)
                    let balancer = TinyBalancer(backends: ports.map { "http://127.0.0.1:\($0.web)" }, port: try freeLoopbackPort())
                    try await balancer.withRunning {
                        let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                        try await shop.stock(keys: Self.buyers)
                        let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                        let replicas = try Self.startReplicas(of: shop, behind: balancer, ports: ports)
                        for port in ports { try await Self.waitUntilReady(port: port.ops) }
                        let outcomes = Outcomes()
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                            await outcomes.waitForReceipts(Self.buyers / 4)
                            await replicas[0].kill()
                            try await group.waitForAll()
                        }
                        #expect(await replicas[1].stop() == 0, "\(replicas[1].log)")
                        #expect(
                            replicas[1].log.contains("another process received and did not finish"),
                            "the survivor took the dead replica's updates over: \(replicas[1].log)")
                        try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes, repliesExactlyOnce: false)
                    }
                }
            }
        }

        static func waitUntilReady(port: Int) async throws {
            for _ in 0..<600 {
                let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/readyz"), timeout: .seconds(5))
                if response?.status == .ok { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("replica on port \(port) never became ready")
        }

        /// Update id → the index of the folder whose daily log has its "Update handled" line.
        static func handledUpdates(inFolders folders: [String]) -> [Int64: Int] {
            var handlers: [Int64: Int] = [:]
            for (index, folder) in folders.enumerated() {
                for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                    let text = (try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)) ?? ""
                    for line in text.split(separator: "\n") where line.contains("Update handled") {
                        guard let start = line.firstRange(of: "update.id=")?.upperBound, let id = Int64(line[start...].prefix { $0.isNumber }) else {
                            continue
                        }
                        handlers[id] = index
                    }
                }
            }
            return handlers
        }
    }
}
