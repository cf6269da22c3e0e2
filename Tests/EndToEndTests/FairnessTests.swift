import BotAPISandbox
import Foundation
import Marketplace
import Synchronization
import TelegramBotAPI
import Testing

/// One chat that floods the bot, and that Telegram rate-limits, holds one worker at a time:
/// everyone else is served as if it weren't there.
@Suite(.timeLimit(.minutes(2))) struct FairnessTests {
    @Test func oneFloodingChatDoesNotHoldBackFiftyCustomers() async throws {
        // Telegram's own limit of about one message a second in a chat: the flooder's answers
        // wait on 429s, the others' never come near it.
        let floodControl = FloodControl(perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: 10_000, globalBurst: 10_000)
        try await withShop(sandbox: SandboxConfiguration(floodControl: floodControl)) { harness in
            try await harness.product(ProcessShop.productName, price: "5.00", keys: (1...50).map { "FAIR-\($0)" })
            let flooder = try await harness.customer("Flooder")
            var customers: [SimulatedUser] = []
            for index in 1...50 { customers.append(try await harness.customer("Customer \(index)", balance: "5.00")) }
            for index in 1...500 { try await flooder.send("/help \(index)") }

            let outcomes = Outcomes()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for customer in customers { group.addTask { try await customer.buyOneKey(outcomes) } }
                try await group.waitForAll()
            }
            #expect(
                outcomes.keys.withLock { $0 }.values.allSatisfy { $0.count == 1 } && outcomes.keys.withLock { $0.count } == 50,
                "every customer got their key")
            let flooderAnswers = await flooder.transcript().filter { $0.sender == "bot" }.count
            #expect(
                flooderAnswers < 100, "the others finished while most of the flooder's 500 were still waiting their turn (\(flooderAnswers) answered)"
            )
        }
    }
}
