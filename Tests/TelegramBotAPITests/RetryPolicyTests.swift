import TelegramBotAPI
import Testing

@Suite struct RetryPolicyTests {
    static func error(_ code: BotAPIError.Code, retryAfter: Int64? = nil) -> BotAPIError {
        BotAPIError(method: "sendMessage", code: code, description: "test", parameters: retryAfter.map { ResponseParameters(retryAfter: $0) })
    }

    @Test func floodControlWaitsExactlyWhatTelegramAsks() {
        #expect(RetryPolicy.standard.delay(after: Self.error(.tooManyRequests, retryAfter: 7), attempt: 1) == .seconds(7))
    }

    @Test(arguments: [
        BotAPIError.Code.badRequest, .messageNotModified, .unauthorized, .forbidden, .botBlocked, .notFound, .conflict, .invalidResponse,
        .invalidRequest,
    ])
    func clientErrorsAreNeverRetried(code: BotAPIError.Code) {
        #expect(RetryPolicy.standard.delay(after: Self.error(code), attempt: 1) == nil)
    }

    @Test(arguments: [(1, 250, 500), (2, 500, 1000), (3, 1000, 2000), (8, 15000, 30000), (4, 2000, 4000)])
    func transientFailuresBackOffExponentiallyWithJitter(attempt: Int, lowMilliseconds: Int, highMilliseconds: Int) {
        let policy = RetryPolicy(maxAttempts: 10)
        for code in [BotAPIError.Code.serverError, .network] {
            let delay = policy.delay(after: Self.error(code), attempt: attempt)
            #expect(
                delay.map { $0 >= .milliseconds(lowMilliseconds) && $0 <= .milliseconds(highMilliseconds) } == true,
                "\(code) attempt \(attempt): \(String(describing: delay))")
        }
    }

    @Test func noDelayAfterTheLastAttempt() {
        let policy = RetryPolicy(maxAttempts: 3)
        #expect(policy.delay(after: Self.error(.serverError), attempt: 2) != nil)
        #expect(policy.delay(after: Self.error(.serverError), attempt: 3) == nil)
        #expect(RetryPolicy.never.delay(after: Self.error(.tooManyRequests, retryAfter: 1), attempt: 1) == nil)
    }

    @Test func untilADeadlineRetriesForAsLongAsThereIsTimeAndNoLonger() {
        let start = ContinuousClock.now
        let policy = RetryPolicy.until(start + .seconds(60))
        // Far more attempts than the standard five, each back-off at most 5 s.
        let late = policy.delay(after: Self.error(.serverError), attempt: 40, now: start)
        #expect(late.map { $0 >= .milliseconds(2500) && $0 <= .seconds(5) } == true, "\(String(describing: late))")
        #expect(policy.delay(after: Self.error(.network), attempt: 1, now: start + .seconds(59)) != nil, "a retry that starts before the deadline")
        #expect(policy.delay(after: Self.error(.network), attempt: 1, now: start + .seconds(61)) == nil, "none after it")
        #expect(
            policy.delay(after: Self.error(.tooManyRequests, retryAfter: 30), attempt: 1, now: start + .seconds(40)) == nil,
            "a wait that would end past it")
        #expect(policy.delay(after: Self.error(.badRequest), attempt: 1, now: start) == nil, "what retrying can't fix, never")
    }
}
