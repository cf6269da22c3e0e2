import BotAPISandbox
import TelegramBotAPI
import Testing

/// Telegram's user picker and forwarded messages, as a bot receives them.
@Suite(.timeLimit(.minutes(1))) struct SharingTests {
    static func picker(_ requestID: Int64, maxQuantity: Int64? = nil) -> ReplyMarkup {
        let button = KeyboardButton(
            text: "Pick",
            requestUsers: KeyboardButtonRequestUsers(
                requestID: requestID, userIsBot: false, maxQuantity: maxQuantity, requestName: true, requestUsername: true))
        return .replyKeyboard(ReplyKeyboardMarkup(keyboard: [[button]], resizeKeyboard: true, oneTimeKeyboard: true))
    }

    @Test func aPickedUserReachesTheBotWithWhatTheButtonAskedFor() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let bob = await sandbox.makeUser(firstName: "Bob", username: "bob_b")
            await #expect(throws: SandboxError.self, "no picker yet") { try await ana.share([bob], requestID: 7) }
            _ = try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Who?", replyMarkup: Self.picker(7)))
            await #expect(throws: SandboxError.self, "one user unless the button allows more") { try await ana.share([bob, ana], requestID: 7) }
            try await ana.share([bob], requestID: 7)
            #expect(await ana.replyKeyboard() == nil, "a one-time keyboard hides once used")
            let updates = try await bot.send(GetUpdates())
            let shared = try #require(updates.last?.message?.usersShared)
            #expect(shared.requestID == 7)
            #expect(shared.users.map(\.userID) == [bob.id] && shared.users.map(\.username) == ["bob_b"] && shared.users.map(\.firstName) == ["Bob"])
        }
    }

    @Test func aPickerAllowingTooManyUsersIsRefused() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            await #expect(throws: BotAPIError.self) {
                try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Who?", replyMarkup: Self.picker(1, maxQuantity: 11)))
            }
            #expect(await ana.transcript().isEmpty, "nothing was sent")
        }
    }

    @Test func aForwardNamesItsAuthorUnlessTheyHideTheirAccount() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let bob = await sandbox.makeUser(firstName: "Bob", lastName: "Brown")
            try await ana.forward("hi from Bob", by: bob)
            try await ana.forward("hidden", by: bob, authorHidesAccount: true)
            let origins = try await bot.send(GetUpdates()).compactMap(\.message?.forwardOrigin)
            #expect(origins.map(\.type) == ["user", "hidden_user"])
            #expect(origins[0].senderUser?.id == bob.id)
            #expect(origins[1].senderUser == nil && origins[1].senderUserName == "Bob Brown")
        }
    }
}
