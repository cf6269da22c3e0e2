import BotRouting
import Marketplace

/// The texts of the panel's broadcasts, in one language. Values passed in are already escaped.
struct BroadcastStrings: Sendable {
    var sectionBroadcast: String
    var askContent: HTML
    var htmlRefused: @Sendable (_ reason: String) -> HTML
    var tooLong: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var askButton: HTML
    var badButton: HTML
    var askAudience: HTML
    var audienceName: @Sendable (_ kind: String) -> String
    var askProduct: String
    var askSpeed: @Sendable (_ count: Int, _ stars: Int) -> HTML
    var freeButton: String
    var paidButton: @Sendable (_ stars: Int) -> String
    var preview: HTML
    var audienceLine: @Sendable (_ audience: String, _ count: Int) -> String
    var buttonLine: @Sendable (_ text: String, _ url: String) -> String
    var paidLine: @Sendable (_ stars: Int) -> String
    var noRecipients: HTML
    var progress: @Sendable (_ id: Int, _ status: String, _ sent: Int, _ blocked: Int, _ failed: Int, _ left: Int) -> HTML
    var timeLeft: @Sendable (_ seconds: Int) -> String
    var statusName: @Sendable (BroadcastStatus) -> String
    var pauseButton: String
    var resumeButton: String
    var stopButton: String
    var finished: @Sendable (_ id: Int, _ seconds: Int, _ sent: Int, _ blocked: Int, _ failed: Int, _ unknown: Int) -> HTML
    var alreadyOver: HTML
}

extension Language {
    var broadcastStrings: BroadcastStrings {
        switch self {
        case .english: .english
        case .russian: .russian
        }
    }
}
