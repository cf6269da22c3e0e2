import BotRouting
import Marketplace

/// The steps of the admin panel's dialogs. Each waits for one input; the task and what was
/// typed so far are in an ``AdminDraft``.
enum AdminDialog: String, FSMState {
    static let group = "admin"
    /// Who: an id, a @username, a forwarded message or a picked user; the task says what for.
    case person
    case amount, note
    /// The summary is shown; only Confirm (or Cancel) goes on.
    case confirm

    /// Whether a stored state name is one of these.
    static func contains(_ name: String?) -> Bool {
        name?.hasPrefix(group + ":") == true
    }
}

/// What a dialog is doing and what the admin has sent so far; stored with the state, so it
/// survives a restart.
struct AdminDraft: Codable, Sendable, Equatable {
    enum Task: String, Codable, Sendable {
        case findCustomer, credit, debit, setPremium, setReseller, setBanned, refundStars
        case addAdmin, removeAdmin
        case auditFilter
    }

    var task: Task
    var amount: Int64?
    /// The customer (or would-be admin) a task is about, by Telegram id.
    var telegramID: Int64?
    /// How they were named, for the summary.
    var personName: String?
    var paymentID: Int?
    var username: String?
    var note: String?
    /// What a status toggle sets.
    var flag: Bool?
    /// Picked when the dialog starts and carried by its screens' buttons, so a button left on an
    /// older dialog's screen can't answer this one.
    var dialogID = 0
    /// The update that moved the dialog to its current step. One not newer than it is that same
    /// update handled again after a crash (its answer already sent), and changes nothing.
    var stepUpdateID: Int64?

    init(_ task: Task) {
        self.task = task
    }
}

extension FSMContext {
    static let draftName = "draft"

    func draft() async throws -> AdminDraft? {
        try await value(AdminDraft.self, for: Self.draftName)
    }

    /// Starts or continues a dialog at `step` with `draft`.
    func advance(to step: AdminDialog, _ draft: AdminDraft) async throws {
        try await set(draft, for: Self.draftName)
        try await set(step)
    }
}
