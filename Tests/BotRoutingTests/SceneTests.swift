import BotAPISandbox
import BotRouting
import Logging
import Synchronization
import TelegramBotAPI
import Testing

/// The dialog machine, with a scene made up for the test: renaming a pet in two steps (a typed
/// name, then a species button) and a summary to confirm.
@Suite(.timeLimit(.minutes(1))) struct SceneTests {
    /// The pets the scene changes: what the database would be.
    final class Pets: Sendable {
        private let names = Mutex(["Rex": "dog"])
        /// Users who may no longer rename pets.
        private let revoked = Mutex<Set<Int64>>([])
        var all: [String: String] { names.withLock { $0 } }
        func rename(_ old: String, to new: String, species: String) {
            names.withLock {
                $0[old] = nil
                $0[new] = species
            }
        }
        func revoke(_ user: Int64) { revoked.withLock { _ = $0.insert(user) } }
        func mayRename(_ user: Int64?) -> Bool { revoked.withLock { !$0.contains(user ?? 0) } }
    }

    struct RenamePet: Scene {
        static let id = "rename_pet"
        enum Step: String, Codable, Sendable { case name, species }
        struct Draft: Codable, Sendable {
            var oldName: String
            var newName = ""
            var species = ""
        }

        let pets: Pets

        func allows(_ context: HandlerContext) async throws -> Bool { pets.mayRename(context.update.sender?.id) }

        func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
            switch step {
            case .name: ScenePrompt("New name for \(draft.oldName)?")
            case .species: ScenePrompt("What is \(draft.newName)?", options: [.init("Cat", answer: "cat"), .init("Dog", answer: "dog")], layout: [2])
            }
        }

        func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
            var draft = draft
            switch step {
            case .name:
                guard let name = input.text else { return .refuse("Send the name as text.") }
                guard (1...20).contains(name.count) else { return .refuse("A name has 1 to 20 letters.") }
                draft.newName = name
                return .ask(.species, draft)
            case .species:
                guard let species = input.button else { return .refuse("Pick one with the buttons.") }
                draft.species = species
                return .summarize(draft)
            }
        }

        func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
            SceneSummary(
                [
                    SceneSummary.change("Name", from: draft.oldName, to: draft.newName),
                    SceneSummary.change("Species", from: pets.all[draft.oldName] ?? "?", to: draft.species),
                ],
                question: "Rename \(draft.oldName)?"
            )
        }

        func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
            pets.rename(draft.oldName, to: draft.newName, species: draft.species)
            try await context.editMessage("Renamed to \(draft.newName).")
        }

        func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
            try await context.editMessage("\(note)\n\nPets: \(pets.all.keys.sorted().joined(separator: ", "))")
        }
    }

    static func makeBot(_ pets: Pets) -> Router {
        let scenes = Scenes(retiredGroups: ["old_form"]) { context, note in try await context.editMessage("\(note)\n\nMenu") }
        scenes.register(RenamePet(pets: pets))
        let root = Router(name: "root")
        root.message(.command("rename")) { _, context in
            try await scenes.start(RenamePet(pets: pets), at: .name, with: .init(oldName: "Rex"), context)
        }
        root.include(scenes.makeRouter())
        let fallback = Router(name: "fallback")
        fallback.message { _, context in try await context.answer("Send /rename.") }
        root.include(fallback)
        return root
    }

    @Test func aDialogAsksEachStepRefusesWithTheReasonSummarisesAndConfirms() async throws {
        let pets = Pets()
        try await withRoutedBot(Self.makeBot(pets)) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            try await ana.send("/rename")
            let question = try await ana.nextMessage()
            #expect(question.text == "New name for Rex?")
            #expect(question.replyMarkup?.inlineKeyboard.flatMap { $0 }.map(\.text) == ["✖ Cancel"])
            #expect(try await ana.ask(String(repeating: "x", count: 21)) == "⚠️ A name has 1 to 20 letters.\n\nNew name for Rex?")
            try await ana.sendPhoto([1, 2, 3])
            #expect(try await ana.nextMessage().text == "⚠️ Send the name as text.\n\nNew name for Rex?")
            #expect(try await ana.ask("Max") == "What is Max?")
            #expect(try await ana.ask("a dog") == "⚠️ Pick one with the buttons.\n\nWhat is Max?")
            try await ana.press("Cat")
            let summary = try await ana.nextMessage()
            #expect(summary.text == "Name: Rex → Max\nSpecies: dog → cat\n\nRename Rex?")
            #expect(summary.replyMarkup?.inlineKeyboard.flatMap { $0 }.map(\.text) == ["✅ Confirm", "✖ Cancel"])
            #expect(try await ana.ask("yes") == "⚠️ Press ✅ Confirm to go ahead, or ✖ Cancel.\n\nName: Rex → Max\nSpecies: dog → cat\n\nRename Rex?")
            #expect(pets.all == ["Rex": "dog"], "nothing changes before Confirm")
            try await ana.press("✅ Confirm")
            #expect(try await ana.nextMessage().text == "Renamed to Max.")
            #expect(pets.all == ["Max": "cat"])
            #expect(try await ana.ask("Bella") == "Send /rename.", "the dialog is over")
        }
    }

    @Test(arguments: ["/cancel", "✖ Cancel"], [0, 1, 2])
    func cancelAtAnyStepChangesNothing(how: String, steps: Int) async throws {
        let pets = Pets()
        try await withRoutedBot(Self.makeBot(pets)) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            _ = try await ana.ask("/rename")
            if steps >= 1 { _ = try await ana.ask("Max") }
            if steps >= 2 {
                try await ana.press("Cat")
                _ = try await ana.nextMessage()
            }
            if how == "/cancel" { try await ana.send(how) } else { try await ana.press(how) }
            #expect(try await ana.nextMessage().text == "Cancelled: nothing was changed.\n\nPets: Rex")
            #expect(pets.all == ["Rex": "dog"])
            #expect(try await ana.ask("Max") == "Send /rename.", "the dialog is over")
        }
    }

    @Test func aButtonOfAReplacedDialogSaysItEndedAndTheNewDialogGoesOn() async throws {
        let pets = Pets()
        try await withRoutedBot(Self.makeBot(pets)) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            _ = try await ana.ask("/rename")
            let first = try await ana.send("Max")
            let speciesQuestion = try await ana.nextMessage()
            #expect(speciesQuestion.text == "What is Max?")
            #expect(first.messageID < speciesQuestion.messageID)
            _ = try await ana.ask("/rename")
            let press = try await ana.press("Cat", messageID: speciesQuestion.messageID)
            #expect(try await ana.nextMessage().text == "That dialog has ended; nothing was changed.\n\nMenu")
            #expect(await ana.answer(toCallback: press)?.text == "That dialog has ended; nothing was changed.")
            #expect(try await ana.ask("Bo") == "What is Bo?", "the new dialog goes on")
            try await ana.press("Dog")
            _ = try await ana.nextMessage()
            try await ana.press("✅ Confirm")
            #expect(try await ana.nextMessage().text == "Renamed to Bo.")
            #expect(pets.all == ["Bo": "dog"])
        }
    }

    @Test func aDialogGoesOnAfterARestartFromTheOldMessagesButton() async throws {
        let pets = Pets()
        let storage = MemoryStateStorage()
        let inbox = MemoryUpdateInbox()
        try await BotAPISandbox.withRunning { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let question = try await withPolling(Self.makeBot(pets), on: sandbox, storage: storage, inbox: inbox) {
                _ = try await ana.ask("/rename")
                try await ana.send("Max")
                return try await ana.nextMessage()
            }
            // A new process: new routers and scenes, the same stored state.
            try await withPolling(Self.makeBot(pets), on: sandbox, storage: storage, inbox: inbox) {
                try await ana.press("Dog", messageID: question.messageID)
                #expect(try await ana.nextMessage().text == "Name: Rex → Max\nSpecies: dog → dog\n\nRename Rex?")
                try await ana.press("✅ Confirm")
                #expect(try await ana.nextMessage().text == "Renamed to Max.")
            }
            #expect(pets.all == ["Max": "dog"])
        }
    }

    @Test(arguments: [
        ("scene:adopt_pet", "{}"), ("old_form:step", "{}"),
        ("scene:rename_pet", #"{"step":"colour","draft":{"oldName":"Rex","newName":"Max"},"dialog":1,"movedBy":1}"#),
    ])
    func aStoredDialogThisVersionCantReadEndsAndSaysSo(state: String, record: String) async throws {
        let pets = Pets()
        let storage = MemoryStateStorage()
        try await withRoutedBot(Self.makeBot(pets), storage: storage) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let key = StorageKey(chatID: ana.chatID, userID: ana.id)
            try await storage.setState(state, for: key)
            try await storage.setData(["scene": Array(record.utf8)], for: key)
            #expect(try await ana.ask("Max") == "That dialog has ended; nothing was changed.\n\nMenu")
            #expect(try await storage.state(for: key) == nil)
            #expect(try await ana.ask("Max") == "Send /rename.")
            #expect(pets.all == ["Rex": "dog"])
        }
    }

    @Test func anUpdateHandledAgainAfterACrashChangesNothing() async throws {
        let pets = Pets()
        let storage = MemoryStateStorage()
        let seen = SeenUpdates()
        try await withRoutedBot(Self.makeBot(pets), storage: storage, outerMiddlewares: [seen]) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            _ = try await ana.ask("/rename")
            _ = try await ana.ask("Max")
            try await ana.press("Dog")
            _ = try await ana.nextMessage()
            let key = StorageKey(chatID: ana.chatID, userID: ana.id)
            let before = try await storage.data(for: key)
            // Each answer of the dialog, handled again as after a crash before it was marked handled.
            let replay = Dispatcher(
                router: Self.makeBot(pets), bot: sandbox.makeClient(), botUsername: nil, storage: storage, logger: Logger(label: "replay"))
            for update in seen.updates.dropFirst() {
                #expect(await replay.feed(update) == .finished)
            }
            #expect(try await storage.data(for: key) == before, "the dialog stays where it was")
            #expect(await ana.nextEvent(timeout: .milliseconds(300)) == nil, "nothing is said again")
            try await ana.press("✅ Confirm")
            #expect(try await ana.nextMessage().text == "Renamed to Max.")
        }
    }

    @Test func aUserNoLongerAllowedIsStoppedAtTheNextStep() async throws {
        let pets = Pets()
        try await withRoutedBot(Self.makeBot(pets)) { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            _ = try await ana.ask("/rename")
            _ = try await ana.ask("Max")
            pets.revoke(ana.id)
            let press = try await ana.press("Dog")
            #expect(try await ana.nextMessage().text == "You may not do this; nothing was changed.\n\nMenu")
            #expect(await ana.answer(toCallback: press)?.showAlert == true)
            #expect(try await ana.ask("/rename") == "You may not do this; nothing was changed.\n\nMenu")
            #expect(pets.all == ["Rex": "dog"])
        }
    }

    /// Remembers every update that reached the bot, in order.
    final class SeenUpdates: UpdateMiddleware {
        private let seen = Mutex<[Update]>([])
        var updates: [Update] { seen.withLock { $0 } }
        func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
            seen.withLock { $0.append(context.update) }
            try await next(context)
        }
    }
}
