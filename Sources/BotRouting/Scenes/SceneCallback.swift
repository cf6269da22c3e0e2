/// A scene's button: the dialog it belongs to and the answer it gives.
struct SceneCallback: CallbackData {
    static let prefix = "sc"
    /// Picked when a dialog starts; a button whose dialog is not the current one has ended.
    var dialog: Int
    var answer: String

    static let confirm = "confirm"
    static let cancel = "cancel"
}
