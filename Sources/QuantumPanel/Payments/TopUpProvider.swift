import Foundation
import Marketplace

/// A payment provider customers top up their balance through: the seam a provider plugs into
/// (Telegram Stars and Crypto Pay are two, each in its folder here; a third is one more).
protocol TopUpProvider: Sendable {
    var id: TopUpProviderID { get }

    /// Makes the invoice for a stored top-up; its payload names the top-up.
    /// - Throws: ``TopUpProviderError`` when the provider refuses or can't be reached.
    func createInvoice(for topUp: TopUpRecord, wording: InvoiceWording, expiresIn: Duration) async throws -> IssuedInvoice

    /// The invoices with these ids, as the provider sees them now.
    func invoices(_ ids: [String]) async throws -> [ProviderInvoice]

    /// What reconciliation compares with our books: the invoices of the top-ups waiting for a
    /// payment, and, for a provider that names an invoice only when it is paid, every payment
    /// it lists that isn't booked yet.
    func invoicesToReconcile(waiting: [TopUpRecord]) async throws -> [ProviderInvoice]

    /// Finishes what was left half done with the provider (Stars: refunds whose answer was
    /// lost), before each reconciliation.
    func finishPending() async throws
}

extension TopUpProvider {
    func invoicesToReconcile(waiting: [TopUpRecord]) async throws -> [ProviderInvoice] {
        let ids = waiting.compactMap(\.invoiceID)
        return ids.isEmpty ? [] : try await invoices(ids)
    }

    func finishPending() async throws {}
}

/// What an invoice says to the customer, in their language.
struct InvoiceWording: Sendable, Equatable {
    var title: String
    var description: String
}

/// Where a new invoice is paid.
enum IssuedInvoice: Sendable, Equatable {
    /// On the provider's page; its id is known now.
    case page(invoiceID: String, payURL: String)
    /// In the customer's chat (Telegram Stars): named by the charge that pays it.
    case sentToChat
}

/// An invoice as a provider reports it.
struct ProviderInvoice: Sendable, Equatable {
    enum State: Sendable, Equatable {
        case active, paid, expired
    }

    var invoiceID: String
    var state: State
    /// What it asks, in the shop's currency; nil when priced in another (never one of ours).
    var amount: Money?
    /// What it asks in the provider's own unit (Stars), for a provider that charges in one.
    var price: Int64? = nil
    /// The top-up it was made for, from its payload; nil when it carries none of ours.
    var topUpID: Int?
    /// Where the customer pays, for a provider with pages.
    var payURL: String?
    var paidAt: Date?
}

/// Why a provider call failed.
enum TopUpProviderError: Error, Equatable, CustomStringConvertible {
    /// The provider didn't answer, or answered with a server error: try again later.
    case unreachable(provider: TopUpProviderID, reason: String)
    /// The provider refused the request (a wrong token, an amount it doesn't take).
    case refused(provider: TopUpProviderID, reason: String)
    /// The answer wasn't what the provider's API promises.
    case unreadable(provider: TopUpProviderID, reason: String)

    var description: String {
        switch self {
        case .unreachable(let provider, let reason): "\(provider.rawValue) could not be reached: \(reason)"
        case .refused(let provider, let reason): "\(provider.rawValue) refused: \(reason)"
        case .unreadable(let provider, let reason): "\(provider.rawValue) answered something unreadable: \(reason)"
        }
    }
}
