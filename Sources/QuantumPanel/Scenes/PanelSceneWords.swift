import BotRouting

/// What the dialog machine says, in the admin panel's words and the sender's language.
struct PanelSceneWords: SceneWords {
    let templates: AdminTemplates

    var cancelled: String { templates.strings.cancelled }
    var dialogEnded: String { templates.strings.dialogEnded }
    var pressConfirm: HTML { templates.strings.pressConfirm }
    var notAllowed: String { templates.people.notPermitted }
    var confirmButton: String { templates.strings.confirmButton }
    var cancelButton: String { templates.strings.cancelButton }
}
