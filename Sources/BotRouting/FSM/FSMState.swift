/// One step of a conversation, declared as a case of an enum that names its group:
///
/// ```swift
/// enum AddProduct: String, FSMState {
///     static let group = "add_product"
///     case name, description, price
/// }
/// try await context.fsm.set(AddProduct.name)
/// router.message(.state(AddProduct.name)) { message, context in … }
/// ```
///
/// The stored name is `group:case`; keep both stable once shipped, since state survives restarts.
public protocol FSMState: RawRepresentable<String>, Sendable, CaseIterable {
    static var group: String { get }
}

extension FSMState {
    /// The name stored for this state.
    public var qualifiedName: String { "\(Self.group):\(rawValue)" }
}
