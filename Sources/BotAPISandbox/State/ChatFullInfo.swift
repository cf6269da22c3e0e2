/// getChat's answer: the fields of ChatFullInfo the reference requires, and the names.
struct ChatFullInfo: Encodable, Sendable {
    var id: Int64
    var type: String
    var username: String?
    var firstName: String?
    var lastName: String?
    var accentColorID: Int64 = 0
    var maxReactionCount: Int64 = 11
    var acceptedGiftTypes = AcceptedGiftTypes()

    struct AcceptedGiftTypes: Encodable, Sendable {
        var unlimitedGifts = false
        var limitedGifts = false
        var uniqueGifts = false
        var premiumSubscription = false
        var giftsFromChannels = false

        enum CodingKeys: String, CodingKey {
            case unlimitedGifts = "unlimited_gifts"
            case limitedGifts = "limited_gifts"
            case uniqueGifts = "unique_gifts"
            case premiumSubscription = "premium_subscription"
            case giftsFromChannels = "gifts_from_channels"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, type, username
        case firstName = "first_name"
        case lastName = "last_name"
        case accentColorID = "accent_color_id"
        case maxReactionCount = "max_reaction_count"
        case acceptedGiftTypes = "accepted_gift_types"
    }
}
