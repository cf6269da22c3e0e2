import BotRouting
import Testing

@Suite struct MemoryStateStorageTests {
    @Test func memoryStorageMeetsTheStateStorageContract() async throws {
        #expect(try await StateStorageConformance.violations(of: MemoryStateStorage()) == [])
    }

    @Test func deduplicationStoreSeesEachIDOnceAndForgetsTheOldest() async throws {
        let store = MemoryDeduplicationStore(capacity: 3)
        #expect(try await store.markSeen(1))
        #expect(try await !store.markSeen(1))
        for id in Int64(2)...4 { #expect(try await store.markSeen(id)) }
        #expect(try await store.markSeen(1), "the oldest id was forgotten past the capacity")
        #expect(try await !store.markSeen(4))
    }
}
