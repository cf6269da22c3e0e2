import Logging
import ServiceLifecycle

/// Services only one process of a shop may run at once (polling, which Telegram refuses to a
/// second poller, and the background jobs), run while this process leads, and again whenever it
/// leads anew after losing the lead.
struct LeaderOnlyService: Service {
    let lock: PostgresLeaderLock
    let services: [any Service]
    let onLead: @Sendable () -> Void
    let onStandby: @Sendable () -> Void
    let logger: Logger

    func run() async throws {
        try await lock.whileLeading(waiting: onStandby) { [services, onLead, logger] in
            onLead()
            let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
            try await group.run()
        }
    }
}
