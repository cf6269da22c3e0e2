import Foundation
import TelegramBotAPI

/// Everything the sandbox remembers: users, chats and their messages, pending updates, files,
/// callback queries, payments, the webhook and the calls the bot made.
///
/// One actor, so that every Bot API call and every simulated user action sees one consistent
/// world. Waiting (long polling, awaiting the bot's reply) parks on ``waitForChange(of:until:)``,
/// which a change of the same ``ChangeScope`` wakes: a message in one chat wakes only that chat's
/// waits, so a thousand customers waiting for replies cost a change one wake-up, not a thousand.
public actor SandboxState {
    let configuration: SandboxConfiguration
    /// Until when every Bot API call fails, and with which status (``failEveryCall(status:for:)``).
    var outage: (until: ContinuousClock.Instant, status: Int)?
    /// The bot's own account.
    public let bot: User

    struct ChatRecord {
        var chat: Chat
        var messages: [Int64: Message] = [:]
        var nextMessageID: Int64 = 1
        var isBlocked = false
        /// The reply keyboard the user sees under the text box, until the bot removes it.
        var replyKeyboard: ReplyKeyboardMarkup?
        var botEvents: [BotEvent] = []
        /// How many of `botEvents` ``SandboxState/nextBotEvent(in:timeout:)`` has handed out.
        var readCursor = 0
    }

    struct CallbackRecord {
        var query: CallbackQuery
        var createdAt: Date
        var answer: CallbackAnswer?
    }

    struct WebhookSettings {
        var url: String
        var secretToken: String?
        var allowedUpdates: [String]?
        var lastErrorDate: Int64?
        var lastErrorMessage: String?
    }

    var users: [Int64: User] = [:]
    var chats: [Int64: ChatRecord] = [:]
    var pendingUpdates: [Update] = []
    var nextUpdateID: Int64 = 1
    /// Bumped by each getUpdates, so that an older long poll still waiting learns it was superseded.
    var pollGeneration = 0
    var activePolls = 0
    var webhook: WebhookSettings?
    var files: [String: StoredFile] = [:]
    var nextFileNumber = 1
    var callbackQueries: [String: CallbackRecord] = [:]
    var preCheckoutAnswers: [String: PreCheckoutAnswer] = [:]
    var pendingPreCheckouts: Set<String> = []
    var invoicePayloads: [InvoiceKey: String] = [:]
    var charges: [String: Charge] = [:]
    /// The bot's Stars transactions, oldest first, as getStarTransactions lists them.
    var starTransactions: [StarTransaction] = []
    /// What setMyName, setMyDescription and setMyShortDescription set.
    var profile = BotProfile()
    var commands: [BotCommand] = []
    var calls: [RecordedCall] = []
    var nextUserID: Int64 = 100_000_001
    var random: SplitMix64
    var floodBuckets: [Int64: TokenBucket] = [:]
    /// Messages sent with `allow_paid_broadcast`: Telegram charges 0.1 Star each.
    public internal(set) var paidBroadcastMessages = 0
    var globalBucket: TokenBucket?

    /// Set when the sandbox stops: long polls answer at once, so the server can finish.
    private(set) var isClosed = false
    /// Waits in progress by what they wait for: registered before they suspend, so a change
    /// can't slip in between.
    private var registeredWaits: [ChangeScope: Set<UUID>] = [:]
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    /// Waits already ended (by a change or their deadline) whose park has not run yet.
    private var finishedWaits: Set<UUID> = []
    /// How many times each user's chat changed: a view carries it, so a page can tell which of
    /// two views it received is newer.
    private(set) var chatRevisions: [Int64: Int] = [:]

    init(configuration: SandboxConfiguration) {
        self.configuration = configuration
        let botID = Int64(configuration.token.value.prefix { $0 != ":" }) ?? 1
        self.bot = User(
            id: botID, isBot: true, firstName: configuration.botFirstName, username: configuration.botUsername, canJoinGroups: true,
            canReadAllGroupMessages: false, supportsInlineQueries: false)
        self.random = SplitMix64(seed: configuration.faults?.seed ?? 42)
    }

    var now: Date { configuration.now() }
    var unixTime: Int64 { Int64(now.timeIntervalSince1970) }

    // MARK: Waiting

    /// Suspends until a change in `scope` or until `deadline` passes, whichever comes first.
    ///
    /// The caller checks its condition first, then calls this; the wait is registered before the
    /// first suspension, so a change made while it is being set up still ends it.
    func waitForChange(of scope: ChangeScope, until deadline: ContinuousClock.Instant) async {
        let id = UUID()
        registeredWaits[scope, default: []].insert(id)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(until: deadline, clock: .continuous) }
            group.addTask { await self.park(id) }
            await group.next()
            group.cancelAll()
            self.end(id)
        }
        registeredWaits[scope]?.remove(id)
        if registeredWaits[scope]?.isEmpty == true { registeredWaits[scope] = nil }
        finishedWaits.remove(id)
    }

    private func park(_ id: UUID) async {
        guard !finishedWaits.contains(id) else { return }
        await withCheckedContinuation { continuation in
            waiters[id] = continuation
        }
    }

    /// Ends one wait: resumes it if parked, or marks it so that its park returns at once.
    private func end(_ id: UUID) {
        if let continuation = waiters.removeValue(forKey: id) {
            continuation.resume()
        } else {
            finishedWaits.insert(id)
        }
    }

    /// The sandbox is stopping: every wait wakes and none waits again, so long polls and the
    /// webhook's delivery answer at once and the server can finish.
    func close() {
        isClosed = true
        for scope in registeredWaits.keys { notifyChange(of: scope) }
    }

    /// Wakes every wait on `scope`; each caller checks its condition again.
    func notifyChange(of scope: ChangeScope) {
        if case .chat(let userID) = scope { chatRevisions[userID, default: 0] += 1 }
        for id in registeredWaits[scope] ?? [] { end(id) }
    }

    // MARK: Updates

    /// Queues an update for the bot (by getUpdates or the webhook) and returns it with its id.
    @discardableResult
    func enqueue(_ make: (Int64) -> Update) -> Update {
        let update = make(nextUpdateID)
        nextUpdateID += 1
        pendingUpdates.append(update)
        notifyChange(of: .bot)
        return update
    }

    /// Queues an update given as raw JSON; `update_id` is set by the sandbox.
    public func enqueueRaw(_ json: [String: Any]) throws(SandboxError) -> Int64 {
        var object = json
        object["update_id"] = nextUpdateID
        guard let data = try? JSONSerialization.data(withJSONObject: object), let update = try? JSONDecoder().decode(Update.self, from: data) else {
            throw .badRequest("Bad Request: the update could not be read")
        }
        return enqueue { _ in update }.updateID
    }

    /// getUpdates: confirms updates below `offset`, then returns up to `limit` of the rest,
    /// waiting up to `timeout` for the first one.
    func getUpdates(offset: Int64?, limit: Int, timeout: Duration, allowedUpdates: [String]?) async throws(SandboxError) -> [Update] {
        guard webhook == nil else {
            throw SandboxError(
                code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
            )
        }
        if let offset {
            // A negative offset counts from the end of the queue, as Telegram's does.
            if offset < 0 {
                pendingUpdates = Array(pendingUpdates.suffix(Int(-offset)))
            } else {
                pendingUpdates.removeAll { $0.updateID < offset }
            }
        }
        pollGeneration += 1
        let generation = pollGeneration
        notifyChange(of: .bot)
        activePolls += 1
        defer { activePolls -= 1 }
        let deadline = ContinuousClock.now + timeout
        while true {
            if generation != pollGeneration {
                throw SandboxError(
                    code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
            }
            let matching = pendingUpdates.filter { Self.isAllowed($0, allowedUpdates) }
            if !matching.isEmpty || ContinuousClock.now >= deadline || Task.isCancelled || isClosed {
                return Array(matching.prefix(limit))
            }
            await waitForChange(of: .bot, until: deadline)
        }
    }

    static func isAllowed(_ update: Update, _ allowedUpdates: [String]?) -> Bool {
        // Telegram's default leaves out chat_member, message_reaction and message_reaction_count.
        let allowed = allowedUpdates.flatMap { $0.isEmpty ? nil : Set($0) }
        let kind = update.kind.name
        if let allowed { return allowed.contains(kind) }
        return kind != "chat_member"
    }

    /// Whether a getUpdates call is waiting right now.
    public var isPolling: Bool { activePolls > 0 }

    // MARK: Calls

    func record(_ call: RecordedCall) {
        calls.append(call)
    }

    /// Every Bot API call so far, oldest first.
    public var recordedCalls: [RecordedCall] { calls }

    /// Commands set with setMyCommands.
    public var botCommands: [BotCommand] { commands }

    /// Draws from the fault injection's generator: a number from 0 to 1.
    func nextRandom() -> Double {
        Double(random.next() >> 11) / Double(1 << 53)
    }
}

/// What a change concerns, and so which waits it wakes.
enum ChangeScope: Hashable {
    /// What the bot's side waits for: pending updates, the webhook, answers to pre-checkout queries.
    case bot
    /// What a user sees in their chat with the bot: its messages, edits, deletions, button answers.
    case chat(Int64)
}

/// A small seeded generator, so that fault injection repeats from run to run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
