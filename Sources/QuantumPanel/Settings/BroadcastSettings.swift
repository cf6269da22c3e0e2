/// How fast broadcasts go, and whether admins may pay Telegram to go faster.
public struct BroadcastSettings: Sendable {
    /// Messages sent a second; Telegram allows about 30 in all, and the shop answers too.
    public var perSecond: Int
    /// Whether admins may send paid broadcasts (`allow_paid_broadcast`, up to 1000 a second, paid in Stars).
    public var paid: Bool

    public static let perSecondVariable = SettingsVariable("BROADCAST_PER_SECOND")
    public static let paidVariable = SettingsVariable("PAID_BROADCASTS")
    public static let variables = [perSecondVariable, paidVariable]

    init?(reading reader: SettingsReader) {
        let perSecond = reader.integer(Self.perSecondVariable, in: 1...30, default: 25, expected: "a number of messages a second from 1 to 30")
        let paid = reader.flag(Self.paidVariable, default: false)
        guard let perSecond, let paid else { return nil }
        self.perSecond = perSecond
        self.paid = paid
    }
}
