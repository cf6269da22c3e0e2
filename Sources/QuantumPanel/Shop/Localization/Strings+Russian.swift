import BotRouting
import Marketplace

struct RussianStrings: Strings {
    let menuProducts: String = "🛍 Товары"
    let menuBalance: String = "💰 Баланс"
    let menuOrders: String = "📦 Мои заказы"
    let menuPremium: String = "💎 Премиум"
    let menuSellers: String = "🤝 Проверенные продавцы"
    let menuSupport: String = "🆘 Поддержка"
    let menuLanguage: String = "🌐 Язык"
    let menuAdmin: String = "🛠 Админ-панель"
    let back: String = "‹ Назад"
    let mainMenu: String = "🏠 Меню"
    let previousPage: String = "‹"
    let nextPage: String = "›"
    func welcomeTitle(_ name: String) -> HTML { "👋 Добро пожаловать, <b>\(name)</b>!" }
    let balanceLabel: String = "Баланс"
    let statusLabel: String = "Статус"
    let statusFree: String = "Обычный"
    let statusPremium: String = "💎 Премиум"
    let statusReseller: String = "🏷 Реселлер"
    let chooseBelow: String = "Выберите ниже:"
    let productsTitle: HTML = "🛍 <b>Товары</b>"
    let productsEmpty: HTML = "Пока ничего нет в продаже. Загляните позже!"
    func inStock(_ count: Int) -> String { "в наличии: \(count)" }
    let outOfStock: String = "нет в наличии"
    let lockedHint: String = "🔒 только премиум"
    let pricesTitle: String = "Цены"
    let premiumOnlyExplanation: String = "🔒 Этот товар только для премиум-покупателей. Оформите премиум, чтобы купить."
    let upgradeButton: String = "💎 Оформить премиум"
    let noPricesNow: String = "Сейчас нет цен в продаже."
    let productGone: String = "Этот товар больше не продаётся."
    let confirmTitle: HTML = "🧾 <b>Подтвердите покупку</b>"
    let productLabel: String = "Товар"
    let durationLabel: String = "Срок"
    let quantityLabel: String = "Количество"
    let priceLabel: String = "Цена"
    let balanceAfterLabel: String = "Баланс после"
    func buyButton(_ total: String) -> String { "✅ Купить за \(total)" }
    let cancelButton: String = "✖ Отмена"
    let chooseQuantity: HTML = "Сколько ключей?"
    let otherQuantityButton: String = "✏️ Другое"
    func askQuantity(_ maximum: Int) -> HTML { "✏️ Отправьте нужное число ключей, от 1 до \(maximum), или /cancel." }
    func badQuantity(_ maximum: Int) -> HTML { "Это не количество. Отправьте целое число от 1 до \(maximum) или /cancel." }
    let purchaseTitle: HTML = "✅ <b>Покупка завершена</b>"
    let orderLabel: String = "Заказ"
    let keysLabel: String = "Ваши ключи"
    let tapToCopy: String = "Нажмите на ключ, чтобы скопировать."
    let alreadyBought: String = "Уже куплено: вот этот заказ ещё раз."
    func insufficientFunds(_ shortfall: String) -> HTML {
        "💸 Недостаточно средств: не хватает <b>\(shortfall)</b>. Пополните баланс и возвращайтесь."
    }
    let topUpButton: String = "➕ Пополнить"
    func outOfStockNow(_ available: Int) -> String {
        available == 0 ? "😔 Нет в наличии. Попробуйте позже." : "😔 В наличии только \(available). Выберите меньше."
    }
    let unavailableNow: String = "Эта цена больше не действует."
    let promoButton: String = "🎟 Промокод"
    let promoRemoveButton: String = "✖ Убрать промокод"
    let askPromoCode: HTML = "🎟 Пришлите промокод."
    let notAPromoCode: String = "Это не промокод: от 3 до 32 латинских букв, цифр, - и _."
    func promoApplied(_ code: String) -> HTML { "🎟 Промокод <b>\(code)</b> применён." }
    let promoRemoved: HTML = "Промокод убран."
    func promoLine(_ code: String, _ discount: String) -> HTML { "🎟 \(code): <b>−\(discount)</b>" }
    let totalLabel: String = "Итого"
    func promoKept(_ code: String) -> HTML { "🎟 Промокод <b>\(code)</b> будет применён при следующей покупке." }
    func promoRefusal(_ refusal: PromoRefusal, startsAt: String) -> String {
        switch refusal {
        case .unknown(let code): "🎟 Промокода \(code) нет."
        case .paused(let code): "🎟 Промокод \(code) сейчас приостановлен."
        case .notStarted(let code, _): "🎟 Промокод \(code) начнёт действовать \(startsAt)."
        case .expired(let code): "🎟 Срок промокода \(code) истёк."
        case .usedUp(let code): "🎟 Промокод \(code) уже использован полностью."
        case .usedByYou(let code): "🎟 Вы уже использовали промокод \(code)."
        case .notForThisProduct(let code): "🎟 Промокод \(code) не действует на этот товар."
        case .belowMinimum(let code, let minimum): "🎟 Промокод \(code) действует на заказы от \(minimum.formatted)."
        case .notForResellers(let code): "🎟 Промокод \(code) не действует на цены для реселлеров."
        }
    }
    func priceChanged(_ total: String) -> HTML {
        "⚠️ Цена изменилась, пока вы смотрели: теперь итого <b>\(total)</b>. Ничего не списано; проверьте и подтвердите снова."
    }
    let premiumOnlyNow: String = "🔒 Этот товар только для премиум-покупателей."
    let notifyMeButton: String = "🔔 Сообщить о поступлении"
    let notifyMeDone: String = "Мы напишем вам, когда товар снова появится."
    func restocked(_ product: String, _ duration: String) -> HTML { "🔔 <b>\(product)</b> · \(duration) снова в наличии." }
    let restockOpen: String = "🛍 Открыть"
    let balanceTitle: HTML = "💰 <b>Баланс</b>"
    let recentActivity: String = "Последние операции"
    let noActivity: HTML = "Операций пока нет."
    let reasonPurchase: String = "Покупка"
    let reasonCredit: String = "Зачисление"
    let reasonDebit: String = "Списание"
    let reasonPremium: String = "Премиум"
    let reasonStars: String = "Пополнение звёздами"
    let reasonTopUp: String = "Пополнение криптовалютой"
    let reasonRefund: String = "Возврат"
    let reasonStarsRefund: String = "Возврат в звёздах"
    let reasonStarsRefundUndone: String = "Возврат звёзд отменён"
    let otherTopUpWays: HTML = "Другие способы пополнить: проверенный продавец или поддержка."
    let starsButton: String = "⭐ Пополнить звёздами"
    let cryptoButton: String = "💎 Пополнить криптовалютой"
    let cryptoTitle: HTML = "💎 <b>Пополнение криптовалютой</b>"
    func cryptoExplanation(assets: String) -> HTML { "Оплата в \(assets) через @CryptoBot; баланс пополнится сразу после оплаты. Выберите сумму:" }
    let cryptoOtherAmount: String = "✏️ Другая сумма"
    func askCryptoAmount(from minimum: String, to maximum: String) -> HTML {
        "✏️ Отправьте сумму пополнения, от \(minimum) до \(maximum), или /cancel."
    }
    func badCryptoAmount(from minimum: String, to maximum: String) -> HTML {
        "Это не сумма от \(minimum) до \(maximum). Отправьте, например, 15 или 12.50, или /cancel."
    }
    func cryptoInvoiceDescription(_ amount: String) -> String { "Пополнение баланса на \(amount)" }
    func cryptoInvoice(_ amount: String, assets: String, minutes: Int) -> HTML {
        "💎 <b>Пополнение на \(amount)</b>\nОплатите в \(assets) в течение \(minutes) мин. Баланс пополнится сам после оплаты; если этого не произошло, нажмите 🔄 Я оплатил."
    }
    func cryptoPayButton(_ amount: String) -> String { "💳 Оплатить \(amount)" }
    let cryptoPaidButton: String = "🔄 Я оплатил"
    let cryptoUnavailable: HTML = "⚠️ Криптоплатежи сейчас недоступны, счёт не создан. Попробуйте через несколько минут."
    let cryptoNotPaidYet: String = "Пока не оплачено. Оплатите счёт в @CryptoBot: баланс пополнится сам после оплаты."
    let cryptoExpired: String = "Срок этого счёта истёк. Создайте новый в разделе «Баланс»."
    let cryptoCheckUnavailable: String = "Криптоплатежи сейчас недоступны. Если вы оплатили, баланс пополнится сам, как только они ответят."
    let topUpTitle: HTML = "⭐ <b>Пополнение звёздами Telegram</b>"
    func topUpExplanation(_ oneStar: String) -> HTML { "Одна звезда добавляет \(oneStar) к балансу. Выберите сумму:" }
    func starsOption(_ stars: Int, _ credit: String) -> String { "⭐ \(stars) → \(credit)" }
    let invoiceTitle: String = "Пополнение баланса"
    func invoiceDescription(_ stars: Int, _ credit: String) -> String { "\(stars) звёзд добавят \(credit) к балансу магазина." }
    let paymentRefused: String = "Этот платёж нельзя принять. Начните пополнение заново."
    let invoiceExpired: String = "Срок этого счёта истёк. Откройте пополнение заново, чтобы получить новый."
    let invoicePaidAlready: String = "Этот счёт уже оплачен. Чтобы пополнить ещё, откройте пополнение заново."
    let starsUnavailable: HTML = "⚠️ Telegram сейчас не смог отправить счёт. Попробуйте через несколько минут."
    let paymentBanned: String = "С вашего аккаунта нельзя платить."
    func toppedUp(_ credit: String, _ balance: String) -> HTML { "✅ Спасибо! Зачислено <b>\(credit)</b>. Баланс: <b>\(balance)</b>" }
    let paymentAlreadyCredited: String = "Этот платёж уже зачислен на баланс."
    let ordersTitle: HTML = "📦 <b>Мои заказы</b>"
    let ordersEmpty: HTML = "Заказов пока нет."
    func orderTitle(_ number: Int) -> HTML { "📦 <b>Заказ №\(number)</b>" }
    let dateLabel: String = "Дата"
    let orderGone: String = "Такой заказ не найден."
    let premiumTitle: HTML = "💎 <b>Премиум</b>"
    let premiumPitch: HTML = "Премиум открывает товары с 🔒 — навсегда, пока вы покупаете здесь."
    let premiumPriceLabel: String = "Цена"
    func premiumUpgradeButton(_ price: String) -> String { "💎 Оформить за \(price)" }
    let premiumActive: HTML = "✅ У вас премиум. Вам доступны все товары."
    let premiumWelcome: String = "🎉 Добро пожаловать в премиум! Теперь вам доступны все товары."
    func premiumTooExpensive(_ shortfall: String) -> HTML { "💸 Недостаточно средств: для премиума не хватает <b>\(shortfall)</b>." }
    let sellersTitle: HTML = "🤝 <b>Проверенные продавцы</b>"
    let sellersEmpty: HTML = "Проверенных продавцов пока нет."
    let supportTitle: HTML = "🆘 <b>Поддержка</b>"
    func supportContact(_ username: String) -> HTML { "Вопросы, проблемы, другие способы оплаты: пишите @\(username)." }
    let supportMissing: HTML = "Поддержка пока недоступна. Попробуйте позже."
    let writeButton: String = "✉️ Написать"
    let languageTitle: HTML = "🌐 <b>Язык</b>"
    let languageChanged: String = "Язык: русский"
    let help: HTML = """
        ℹ️ <b>Как это работает</b>
        ┌ Пополните баланс (⭐ звёзды, проверенный продавец или поддержка)
        ├ Откройте 🛍 Товары и выберите товар и срок
        └ Подтвердите: ключ придёт сразу и останется в 📦 Мои заказы

        /start — меню · /cancel — отменить действие
        """
    let unknownInput: String = "Не понял. Воспользуйтесь меню:"
    let cancelled: String = "Отменено."
    let nothingToCancel: String = "Нечего отменять."
    let tooFast: String = "⏳ Слишком много нажатий подряд: подождите немного."
    let banned: String = "⛔ Ваш доступ к магазину закрыт."
    let commandStart: String = "Открыть магазин"
    let commandHelp: String = "Как это работает"
    let commandCancel: String = "Отменить действие"
    let commandPaySupport: String = "Помощь с оплатой"
    let apology: String = "Извините, у нас что-то пошло не так. Попробуйте ещё раз через минуту."
    let paySupportTitle: HTML = "⭐ <b>Помощь с оплатой</b>"
    let paySupport: HTML = """
        Пополнения оплачиваются звёздами Telegram и сразу зачисляются на баланс; каждый платёж зачисляется один раз.
        Если звёзды списаны, а баланс не вырос, платёж будет найден и зачислен в течение нескольких минут.
        Возврат идёт обратно в звёзды, в пределах суммы пополнения, оставшейся на балансе; купленные ключи возвращаются на баланс.
        """
    func lateTopUp(_ credited: String, _ balance: String) -> HTML {
        "✅ Найден платёж, который не дошёл до магазина: зачислено <b>\(credited)</b>. Баланс: <b>\(balance)</b>."
    }
    func creditedNotice(_ amount: String, _ reason: String, _ balance: String) -> HTML {
        "💰 На ваш баланс зачислено <b>\(amount)</b>.\nПричина: \(reason)\nБаланс: <b>\(balance)</b>"
    }
    func debitedNotice(_ amount: String, _ reason: String, _ balance: String) -> HTML {
        "➖ С вашего баланса списано <b>\(amount)</b>.\nПричина: \(reason)\nБаланс: <b>\(balance)</b>"
    }
    func refundNotice(_ orderID: Int, _ amount: String, _ keys: Int, _ balance: String) -> HTML {
        "↩️ Заказ №\(orderID): на баланс возвращено <b>\(amount)</b> за \(Plural.russian(keys, "ключ", "ключа", "ключей")).\nБаланс: <b>\(balance)</b>"
    }
    func starsRefundNotice(_ stars: Int64, _ amount: String, _ balance: String) -> HTML {
        "⭐ На ваш Telegram-аккаунт возвращено звёзд: \(stars), с баланса списано <b>\(amount)</b>.\nБаланс: <b>\(balance)</b>"
    }
    let premiumGrantedNotice: String = "💎 Теперь у вас премиум: премиум-каталог открыт."
    let premiumRevokedNotice: String = "Ваш премиум-статус закончился."
    let resellerOnNotice: String = "🏪 Теперь вы реселлер: вам видны цены для реселлеров и можно покупать несколько ключей сразу."
    let resellerOffNotice: String = "Вы больше не реселлер: вам видны обычные цены."
}
