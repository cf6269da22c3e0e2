import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// The confirmation, the receipt and the refusals of a purchase.
extension ShopTemplates {
    /// The quantities a reseller can pick with one tap.
    static let resellerQuantities = [1, 5, 10]

    /// - Parameter notice: said first, when the customer is asked again (the price changed).
    /// - Parameter promo: the code the customer keeps, applied or refused.
    func confirmation(
        product: CatalogueProduct, offer: CatalogueProduct.Offer, quantity: Int, customer: CustomerSnapshot, token: String,
        promo: ConfirmationPromo? = nil, notice: HTML? = nil
    ) throws -> Screen {
        let price = offer.price.multiplied(by: quantity) ?? offer.price
        var lines: [HTML] = [
            "\(strings.productLabel): <b>\(product.name)</b>",
            "\(strings.durationLabel): \(offer.durationLabel)",
        ]
        if customer.isReseller || quantity > 1 { lines.append("\(strings.quantityLabel): \(quantity)") }
        var total = price
        if case .applied(let quote) = promo {
            total = quote.total
            lines.append("\(strings.priceLabel): \(price.formatted)")
            lines.append(strings.promoLine(quote.code, quote.discount.formatted))
            lines.append("\(strings.totalLabel): <b>\(total.formatted)</b>")
        } else {
            lines.append("\(strings.priceLabel): <b>\(total.formatted)</b>")
        }
        lines.append("\(strings.balanceLabel): \(customer.balance.formatted)")
        let short = total.minorUnits - customer.balance.minorUnits
        if short <= 0 {
            lines.append("\(strings.balanceAfterLabel): <b>\(Money(minorUnits: -short, currency: total.currency).formatted)</b>")
        }
        var text: HTML = (notice.map { $0 + "\n\n" } ?? "") + header(strings.confirmTitle) + "\n" + Self.frame(lines)
        if case .refused(let refusal) = promo { text += "\n\n\(promoRefusal(refusal))" }
        var rows: [[InlineKeyboardButton]] = []
        if customer.isReseller {
            text += "\n\n" + strings.chooseQuantity
            var choices = try Self.resellerQuantities.map { choice in
                try button(choice == quantity ? "• \(choice) •" : "\(choice)", OfferCallback(priceID: offer.priceID, quantity: choice))
            }
            choices.append(try button(strings.otherQuantityButton, QuantityPromptCallback(priceID: offer.priceID)))
            rows.append(choices)
        }
        if short > 0 {
            text += "\n\n" + strings.insufficientFunds(Money(minorUnits: short, currency: total.currency).formatted)
        }
        let buy: any CallbackData =
            if case .applied = promo {
                PromoBuyCallback(priceID: offer.priceID, quantity: quantity, total: total.minorUnits, token: token)
            } else {
                BuyCallback(priceID: offer.priceID, quantity: quantity, total: total.minorUnits, token: token)
            }
        rows.append([try button(strings.buyButton(total.formatted), buy)])
        rows.append([
            promo == nil
                ? try button(strings.promoButton, PromoCodeCallback(priceID: offer.priceID, quantity: quantity))
                : try button(strings.promoRemoveButton, PromoRemoveCallback(priceID: offer.priceID, quantity: quantity))
        ])
        if short > 0 { rows.append([try button(strings.topUpButton, NavigateCallback(to: .topUp))]) }
        rows.append([try button(strings.cancelButton, ProductCallback(productID: product.id, page: 1))])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func receipt(_ receipt: OrderReceipt) throws -> Screen {
        var text =
            header(strings.purchaseTitle) + "\n"
            + Self.frame([
                "\(strings.orderLabel): <b>#\(receipt.orderID)</b>",
                // Cut, so the receipt of a purchase that has committed always fits.
                "\(strings.productLabel): \(HTML.truncate(receipt.productName, to: 256)) · \(HTML.truncate(receipt.durationLabel, to: 64))",
                "\(strings.quantityLabel): \(receipt.quantity)",
                "\(strings.priceLabel): \(receipt.amount.formatted)",
                "\(strings.balanceLabel): <b>\(receipt.balanceAfter.formatted)</b>",
            ])
        if receipt.isRepeat { text = HTML(text: strings.alreadyBought) + "\n\n" + text }
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [
            [try button(strings.menuOrders, NavigateCallback(to: .orders)), try button(strings.menuProducts, NavigateCallback(to: .products))],
            [try menuButton()],
        ])
        let (inline, followUps) = keyMessages(receipt.keys, after: text)
        return Screen(text: inline, keyboard: keyboard, followUps: followUps)
    }

    /// The keys, each in `<code>` so a tap copies it: appended to `text` while they fit in one
    /// message, else sent in as many follow-up messages as they need.
    func keyMessages(_ keys: [String], after text: HTML) -> (HTML, [HTML]) {
        let lines = keys.map { key -> HTML in "<code>\(key)</code>" }
        let block: HTML = "\n\n🔑 <b>\(strings.keysLabel)</b>\n\(lines.joined(separator: "\n"))\n\(strings.tapToCopy)"
        if (text + block).visibleLength <= Screen.messageLimit { return (text + block, []) }
        var messages: [HTML] = []
        var current: HTML = "🔑 <b>\(strings.keysLabel)</b>"
        var length = current.visibleLength
        // A key shows as typed, so its line adds its own length and a line break.
        for (line, key) in zip(lines, keys) {
            let size = HTML.length(key)
            if length + 1 + size > Screen.messageLimit - 64 {
                messages.append(current)
                current = line
                length = size
            } else {
                current += "\n\(line)" as HTML
                length += 1 + size
            }
        }
        messages.append("\(current)\n\(strings.tapToCopy)")
        return (text, messages)
    }

    /// Why a purchase didn't happen, and where to go from there.
    func refusal(_ error: PurchaseError, productID: Int?) throws -> Screen {
        var rows: [[InlineKeyboardButton]] = []
        let text: HTML
        switch error {
        case .insufficientFunds:
            text = "\(strings.insufficientFunds(error.shortfall?.formatted ?? ""))"
            rows.append([try button(strings.topUpButton, NavigateCallback(to: .topUp))])
            rows.append([
                try button(strings.menuSellers, NavigateCallback(to: .sellers)), try button(strings.menuSupport, NavigateCallback(to: .support)),
            ])
        case .outOfStock(let priceID, let available):
            text = "\(strings.outOfStockNow(available))"
            if available == 0 { rows.append([try button(strings.notifyMeButton, RestockCallback(priceID: priceID))]) }
        case .premiumOnly:
            text = "\(strings.premiumOnlyNow)"
            rows.append([try button(strings.upgradeButton, NavigateCallback(to: .premium))])
        case .banned:
            text = "\(strings.banned)"
        case .invalidQuantity, .quantityForResellersOnly:
            text = "\(strings.badQuantity(ShopHandlers.maximumQuantity))"
        case .priceChanged(_, _, let current):
            text = "\(strings.priceChanged(current.formatted))"
        case .promo(let refusal):
            text = "\(promoRefusal(refusal))"
        case .unavailable, .unknownCustomer, .idempotencyKeyReused:
            text = "\(strings.unavailableNow)"
        }
        if let productID { rows.append([try button(strings.back, ProductCallback(productID: productID, page: 1))]) }
        rows.append([try button(strings.menuProducts, NavigateCallback(to: .products)), try menuButton()])
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// Why a promo code doesn't apply, in the customer's language.
    func promoRefusal(_ refusal: PromoRefusal) -> String {
        var startsAt = ""
        if case .notStarted(_, let date) = refusal {
            startsAt = date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().time(includingFractionalSeconds: false)) + " UTC"
        }
        return strings.promoRefusal(refusal, startsAt: startsAt)
    }

    /// The message a customer gets when a price they waited for is back.
    func restockNotice(_ notice: RestockService.Notice) throws -> Screen {
        Screen(
            text: strings.restocked(notice.productName, notice.durationLabel),
            keyboard: InlineKeyboardMarkup(inlineKeyboard: [
                [try button(strings.restockOpen, ProductCallback(productID: notice.productID, page: 1))]
            ]))
    }
}

/// The promo code a confirmation shows: what it takes off, or why it doesn't apply.
enum ConfirmationPromo: Equatable {
    case applied(PromoQuote)
    case refused(PromoRefusal)
}
