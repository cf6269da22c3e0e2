import BotRouting
import TelegramBotAPI
import Testing

@Suite struct MemoryStateStorageTests {
    @Test func memoryStorageMeetsTheStateStorageContract() async throws {
        #expect(try await StateStorageConformance.violations(of: MemoryStateStorage()) == [])
    }

    @Test func memoryInboxMeetsTheInboxContract() async throws {
        #expect(try await InboxConformance.violations(of: MemoryUpdateInbox()) == [])
    }

    @Test func memoryInboxForgetsTheOldestHandledIDsPastItsCapacity() async throws {
        let inbox = MemoryUpdateInbox(capacity: 3)
        for id in Int64(1)...7 {
            _ = try await inbox.receive([Update(updateID: id)])
            try await inbox.markHandled(id)
        }
        #expect(try await inbox.receive([Update(updateID: 1)]).map(\.updateID) == [1], "the oldest id was forgotten past the capacity")
        #expect(try await inbox.receive([Update(updateID: 7)]) == [])
    }
}
