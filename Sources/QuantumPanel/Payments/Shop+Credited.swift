import Marketplace

extension Shop {
    /// What each of `providers` brought in all, for the panel.
    func credited(by providers: [TopUpProviderID]) async throws -> [(TopUpProviderID, Money)] {
        guard !providers.isEmpty else { return [] }
        let totals = try await topUps.creditedTotals()
        return providers.map { ($0, totals[$0] ?? .zero(currency)) }
    }
}
