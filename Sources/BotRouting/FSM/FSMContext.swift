import Foundation

/// One user's conversation state in one chat, as a handler sees it.
public struct FSMContext: Sendable {
    public let storage: any StateStorage
    public let key: StorageKey

    public init(storage: any StateStorage, key: StorageKey) {
        self.storage = storage
        self.key = key
    }

    /// The qualified name of the current state, nil outside any flow.
    public func currentState() async throws -> String? {
        try await storage.state(for: key)
    }

    /// Whether the conversation is in `state`.
    public func isIn<S: FSMState>(_ state: S) async throws -> Bool {
        try await currentState() == state.qualifiedName
    }

    /// Moves to `state`; data is kept.
    public func set<S: FSMState>(_ state: S) async throws {
        try await storage.setState(state.qualifiedName, for: key)
    }

    /// Stores `value` under `name` in the flow's data.
    public func set<Value: Encodable>(_ value: Value, for name: String) async throws {
        var data = try await storage.data(for: key)
        data[name] = Array(try JSONEncoder().encode(value))
        try await storage.setData(data, for: key)
    }

    /// The value stored under `name`, or nil when there is none (or it has another type).
    public func value<Value: Decodable>(_ type: Value.Type, for name: String) async throws -> Value? {
        guard let bytes = try await storage.data(for: key)[name] else { return nil }
        return try? JSONDecoder().decode(Value.self, from: Data(bytes))
    }

    /// Replaces the state and all the flow's data at once: a new flow's first step, or the next.
    public func replace<Value: Encodable>(data: [String: Value], state name: String) async throws {
        try await storage.setData(try data.mapValues { Array(try JSONEncoder().encode($0)) }, for: key)
        try await storage.setState(name, for: key)
    }

    /// Leaves the flow: no state, no data.
    public func clear() async throws {
        try await storage.setState(nil, for: key)
        try await storage.setData([:], for: key)
    }
}
