/// What an invoice carries to say which top-up it is for: `topup:<id>`; the provider's invoice
/// must name the same top-up as our row.
enum InvoicePayload {
    static func text(topUpID: Int) -> String { "topup:\(topUpID)" }

    static func topUpID(_ payload: String) -> Int? {
        guard payload.hasPrefix("topup:") else { return nil }
        return Int(payload.dropFirst("topup:".count))
    }
}
