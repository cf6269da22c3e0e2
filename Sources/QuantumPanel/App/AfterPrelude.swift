import ServiceLifecycle

/// A background job that starts once the prelude is done (the schema up to date), and not at
/// all when it stopped or failed.
struct AfterPrelude: Service {
    let gate: PreludeGate
    let service: any Service

    func run() async throws {
        guard await gate.wait() != nil else { return }
        try await service.run()
    }
}
