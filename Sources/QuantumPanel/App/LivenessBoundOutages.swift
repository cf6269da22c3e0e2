import BotRouting

/// The database's outages as one process sharing a PostgreSQL shop sees them: the database
/// answering again is not enough when the outage ended this process's liveness session, since
/// its updates may now be another's (or its own next round's, under a new owner id). Its
/// dispatcher then takes and resumes nothing until the round ends and cancels it. The inbox
/// refusing to keep updates for a lock no session holds (``DatabaseUpdateInbox/OwnerNotAlive``)
/// is that too: a query that waited for the database can run after the session ended.
struct LivenessBoundOutages: OutageMonitor {
    let database: any OutageMonitor
    let liveness: ProcessLiveness

    func isOutage(_ error: any Error) -> Bool { error is DatabaseUpdateInbox.OwnerNotAlive || database.isOutage(error) }

    func describe(_ error: any Error) -> String { database.describe(error) }

    var isAvailable: Bool { database.isAvailable && liveness.isHeld }

    func waitUntilAvailable() async throws {
        try await database.waitUntilAvailable()
        // The session is never held again in this round: wait to be cancelled with it.
        while !liveness.isHeld {
            try await Task.sleep(for: .seconds(60))
        }
    }
}
