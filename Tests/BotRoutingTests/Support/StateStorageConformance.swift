import BotRouting
import Testing

/// What every ``StateStorage`` must do. Each storage's tests call ``check(_:)`` with a fresh one,
/// so memory, database and Redis behave alike.
enum StateStorageConformance {
    enum Checkout: String, FSMState {
        static let group = "checkout"
        case quantity, confirm
    }

    static func check(_ storage: some StateStorage, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let ana = FSMContext(storage: storage, key: StorageKey(chatID: 1, userID: 1))
        let anaInGroup = FSMContext(storage: storage, key: StorageKey(chatID: -100, userID: 1))
        let bob = FSMContext(storage: storage, key: StorageKey(chatID: 2, userID: 2))

        #expect(try await ana.currentState() == nil, sourceLocation: sourceLocation)
        try await ana.set(Checkout.quantity)
        try await ana.set(3, for: "quantity")
        try await ana.set(["KEY-1", "KEY-2"], for: "keys")
        #expect(try await ana.currentState() == "checkout:quantity", sourceLocation: sourceLocation)
        #expect(try await ana.isIn(Checkout.quantity), sourceLocation: sourceLocation)
        #expect(try await ana.value(Int.self, for: "quantity") == 3, sourceLocation: sourceLocation)
        #expect(try await ana.value([String].self, for: "keys") == ["KEY-1", "KEY-2"], sourceLocation: sourceLocation)
        #expect(try await ana.value(Int.self, for: "keys") == nil, "a value read as another type is missing", sourceLocation: sourceLocation)

        #expect(try await anaInGroup.currentState() == nil, "state is per chat", sourceLocation: sourceLocation)
        #expect(try await bob.currentState() == nil, "state is per user", sourceLocation: sourceLocation)

        try await ana.set(Checkout.confirm)
        #expect(try await ana.value(Int.self, for: "quantity") == 3, "moving on keeps the data", sourceLocation: sourceLocation)
        try await ana.clear()
        #expect(try await ana.currentState() == nil, sourceLocation: sourceLocation)
        #expect(try await ana.value(Int.self, for: "quantity") == nil, sourceLocation: sourceLocation)

        // Concurrent writers for different users never see each other's data.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for user in Int64(10)..<Int64(60) {
                group.addTask {
                    let context = FSMContext(storage: storage, key: StorageKey(chatID: user, userID: user))
                    try await context.set(Checkout.quantity)
                    try await context.set(user, for: "id")
                }
            }
            try await group.waitForAll()
        }
        for user in Int64(10)..<Int64(60) {
            let context = FSMContext(storage: storage, key: StorageKey(chatID: user, userID: user))
            #expect(try await context.value(Int64.self, for: "id") == user, sourceLocation: sourceLocation)
        }
    }
}
