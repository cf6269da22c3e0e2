import BotRouting
import Marketplace

/// The texts of the panel's broadcasts; one conforming type per language.
protocol BroadcastStrings: Sendable {
    var sectionBroadcast: String { get }
    var askContent: HTML { get }
    func htmlRefused(_ reason: String) -> HTML
    func tooLong(_ length: Int, _ limit: Int) -> HTML
    var askButton: HTML { get }
    var badButton: HTML { get }
    var askAudience: HTML { get }
    func audienceName(_ kind: String) -> String
    var askProduct: String { get }
    func askSpeed(_ count: Int, _ stars: Int) -> HTML
    var freeButton: String { get }
    func paidButton(_ stars: Int) -> String
    var preview: HTML { get }
    func audienceLine(_ audience: String, _ count: Int) -> String
    func buttonLine(_ text: String, _ url: String) -> String
    func paidLine(_ stars: Int) -> String
    var noRecipients: HTML { get }
    func progress(_ id: Int, _ status: String, _ sent: Int, _ blocked: Int, _ failed: Int, _ left: Int) -> HTML
    func timeLeft(_ seconds: Int) -> String
    func statusName(_ value: BroadcastStatus) -> String
    var pauseButton: String { get }
    var resumeButton: String { get }
    var stopButton: String { get }
    func finished(_ id: Int, _ seconds: Int, _ sent: Int, _ blocked: Int, _ failed: Int, _ unknown: Int) -> HTML
    var alreadyOver: HTML { get }
}

extension Language {
    var broadcastStrings: any BroadcastStrings {
        switch self {
        case .english: EnglishBroadcastStrings()
        case .russian: RussianBroadcastStrings()
        }
    }
}
