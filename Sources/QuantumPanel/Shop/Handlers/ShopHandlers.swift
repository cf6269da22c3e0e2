import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// Every screen a customer sees, as routers: the menu, the catalogue and buying, the balance
/// with Stars top-ups, orders, premium, sellers, support and language.
struct ShopHandlers: Sendable {
    let shop: Shop
    let configuration: ShopConfiguration
    let restockWakeUp: WakeUpSignal
    /// Crypto top-ups' provider (Crypto Pay); nil: off.
    var topUpProvider: (any TopUpProvider)? = nil

    var customers: CustomerLookup { CustomerLookup(users: shop.users) }

    /// Payments first (a payment is booked even for a customer banned after paying), then
    /// everything else behind ``CustomerMiddleware``.
    func makeRouters() -> [Router] {
        let gated = Router(name: "shop")
        // Balances and keys are private: in a group the shop stays silent.
        gated.filter(.chatType(.private))
        gated.use(CustomerMiddleware(customers: customers, broadcasts: shop.broadcasts))
        gated.include(membershipRouter())
        let scenes = ShopScenes.make(
            shop: shop,
            showPanel: { [shop, configuration] context, note in
                try await AdminHandlers.showPanel(context, shop: shop, configuration: configuration, note: HTML(text: note))
            },
            showMenu: { context, note in try await showMenu(context, note: HTML(text: note)) }
        )
        // Dialogs first, then the panel: each takes its input before the shop's screens do.
        let admin = AdminHandlers(
            shop: shop, configuration: configuration, restockWakeUp: restockWakeUp, scenes: scenes, topUpProvider: topUpProvider)
        let adminRouter = admin.makeRouter()
        scenes.register(ResellerQuantityScene(shop: self))
        scenes.register(CryptoAmountScene(shop: self))
        scenes.register(PromoCodeScene(shop: self))
        gated.include(scenes.makeRouter())
        gated.include(adminRouter)
        gated.include(cancelRouter())
        gated.include(menuRouter())
        gated.include(catalogueRouter(scenes: scenes))
        gated.include(accountRouter())
        gated.include(topUpRouter())
        gated.include(cryptoTopUpRouter(scenes: scenes))
        gated.include(fallbackRouter())
        return [paymentRouter(), gated]
    }

    /// Telegram saying the customer blocked the bot (or unblocked it): broadcasts skip them meanwhile.
    func membershipRouter() -> Router {
        let router = Router(name: "membership")
        router.myChatMember { change, context in
            try await shop.broadcasts.markBlocked(change.newChatMember.status == "kicked", telegramID: change.from.id)
            context.logger.info("A customer blocked or unblocked the bot", metadata: ["status": "\(change.newChatMember.status)"])
        }
        return router
    }

    /// The commands Telegram shows in its menu, in each language.
    func registerCommands(with bot: BotClient) async throws {
        for language in Language.allCases {
            let strings = language.strings
            let commands = [
                BotCommand(command: "start", description: strings.commandStart),
                BotCommand(command: "help", description: strings.commandHelp),
                BotCommand(command: "cancel", description: strings.commandCancel),
                BotCommand(command: "paysupport", description: strings.commandPaySupport),
            ]
            try await bot.send(SetMyCommands(commands: commands, languageCode: language == .english ? nil : language.rawValue))
        }
    }

    // MARK: Menu, help, language, cancel

    /// The menu for the update's customer, under a note; for dialogs, which meet no customer of their own.
    func showMenu(_ context: HandlerContext, note: HTML) async throws {
        guard let customer = try await customers.customer(for: context) else { return }
        try await showMenu(context, customer, note: note)
    }

    /// The welcome with the menu, or the menu under `note`, in `customer`'s language.
    func showMenu(_ context: HandlerContext, _ customer: CustomerSnapshot, note: HTML? = nil) async throws {
        let isAdmin = try await shop.admins.isAdmin(customer.telegramID)
        let templates = context.templates(for: customer)
        if let note {
            try await context.show(templates.menu(note: note, isAdmin: isAdmin))
        } else {
            try await context.show(templates.welcome(customer, isAdmin: isAdmin))
        }
    }

    private func menuRouter() -> Router {
        let router = CustomerRouter(name: "menu", customers: customers)
        router.message(.command("start")) { message, context, _ in
            guard let user = message.from else { return }
            // /start refreshes what Telegram tells about the customer.
            let customer = try await shop.users.register(
                telegramID: user.id, username: user.username, firstName: user.firstName, languageCode: user.languageCode)
            try await context.fsm.clear()
            // A link that carries a promo code (`/start promo_CODE`): kept for the next confirmation.
            let payload = message.text?.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            if payload.hasPrefix("promo_"), let code = PromoRules.normalized(String(payload.dropFirst("promo_".count))) {
                try await shop.promos.keep(code, for: customer.telegramID)
                return try await showMenu(context, customer, note: context.templates(for: customer).strings.promoKept(code))
            }
            try await showMenu(context, customer)
        }
        router.message(.command("help")) { _, context, _ in
            try await context.show(context.templates.help())
        }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .menu)) { _, context, customer in
            try await context.fsm.clear()
            try await showMenu(context, customer)
        }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .help)) { _, context, _ in
            try await context.show(context.templates.help())
        }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .support)) { _, context, _ in
            try await context.show(context.templates.support(contact: configuration.supportUsername))
        }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .sellers)) { _, context, _ in
            try await context.show(context.templates.sellers(try await shop.sellers.list()))
        }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .language)) { _, context, customer in
            try await context.show(context.templates.languages(current: Language(customer: customer, telegramCode: nil)))
        }
        router.callbackQuery(LanguageCallback.self) { choice, context, customer in
            try await shop.users.setBotLanguage(choice.language.rawValue, telegramID: customer.telegramID)
            var updated = customer
            updated.botLanguage = choice.language.rawValue
            try await context.answerCallback(choice.language.strings.languageChanged)
            try await showMenu(context, updated)
        }
        return router.router
    }

    /// `/cancel` and the Cancel button, in the customer's language, back to the menu.
    private func cancelRouter() -> Router {
        CancelFlow.makeRouter { context, wasInFlow in
            let strings = context.templates.strings
            let note = wasInFlow || context.update.callbackQuery != nil ? strings.cancelled : strings.nothingToCancel
            try await context.answerCallback(note)
            try await showMenu(context, note: HTML(text: note))
        }
    }

    /// Anything no other handler took: a short hint and the menu.
    private func fallbackRouter() -> Router {
        let router = CustomerRouter(name: "fallback", customers: customers)
        router.message { _, context, customer in
            try await showMenu(context, customer, note: HTML(text: context.templates.strings.unknownInput))
        }
        router.callbackQuery { _, context, customer in
            // A button from an older version of the bot, or forged data.
            try await context.answerCallback(context.templates.strings.unknownInput)
            try await showMenu(context, customer, note: HTML(text: context.templates.strings.unknownInput))
        }
        return router.router
    }
}

extension UpdateFilter {
    /// A menu button leading to `destination`.
    static func navigation(to destination: NavigateCallback.Destination) -> UpdateFilter {
        .predicate { NavigateCallback.match($0.update.callbackQuery?.data)?.to == destination }
    }
}
