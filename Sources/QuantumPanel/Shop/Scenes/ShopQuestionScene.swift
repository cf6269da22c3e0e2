import BotRouting

/// A customer's dialog of one typed answer, after which the shop's own screen (a confirmation,
/// an invoice) takes the place of a summary; cancelled, it goes back to the menu.
protocol ShopQuestionScene: Scene {
    var shop: ShopHandlers { get }
}

extension ShopQuestionScene {
    /// Never shown: the screen the answer leads to takes the place of one.
    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        SceneSummary()
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {}

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await shop.showMenu(context, note: HTML(text: context.templates.strings.cancelled))
    }
}
