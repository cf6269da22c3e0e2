/// What every ``StateStorage`` must do, as a check any test target can run on its storage, so
/// memory, database and Redis storages behave alike.
///
/// ```swift
/// #expect(try await StateStorageConformance.violations(of: MemoryStateStorage()) == [])
/// ```
public enum StateStorageConformance {
    enum Checkout: String, FSMState {
        static let group = "checkout"
        case quantity, confirm
    }

    /// Runs every check on an empty storage and describes each one that failed.
    public static func violations(of storage: some StateStorage) async throws -> [String] {
        var violations: [String] = []
        func check(_ condition: Bool, _ description: String) {
            if !condition { violations.append(description) }
        }
        let ana = FSMContext(storage: storage, key: StorageKey(chatID: 1, userID: 1))
        let anaInGroup = FSMContext(storage: storage, key: StorageKey(chatID: -100, userID: 1))
        let bob = FSMContext(storage: storage, key: StorageKey(chatID: 2, userID: 2))

        check(try await ana.currentState() == nil, "a new conversation has no state")
        try await ana.set(Checkout.quantity)
        try await ana.set(3, for: "quantity")
        try await ana.set(["KEY-1", "KEY-2"], for: "keys")
        check(try await ana.currentState() == "checkout:quantity", "the state set is the state read")
        check(try await ana.value(Int.self, for: "quantity") == 3, "a stored number reads back")
        check(try await ana.value([String].self, for: "keys") == ["KEY-1", "KEY-2"], "a stored array reads back")
        check(try await ana.value(Int.self, for: "keys") == nil, "a value read as another type is missing")
        check(try await anaInGroup.currentState() == nil, "state is per chat")
        check(try await bob.currentState() == nil, "state is per user")

        try await ana.set(Checkout.confirm)
        check(try await ana.value(Int.self, for: "quantity") == 3, "moving on keeps the data")
        try await ana.clear()
        check(try await ana.currentState() == nil, "clearing removes the state")
        check(try await ana.value(Int.self, for: "quantity") == nil, "clearing removes the data")

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
            check(try await context.value(Int64.self, for: "id") == user, "concurrent writers for user \(user) keep their own data")
        }
        return violations
    }
}
