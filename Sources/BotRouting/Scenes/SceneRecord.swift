/// Where a dialog stands, as stored between updates.
struct SceneRecord<S: Scene>: Codable, Sendable {
    /// The step waiting for input; nil while the summary waits for Confirm.
    var step: S.Step?
    var draft: S.Draft
    var dialog: Int
    /// The update that moved the dialog here. One not newer is that update handled again after
    /// a crash (its answer was already taken), and changes nothing.
    var movedBy: Int64
}

/// Where dialogs are kept in the conversation state.
enum SceneStorage {
    /// The state's name is this and the scene's ``Scene/id``.
    static let statePrefix = "scene:"
    /// The data's one entry: the ``SceneRecord``.
    static let dataName = "scene"
}
