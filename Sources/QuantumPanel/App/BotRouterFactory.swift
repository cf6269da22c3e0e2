import BotRouting

/// The bot's router tree. The shop's screens join it issue by issue (`Handlers/User`, `Handlers/Admin`).
enum BotRouterFactory {
    static func makeRoot() -> Router {
        let root = Router(name: "root")
        root.include(CancelFlow.makeRouter())
        let start = Router(name: "start")
        start.message(.command("start")) { _, context in
            try await context.answer("Welcome! The shop opens here soon.", parseMode: nil)
        }
        root.include(start)
        return root
    }
}
