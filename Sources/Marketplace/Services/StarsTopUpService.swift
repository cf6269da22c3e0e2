import FluentKit
import Foundation

/// Balance top-ups paid with Telegram Stars: top-ups like any provider's (``TopUpService``), whose
/// invoice is named by the charge that pays it, priced in Stars, and refundable in Stars.
public struct StarsTopUpService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck
    /// What one Star adds to a balance.
    public let starValue: Money

    public init(
        database: any Database, currency: Currency, starValue: Money, cache: any Cache = DisabledCache(),
        permissions: any PermissionCheck = UncheckedPermissions()
    ) {
        self.database = database
        self.currency = currency
        self.starValue = starValue
        self.cache = cache
        self.permissions = permissions
    }

    var topUps: TopUpService { TopUpService(database: database, currency: currency, cache: cache) }

    /// What a top-up of `stars` adds to a balance.
    public func credit(forStars stars: Int) -> Money {
        Money(minorUnits: starValue.minorUnits * Int64(stars), currency: currency)
    }

    /// Stores a top-up of `stars` before its invoice is sent: what it adds is fixed now.
    /// - Parameter requestKey: as in ``TopUpService/open(_:telegramID:amount:price:expiresAt:requestKey:)``.
    public func open(telegramID: Int64, stars: Int, expiresAt: Date, requestKey: String? = nil) async throws -> TopUpRecord {
        try await topUps.open(
            .stars, telegramID: telegramID, amount: credit(forStars: stars), price: Int64(stars), expiresAt: expiresAt, requestKey: requestKey)
    }

    /// The top-up an invoice sent before top-ups were stored pays (its payload names the customer
    /// and the Stars, not a top-up): stored now, once per charge.
    public func openForEarlierInvoice(chargeID: String, telegramID: Int64, stars: Int) async throws -> TopUpRecord {
        try await open(telegramID: telegramID, stars: stars, expiresAt: Date(), requestKey: "stars:\(chargeID)")
    }

    /// Which of `chargeIDs` are booked already: one query, for reconciling a page of transactions.
    public func bookedChargeIDs(among chargeIDs: [String]) async throws -> Set<String> {
        guard !chargeIDs.isEmpty else { return [] }
        let booked = try await TopUp.query(on: database).filter(\.$provider == TopUpProviderID.stars.rawValue).filter(\.$invoiceID ~~ chargeIDs)
            .all()
        return Set(booked.compactMap(\.invoiceID))
    }

    /// Books a successful Stars payment of a stored top-up, or of an invoice from before they were
    /// stored (`topUpID` nil): credited once per charge, however often it is delivered.
    public func book(chargeID: String, telegramID: Int64, stars: Int, topUpID: Int? = nil) async throws -> TopUpService.Credit {
        guard stars > 0, !chargeID.isEmpty else { throw LedgerError.nonPositiveAmount }
        var topUpID = topUpID
        if topUpID == nil { topUpID = try await topUps.topUp(.stars, invoiceID: chargeID)?.id }
        if topUpID == nil { topUpID = try await openForEarlierInvoice(chargeID: chargeID, telegramID: telegramID, stars: stars).id }
        return try await topUps.credit(.stars, TopUpPayment(invoiceID: chargeID, topUpID: topUpID, price: Int64(stars), paidAt: Date()))
    }
}
