import BotRouting

extension SceneMove {
    /// The same question again with what `error` says; an error that isn't a refusal (the
    /// database is away, say) is thrown on.
    static func refuse(_ error: any Error, _ templates: AdminTemplates) throws -> SceneMove {
        .refuse(try templates.words(for: error))
    }
}
