/// A key for a value a middleware keeps for the rest of an update, such as what it looked up,
/// so nothing later looks it up again.
///
/// ```swift
/// enum FoundCustomer: ContextKey { typealias Value = CustomerSnapshot }
/// context.values[FoundCustomer.self] = customer          // in a middleware
/// ```
///
/// Read it in one place that knows what to do when it is missing, and hand handlers the value
/// itself (QuantumPanel's `CustomerRouter` gives its handlers the customer as a parameter).
public protocol ContextKey {
    associatedtype Value: Sendable
}

/// Values middlewares put into a ``HandlerContext``, by their ``ContextKey``.
public struct ContextValues: Sendable {
    private var storage: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    public subscript<Key: ContextKey>(_ key: Key.Type) -> Key.Value? {
        get { storage[ObjectIdentifier(key)] as? Key.Value }
        set { storage[ObjectIdentifier(key)] = newValue }
    }
}
