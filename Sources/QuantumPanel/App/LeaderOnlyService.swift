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

    func run() async throws {
        try await lock.whileLeading(waiting: onStandby) { [services, onLead] in
            onLead()
            // Child tasks share the group's graceful shutdown; losing the lead cancels them all.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for service in services {
                    group.addTask { try await service.run() }
                }
                try await group.waitForAll()
            }
        }
    }
}
