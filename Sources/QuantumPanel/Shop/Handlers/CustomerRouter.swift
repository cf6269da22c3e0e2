import BotRouting
import Marketplace
import TelegramBotAPI

/// A ``Router`` whose handlers receive the customer behind the update as a value, found by
/// ``CustomerLookup``: a customer's screen can't be reached without one.
///
/// ```swift
/// let router = CustomerRouter(name: "account", customers: customers)
/// router.callbackQuery(OrderCallback.self) { pick, _, context, customer in … }
/// root.include(router.router)
/// ```
struct CustomerRouter {
    let router: Router
    let customers: CustomerLookup

    init(name: String, customers: CustomerLookup) {
        self.router = Router(name: name)
        self.customers = customers
    }

    func message(
        _ filter: UpdateFilter = .any, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Message, HandlerContext, CustomerSnapshot) async throws -> Void
    ) {
        router.message(filter, file: file, line: line, withCustomer(handler))
    }

    func callbackQuery(
        _ filter: UpdateFilter = .any, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (CallbackQuery, HandlerContext, CustomerSnapshot) async throws -> Void
    ) {
        router.callbackQuery(filter, file: file, line: line, withCustomer(handler))
    }

    /// A button press whose data unpacks as `type`, handed over already unpacked.
    func callbackQuery<Data: CallbackData>(
        _ type: Data.Type, _ filter: UpdateFilter = .any, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Data, HandlerContext, CustomerSnapshot) async throws -> Void
    ) {
        let run = withCustomer(handler)
        router.callbackQuery(type, filter, file: file, line: line) { data, _, context in try await run(data, context) }
    }

    /// `handler` with the update's customer; an update no person sent doesn't run it.
    private func withCustomer<Input>(
        _ handler: @escaping @Sendable (Input, HandlerContext, CustomerSnapshot) async throws -> Void
    ) -> @Sendable (Input, HandlerContext) async throws -> Void {
        { [customers] input, context in
            guard let customer = try await customers.customer(for: context) else { return }
            try await handler(input, context, customer)
        }
    }
}
