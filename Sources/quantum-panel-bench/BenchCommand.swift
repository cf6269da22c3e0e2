import ArgumentParser

/// `quantum-panel-bench SCENARIO`: benchmarks for the release build. They print figures; nothing
/// asserts on them (see BENCHMARKS.md).
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantum-panel-bench",
        abstract: "Benchmarks of the release build; the figures go in BENCHMARKS.md.",
        subcommands: [
            EchoBenchmark.self, FlowBenchmark.self, BrowseBenchmark.self, RaceBenchmark.self, BroadcastBenchmark.self, Cache.self, EchoBot.self,
        ]
    )

    struct Cache: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Admin checks and catalogue loads through each cache.")
        @Option var redis: String?
        @Option var postgres: String?

        func run() async throws {
            var arguments: [String] = []
            if let redis { arguments += ["--redis", redis] }
            if let postgres { arguments += ["--postgres", postgres] }
            try await CacheBenchmark.run(arguments)
        }
    }
}
