import ArgumentParser
import AsyncHTTPClient
import BotRouting
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import TelegramBotAPI
import UnixSignals

/// `quantum-panel-bench echo-bot`: the bot `echo` measures, started by it as its own process. The
/// shop's client, poller and dispatcher, with a handler that only replies: what the transport
/// costs without the shop.
struct EchoBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo-bot", abstract: "The bot the echo scenario starts (BOT_TOKEN and TELEGRAM_API_URL from the environment).",
        shouldDisplay: false
    )

    struct Polling: Service {
        let dispatcher: Dispatcher

        func run() async throws {
            try await dispatcher.runPolling()
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let token = environment["BOT_TOKEN"].map(BotToken.init), let api = environment["TELEGRAM_API_URL"] else {
            throw ValidationError("echo-bot needs BOT_TOKEN and TELEGRAM_API_URL.")
        }
        var logger = Logger(label: "echo-bot")
        logger.logLevel = .notice
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(10))))
        let bot = BotClient(transport: AsyncHTTPClientTransport(httpClient: httpClient, baseURL: api, token: token), logger: logger)
        let router = Router(name: "echo")
        router.message { message, context in
            try await context.reply(plain: message.text ?? "?")
        }
        let me = try await bot.send(GetMe())
        let dispatcher = Dispatcher(router: router, bot: bot, botUsername: me.username, outerMiddlewares: [LoggingMiddleware()], logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: Polling(dispatcher: dispatcher))], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try await httpClient.shutdown()
    }
}

/// `echo`: N customers at once, each sending 5 messages the echo bot repeats.
struct EchoBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo",
        abstract: "N customers at once against a bot that only replies: the ceiling of the transport and dispatcher."
    )
    @OptionGroup var options: BenchOptions

    func validate() throws {
        if options.bot == .aiogram || options.postgres != nil || options.redis != nil {
            throw ValidationError("echo runs this build's echo bot, with no database and no Redis.")
        }
    }

    func run() async throws {
        let result = try await BenchRun.with(customers: options.customers) { run in
            let bot = try BotUnderTest(
                executable: URL(fileURLWithPath: CommandLine.arguments[0]), arguments: ["echo-bot"], environment: run.environment, in: run.folder
            )
            defer { bot.stop() }
            let latencies = run.latencies
            let measurement = try await run.measure(bot) {
                try await run.everyCustomer { user in
                    for index in 1...5 { try await user.timedSend("ping \(index)", recording: latencies) }
                }
            }
            var result = run.result("echo", options, measurement)
            result.database = "none"
            return result
        }
        try result.print(json: options.json)
    }
}
