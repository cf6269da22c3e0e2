import BotRouting
import Marketplace

// The services' refusals in the admin's words. Lookups of a thing deleted meanwhile say "gone".

extension CatalogueError: ReadableRefusal {
    func words(in language: Language) -> HTML {
        let strings = language.adminStrings
        return switch self {
        case .nameEmpty: strings.nameEmpty
        case .nameTooLong(let length, let limit): strings.nameTooLong(length, limit)
        case .descriptionTooLong(let length, let limit): strings.descriptionTooLong(length, limit)
        case .descriptionTooLongForPhoto(let length, let limit): strings.descriptionTooLongForPhoto(length, limit)
        case .durationLabelEmpty: strings.labelEmpty
        case .durationLabelTooLong(let length, let limit): strings.labelTooLong(length, limit)
        case .durationNotPositive: strings.durationNotPositive
        case .durationTooLong(_, let limit): strings.durationTooLong(limit)
        case .priceNotPositive, .resellerPriceNotPositive: strings.priceNotPositive
        case .productInUse(let keys, let orders): strings.productInUse(keys, orders)
        case .priceInUse(let keys, let orders): strings.priceInUse(keys, orders)
        case .soldKeyCantBeDeleted: strings.soldKey
        case .productNotFound, .priceNotFound, .keyNotFound: strings.gone
        }
    }
}

extension LedgerError: ReadableRefusal {
    func words(in language: Language) -> HTML {
        let people = language.peopleStrings
        return switch self {
        case .unknownCustomer: people.customerGone
        case .nonPositiveAmount: language.adminStrings.priceNotPositive
        case .insufficientFunds(let balance): people.debitTooLarge(balance.formatted)
        case .noteEmpty: people.noteEmpty
        case .noteTooLong(let length, let limit): people.noteTooLong(length, limit)
        }
    }
}

extension RefundError: ReadableRefusal {
    func words(in language: Language) -> HTML {
        let people = language.peopleStrings
        return switch self {
        case .orderNotFound(let id): people.orderNotFound(id)
        case .keyNotInOrder, .alreadyRefunded: people.alreadyRefunded
        case .nothingToRefund: people.nothingToRefund
        }
    }
}

extension StarsRefundError: ReadableRefusal {
    func words(in language: Language) -> HTML {
        let people = language.peopleStrings
        return switch self {
        case .paymentNotFound: language.adminStrings.gone
        case .alreadyRefunded: people.starsAlreadyRefunded
        case .balanceTooLow(let balance, let needed): people.starsBalanceTooLow(balance.formatted, needed.formatted)
        case .telegramRefused(let reason): people.starsRefusedByTelegram(HTML.truncate(reason, to: 100))
        }
    }
}

extension AdminError: ReadableRefusal {
    func words(in language: Language) -> HTML {
        let people = language.peopleStrings
        return switch self {
        case .notAnAdmin, .notRoot: people.notRoot
        case .rootIsPermanent: people.rootPermanent
        case .notPermitted: HTML(text: people.notPermitted)
        case .sameRole: people.sameRole
        case .rootHasNoRole: people.rootHasNoRole
        case .alreadyAnAdmin: people.alreadyAdmin
        case .noSuchAdmin: people.noSuchAdmin
        case .invalidUserID: people.notAPerson
        }
    }
}

extension SellerError: ReadableRefusal {
    func words(in language: Language) -> HTML {
        let people = language.peopleStrings
        return switch self {
        case .usernameInvalid: people.usernameInvalid
        case .displayNameEmpty: people.displayNameEmpty
        case .displayNameTooLong(let length, let limit): people.displayNameTooLong(length, limit)
        case .noteTooLong(let length, let limit): people.sellerNoteTooLong(length, limit)
        case .alreadyListed(let name): people.alreadyListed(name)
        case .sellerNotFound: people.sellerGone
        }
    }
}

extension BroadcastError: ReadableRefusal {
    func words(in language: Language) -> HTML {
        let broadcasts = language.broadcastStrings
        return switch self {
        case .broadcastNotFound: language.adminStrings.gone
        case .noRecipients: broadcasts.noRecipients
        case .alreadyOver: broadcasts.alreadyOver
        }
    }
}
