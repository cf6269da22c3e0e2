import Testing

/// The suites that run the bot as its own process beside a hundred simulated customers: one at a
/// time, since each keeps both cores busy and two at once would only test the machine.
@Suite(.serialized) struct BotProcessTests {}
