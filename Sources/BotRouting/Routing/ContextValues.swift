/// A key for a value a middleware hands to handlers, such as the database or the current customer.
///
/// ```swift
/// enum CustomerKey: ContextKey { typealias Value = CustomerSnapshot }
/// context.values[CustomerKey.self] = customer          // in a middleware
/// let customer = context.values[CustomerKey.self]      // in a handler
/// ```
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
