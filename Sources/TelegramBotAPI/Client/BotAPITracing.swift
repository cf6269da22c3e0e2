import Synchronization

/// Whether each Bot API call is a span (under the update's, when one is handled). Off by
/// default: a call then costs one atomic load more. The span is named after the method and
/// carries nothing else: the URL, which holds the token, is never recorded.
public enum BotAPITracing {
    private static let on = Atomic(false)

    /// Turns spans on, once the process has bootstrapped a tracer.
    public static func enable() {
        on.store(true, ordering: .relaxed)
    }

    static var isOn: Bool { on.load(ordering: .relaxed) }
}
