import BotRouting

/// An error that has words for the person it stops (an admin or a customer), in their language.
/// The services' errors conform in this module, where the words are, so a handler shows any of
/// them the same way instead of trying one cast after another.
protocol ReadableRefusal: Error {
    /// What happened, as message HTML (every value in it escaped).
    func words(in language: Language) -> HTML
}

extension Language {
    /// What `error` says to a person in this language; an error without words (a failure, not a
    /// refusal) is thrown on.
    func words(for error: any Error) throws -> HTML {
        guard let refusal = error as? any ReadableRefusal else { throw error }
        return refusal.words(in: self)
    }
}
