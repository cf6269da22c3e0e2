import BotRouting
import Marketplace
import TelegramBotAPI

/// What an admin's role must allow for each of the panel's buttons. The panel shows only the
/// buttons a role allows, and ``AdminHandlers`` refuses the rest, whoever sends them (an old
/// message's button after a role change, forged callback data); the services check again.
enum AdminAccess: Equatable {
    /// Every admin: the panel itself, a dialog's answers.
    case anyAdmin
    /// One of these permissions.
    case anyOf(Set<AdminPermission>)
    /// The root admin: managing admins.
    case root

    static func permission(_ permission: AdminPermission) -> AdminAccess { .anyOf([permission]) }

    /// Whether an admin with `permissions` (all of them for the root) passes.
    func allows(_ permissions: Set<AdminPermission>, isRoot: Bool) -> Bool {
        switch self {
        case .anyAdmin: true
        case .anyOf(let needed): isRoot || !needed.isDisjoint(with: permissions)
        case .root: isRoot
        }
    }

    /// What pressing the button with `data` needs: its section says (``PanelSection``); the
    /// panel itself, a dialog's answers and the shop's buttons need only an admin.
    static func required(for data: String) -> AdminAccess {
        for section in AdminHandlers.sectionTypes {
            if let access = section.required(for: data) { return access }
        }
        return .anyAdmin
    }
}

extension Screen {
    /// The screen without the buttons an admin with `permissions` may not press; rows left empty go.
    func limited(to permissions: Set<AdminPermission>, isRoot: Bool) -> Screen {
        guard let keyboard, !isRoot else { return self }
        var screen = self
        let rows = keyboard.inlineKeyboard.map { row in
            row.filter { button in button.callbackData.map { AdminAccess.required(for: $0).allows(permissions, isRoot: false) } ?? true }
        }
        screen.keyboard = InlineKeyboardMarkup(inlineKeyboard: rows.filter { !$0.isEmpty })
        return screen
    }
}
