import TelegramBotAPI

/// The contract every ``UpdateInbox`` keeps, as a check the tests of each implementation run.
public enum InboxConformance {
    /// What the inbox got wrong; empty when it keeps the contract. Uses update ids from `firstID` on.
    public static func violations(of inbox: any UpdateInbox, firstID: Int64 = 1_000) async throws -> [String] {
        var problems: [String] = []
        let updates = (firstID..<firstID + 3).map { id -> Update in
            var update = Update(updateID: id)
            update.message = Message(messageID: id, date: 1, chat: Chat(id: 7, type: "private"), text: "m\(id) ✓ 🛒")
            return update
        }
        let fresh = try await inbox.receive(updates)
        if fresh != updates { problems.append("a first receive must return every update, in order") }
        if try await inbox.receive([updates[1]]) != [] { problems.append("an update received twice must be returned once") }
        if try await inbox.unhandled() != updates { problems.append("unhandled() must return what was received, oldest first, as received") }
        try await inbox.markHandled(updates[0].updateID)
        if try await inbox.unhandled() != Array(updates.dropFirst()) { problems.append("a handled update must leave unhandled()") }
        if try await inbox.receive([updates[0]]) != [] { problems.append("a handled update delivered again must not be returned") }
        let raced = updates[2].updateID + 1
        let racing = Update(updateID: raced, message: Message(messageID: raced, date: 1, chat: Chat(id: 8, type: "private")))
        let winners = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<10 { group.addTask { try await inbox.receive([racing]).count } }
            return try await group.reduce(0, +)
        }
        if winners != 1 { problems.append("ten concurrent receives of one update must return it once, not \(winners) times") }
        return problems
    }
}
