import BotRouting
import Marketplace
import TelegramBotAPI

/// The admins list, which only the root admin sees, and the trusted sellers.
extension AdminTemplates {
    func staffName(_ member: StaffMember) -> HTML {
        let name: HTML = member.firstName.map { "\(HTML.truncate($0, to: 40))" } ?? "<code>\(member.telegramID)</code>"
        return member.username.map { "\(name) (@\($0))" } ?? name
    }

    func staff(_ members: [StaffMember]) throws -> Screen {
        let lines = members.map { member -> HTML in
            let mark = member.isRoot ? people.rootMark + " " : ""
            let role = member.role.map { " · " + people.roleName($0) } ?? ""
            return "\(mark)\(staffName(member)) · <code>\(member.telegramID)</code>\(role)"
        }
        let text: HTML = "\(shop.header(people.staffTitle))\n\(ShopTemplates.frame(lines))\n\n\(people.staffExplanation)"
        var rows: [[InlineKeyboardButton]] = [[try button(people.addAdminButton, AdminCallback(to: .addAdmin))]]
        for member in members where !member.isRoot {
            let name = member.firstName ?? member.username ?? "\(member.telegramID)"
            rows.append([try button(people.roleButton(name), AdminRoleCallback(telegramID: member.telegramID))])
            rows.append([try button(people.removeAdminButton(name), AdminStaffCallback(telegramID: member.telegramID))])
        }
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func sellers(_ sellers: [SellerSnapshot], page: Int) throws -> Screen {
        var text: HTML = "\(shop.header(people.sellersTitle))\n"
        var rows: [[InlineKeyboardButton]] = [[try button(people.addSellerButton, AdminCallback(to: .addSeller))]]
        if sellers.isEmpty {
            text += HTML(text: people.sellersEmpty)
        } else {
            let (shown, page, pageCount) = ShopTemplates.page(sellers, page, size: Self.itemsPerPage)
            text += ShopTemplates.frame(shown.map { seller -> HTML in "<b>\(seller.displayName)</b> · @\(seller.username)" })
            for seller in shown {
                rows.append([try button("\(seller.displayName) · @\(seller.username)", AdminSellerCallback(sellerID: seller.id, action: .open))])
            }
            let paging = try shop.pagination(page: page, pageCount: pageCount) { AdminCallback(to: .sellers, page: $0) }
            if !paging.isEmpty { rows.append(paging) }
        }
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func seller(_ seller: SellerSnapshot) throws -> Screen {
        let id = seller.id
        let lines: [HTML] = [
            "\(people.sellerUsernameLabel): @\(seller.username)",
            "\(people.sellerNameLabel): <b>\(seller.displayName)</b>",
            "\(people.sellerNoteLabel): \(seller.note ?? strings.noneValue)",
        ]
        let text = shop.header("🤝 <b>\(seller.displayName)</b>") + "\n" + ShopTemplates.frame(lines)
        let rows = [
            [
                try button(people.editSellerUsernameButton, AdminSellerCallback(sellerID: id, action: .username)),
                try button(people.editSellerNameButton, AdminSellerCallback(sellerID: id, action: .name)),
            ],
            [
                try button(people.editSellerNoteButton, AdminSellerCallback(sellerID: id, action: .note)),
                try button(people.removeSellerButton, AdminSellerCallback(sellerID: id, action: .remove)),
            ],
            [
                try button(strings.upButton, AdminSellerCallback(sellerID: id, action: .up)),
                try button(strings.downButton, AdminSellerCallback(sellerID: id, action: .down)),
            ],
            try navigation(back: AdminCallback(to: .sellers)),
        ]
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }
}
