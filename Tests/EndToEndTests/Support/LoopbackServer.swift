import Hummingbird
import Logging
import ServiceLifecycle

/// Serves `router` on 127.0.0.1:`port` for `body`, then stops it gracefully: cancelling a
/// server mid-connection can trap NIO.
func withLoopbackServer<Value: Sendable>(_ router: Router<BasicRequestContext>, port: Int, _ body: () async throws -> Value) async throws -> Value {
    let quiet = Logger(label: "test-server", factory: { _ in SwiftLogNoOpLogHandler() })
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: quiet)
    let services = ServiceGroup(configuration: .init(services: [.init(service: app)], logger: quiet))
    let serving = Task { try await services.run() }
    do {
        let value = try await body()
        await services.triggerGracefulShutdown()
        try await serving.value
        return value
    } catch {
        await services.triggerGracefulShutdown()
        try? await serving.value
        throw error
    }
}
