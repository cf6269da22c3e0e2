import BotAPISandbox
import Foundation
import MarketplaceTesting
import Synchronization
import TelegramBotAPI
import Testing

extension BotProcessTests {
    /// `TRACING=otlp`: the bot as its own process sends its spans to a collector.
    @Suite(.timeLimit(.minutes(3))) struct TracingTests {
        @Test func aPurchaseIsOneTraceFromTheUpdateDownToItsSQLAndNothingIsSentWhenTracingIsOff() async throws {
            try await withProcessShopStorage(.sqlite) { folder, _ in
                try await BotAPISandbox.withRunning { sandbox in
                    let collector = SpanCollector(port: try freeLoopbackPort())
                    try await collector.withRunning {
                        let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil)
                        try await shop.stock(keys: 2)
                        let buyers = try await shop.customers(2, named: "Buyer", balance: 500)
                        let outcomes = Outcomes()

                        // Off, the default: an endpoint alone sends nothing.
                        var environment = shop.environment
                        environment["TRACING_ENDPOINT"] = collector.endpoint
                        environment["OTEL_BSP_SCHEDULE_DELAY"] = "100"
                        let untraced = try BotProcess(environment: environment, in: folder, name: "untraced")
                        try await buyers[0].buyOneKey(outcomes)
                        #expect(await untraced.stop() == 0, "\(untraced.log)")
                        #expect(collector.bodies.withLock { $0.isEmpty }, "tracing off sends nothing")

                        environment["TRACING"] = "otlp"
                        let traced = try BotProcess(environment: environment, in: folder, name: "traced")
                        try await buyers[1].buyOneKey(outcomes)
                        // A graceful stop sends what the exporter still holds.
                        #expect(await traced.stop() == 0, "\(traced.log)")

                        let spans = collector.spans
                        let byID = Dictionary(spans.map { ($0.spanID, $0) }, uniquingKeysWith: { first, _ in first })
                        let purchase = try #require(spans.first { $0.name == "PurchaseService.buy" }, "\(spans.map(\.name))")
                        let handler = try #require(byID[purchase.parentSpanID], "the purchase's parent was sent")
                        #expect(handler.name.hasPrefix("handler catalogue"), "\(handler.name)")
                        let update = try #require(byID[handler.parentSpanID])
                        #expect(
                            update.name == "update callback_query" && update.parentSpanID.isEmpty,
                            "the update's span is the trace's root: \(update.name)")
                        let trace = spans.filter { $0.traceID == purchase.traceID }.map(\.name)
                        print("tracing: the purchase's trace has \(trace.count) spans: \(trace.sorted().joined(separator: ", "))")
                        #expect(trace.contains { $0.hasPrefix("db ") }, "its SQL statements are in the trace: \(trace)")
                        #expect(spans.contains { $0.name.hasPrefix("db ") && $0.parentSpanID == purchase.spanID }, "under the purchase")
                        #expect(
                            trace.contains("telegram answerCallbackQuery") || trace.contains("telegram editMessageText"),
                            "its Bot API calls too: \(trace)")
                        #expect(spans.contains { $0.name == "update message" }, "/start is a trace too")

                        // No secret and no customer's data in what was sent.
                        let sent = collector.bodies.withLock { $0 }.map { String(decoding: $0, as: UTF8.self) }.joined()
                        let key = try #require(outcomes.keys.withLock { $0[buyers[1].id]?.first })
                        for secret in [sandbox.token.value, key, "Buyer 2", String(buyers[1].id)] {
                            #expect(!sent.contains(secret), "\(secret) was in a span")
                        }
                        // Each statement's text has placeholders where the amounts and ids were bound.
                        let statements = spans.filter { $0.traceID == purchase.traceID }.compactMap { $0.attributes["db.query.text"] }
                        #expect(statements.contains { $0.contains("?") || $0.contains("$1") }, "\(statements)")
                        for statement in statements {
                            #expect(!statement.contains("500") && !statement.contains(String(buyers[1].id)), "an amount or an id in \(statement)")
                        }
                    }
                }
            }
        }
    }
}
