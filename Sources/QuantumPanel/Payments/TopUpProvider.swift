import Foundation
import Marketplace

/// A payment provider customers top up their balance through: the seam a new provider plugs
/// into (Crypto Pay is one; a third is one more folder).
protocol TopUpProvider: Sendable {
    var id: TopUpProviderID { get }

    /// Makes the invoice for a stored top-up; its payload names the top-up.
    /// - Throws: ``TopUpProviderError`` when the provider refuses or can't be reached.
    func createInvoice(for topUp: TopUpRecord, description: String, expiresIn: Duration) async throws -> ProviderInvoice

    /// The invoices with these ids, as the provider sees them now.
    func invoices(_ ids: [String]) async throws -> [ProviderInvoice]
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
    /// The top-up it was made for, from its payload; nil when it carries none of ours.
    var topUpID: Int?
    /// Where the customer pays.
    var payURL: String
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
