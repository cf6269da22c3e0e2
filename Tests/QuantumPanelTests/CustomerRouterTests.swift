import BotAPISandbox
import BotRouting
import Logging
import Marketplace
import MarketplaceTesting
import Synchronization
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// A customer's handler receives the customer as a value: the one the gate found, or, outside the
/// gate, one looked up then; never a missing value to fail on.
@Suite(.timeLimit(.minutes(1)))
struct CustomerRouterTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func underTheGateTheHandlerReceivesTheCustomerItFound() async throws {
        try await withTemporaryMarketplaceDatabase(.sqlite) { database in
            let users = UserService(database: database.database(logger: Self.logger), currency: .usd)
            let gate = CustomerMiddleware(
                customers: CustomerLookup(users: users), broadcasts: BroadcastService(database: database.database(logger: Self.logger)))
            _ = try await users.register(telegramID: 7, username: "ana", firstName: "Ana", languageCode: "en")
            try await users.setBotLanguage("ru", telegramID: 7)
            let received = try await Self.feed(Self.message(from: 7, name: "Ana"), users: users, gate: gate)
            #expect(received.map(\.telegramID) == [7])
            #expect(received.first?.botLanguage == "ru", "the stored customer, not a new one")
        }
    }

    /// The handler gets what the gate remembered for the update, not a second look-up.
    @Test func theHandlerReceivesWhatTheGateRemembered() async throws {
        try await withTemporaryMarketplaceDatabase(.sqlite) { database in
            let users = UserService(database: database.database(logger: Self.logger), currency: .usd)
            var remembered = try await users.register(telegramID: 11, username: nil, firstName: "Ana", languageCode: "en")
            remembered.firstName = "As the gate saw her"
            let gate = RememberingGate(customer: remembered)
            let received = try await Self.feed(Self.message(from: 11, name: "Ana"), users: users, gate: gate)
            #expect(received.map(\.firstName) == ["As the gate saw her"])
        }
    }

    /// A gate that remembers a customer of the test's making.
    struct RememberingGate: UpdateMiddleware {
        let customer: CustomerSnapshot

        func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
            var context = context
            CustomerLookup.remember(customer, in: &context)
            try await next(context)
        }
    }

    @Test func outsideTheGateTheHandlerStillReceivesItsCustomer() async throws {
        try await withTemporaryMarketplaceDatabase(.sqlite) { database in
            let users = UserService(database: database.database(logger: Self.logger), currency: .usd)
            let received = try await Self.feed(Self.message(from: 8, name: "Boris"), users: users, gate: nil)
            #expect(received.map(\.firstName) == ["Boris"])
            #expect(try await users.find(telegramID: 8)?.firstName == "Boris", "registered on first contact")
        }
    }

    @Test func anUpdateNoPersonSentReachesNoCustomerHandler() async throws {
        try await withTemporaryMarketplaceDatabase(.sqlite) { database in
            let users = UserService(database: database.database(logger: Self.logger), currency: .usd)
            let gate = CustomerMiddleware(
                customers: CustomerLookup(users: users), broadcasts: BroadcastService(database: database.database(logger: Self.logger)))
            for gate in [gate, nil] {
                let received = try await Self.feed(Self.message(from: 9, name: "Some bot", isBot: true), users: users, gate: gate)
                #expect(received.isEmpty)
            }
            #expect(try await users.find(telegramID: 9) == nil, "a bot is never a customer")
        }
    }

    /// What a customer router's message handler received for `update`, behind `gate` or none.
    static func feed(_ update: Update, users: UserService, gate: (any UpdateMiddleware)?) async throws -> [CustomerSnapshot] {
        let customers = CustomerLookup(users: users)
        let received = Mutex<[CustomerSnapshot]>([])
        let handlers = CustomerRouter(name: "customers", customers: customers)
        handlers.message { _, _, customer in received.withLock { $0.append(customer) } }
        let root = Router(name: "root")
        if let gate { root.use(gate) }
        root.include(handlers.router)
        let dispatcher = Dispatcher(router: root, bot: BotAPISandbox().makeClient(), botUsername: nil, logger: logger)
        #expect(await dispatcher.feed(update) == .finished)
        return received.withLock { $0 }
    }

    static func message(from id: Int64, name: String, isBot: Bool = false) -> Update {
        let user = User(id: id, isBot: isBot, firstName: name)
        return Update(updateID: id, message: Message(messageID: 1, date: 1, chat: Chat(id: id, type: "private"), from: user, text: "hello"))
    }
}
