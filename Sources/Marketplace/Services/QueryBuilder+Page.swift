import FluentKit

extension QueryBuilder where Model.IDValue == Int {
    /// Page `number` (1-based, clamped to the pages there are) of what the query finds, newest
    /// (highest id) first, mapped to plain values.
    func newestFirst<Item: Sendable & Equatable>(page number: Int, size: Int, _ transform: (Model) -> Item) async throws -> Page<Item> {
        let total = try await copy().count()
        let pageCount = Swift.max(1, (total + size - 1) / size)
        let number = Swift.min(Swift.max(1, number), pageCount)
        let rows = try await sort(\._$id, .descending).range(((number - 1) * size)..<(number * size)).all()
        return Page(items: rows.map(transform), number: number, pageCount: pageCount, totalCount: total)
    }
}
