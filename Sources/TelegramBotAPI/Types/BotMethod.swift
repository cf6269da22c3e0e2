/// A Bot API method: its parameters, its name and what it returns.
///
/// The generated methods under `Generated/Methods` conform to it; a method the generator does not
/// list yet can be added by hand in a few lines:
///
/// ```swift
/// struct LogOut: BotMethod {
///     typealias Response = Bool
///     static let name = "logOut"
/// }
/// let loggedOut = try await bot.send(LogOut())
/// ```
public protocol BotMethod: Encodable, Sendable {
    /// What Telegram puts in `result` when the call succeeds.
    associatedtype Response: Decodable & Sendable

    /// The method's name as it appears in the URL, such as `sendMessage`.
    static var name: String { get }

    /// Files to upload, by parameter name; when there are any the call is sent as
    /// multipart/form-data instead of JSON.
    var uploads: [String: FileUpload] { get }
}

extension BotMethod {
    public var uploads: [String: FileUpload] { [:] }
}
