import Synchronization
import Tracing

/// Whether the shop records spans (`TRACING=otlp`): its services and its SQL, under the
/// update's span. Off by default, and then each would-be span costs one atomic load: no task-local
/// context is read and no span made.
public enum ShopTracing {
    private static let on = Atomic(false)

    /// Turns spans on, once the process has bootstrapped a tracer.
    public static func enable() {
        on.store(true, ordering: .relaxed)
    }

    public static var isOn: Bool { on.load(ordering: .relaxed) }

    /// Runs `body` in a span named `name` (a service's operation) when tracing is on.
    static func span<Value>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Value
    ) async throws -> Value {
        guard isOn else { return try await body() }
        return try await withSpan(name, ofKind: .internal, isolation: isolation) { _ in try await body() }
    }
}
