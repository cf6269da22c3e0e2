import Foundation

/// What an admin may type about a customer, checked the same way by the services and by the
/// panel's dialogs. Lengths are UTF-16 code units, as Telegram counts them.
public enum CustomerRules {
    /// The reason shown to the customer with a credit or a debit: one line of a short message.
    public static let noteLimit = 200

    /// The reason trimmed, or why it can't be one.
    public static func note(_ text: String) throws(LedgerError) -> String {
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw .noteEmpty }
        guard note.utf16.count <= noteLimit else { throw .noteTooLong(length: note.utf16.count, limit: noteLimit) }
        return note
    }

    /// A Telegram user id as typed, or nil when the text isn't one.
    public static func userID(_ text: String) -> Int64? {
        guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id > 0 else { return nil }
        return id
    }
}
