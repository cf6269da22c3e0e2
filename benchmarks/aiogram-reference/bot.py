"""The aiogram reference shop bot for Quantum Panel's `flow` benchmark.

A plain aiogram 3 + SQLAlchemy 2 (async, aiosqlite) bot with the same screens and button
label prefixes as the Swift bot's purchase flow: /start → 🛍 Products → {product} · {stock} →
{price label} · $x.xx → ✅ Buy for $x.xx → receipt with the key. Configured from the
environment (see README.md); long polling against TELEGRAM_API_URL.
"""

import asyncio
import html
import logging
import os
import signal
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable

from aiogram import BaseMiddleware, Bot, Dispatcher, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.filters import CommandStart
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, TelegramObject
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

BOT_TOKEN = os.environ["BOT_TOKEN"]
TELEGRAM_API_URL = os.environ.get("TELEGRAM_API_URL", "https://api.telegram.org")
DATABASE_PATH = os.environ.get("DATABASE_PATH", "reference.sqlite")
SEED_PRODUCT = os.environ.get("SEED_PRODUCT", "Bench Kit")
SEED_KEYS = int(os.environ.get("SEED_KEYS", "1000"))
START_BALANCE_CENTS = int(os.environ.get("START_BALANCE_CENTS", "500"))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


# --- Models -------------------------------------------------------------------------------


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("balance >= 0", name="balance_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    first_name: Mapped[str] = mapped_column(String(128))
    balance: Mapped[int] = mapped_column(default=0)  # cents
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))


class ProductPrice(Base):
    __tablename__ = "product_prices"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    label: Mapped[str] = mapped_column(String(64))
    price: Mapped[int]  # cents


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    price_id: Mapped[int] = mapped_column(ForeignKey("product_prices.id"))
    amount: Mapped[int]  # cents
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProductKey(Base):
    __tablename__ = "product_keys"
    __table_args__ = (Index("ix_product_keys_unused", "product_id", "is_used"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    key: Mapped[str] = mapped_column(String(256), unique=True)
    is_used: Mapped[bool] = mapped_column(default=False)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))


class LedgerEntry(Base):
    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    delta: Mapped[int]  # cents
    balance_after: Mapped[int]
    reason: Mapped[str] = mapped_column(String(32))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- Database -----------------------------------------------------------------------------


def make_engine(path: str) -> AsyncEngine:
    engine = create_async_engine(f"sqlite+aiosqlite:///{path}", connect_args={"timeout": 30})

    # pysqlite/aiosqlite begin transactions lazily and never as IMMEDIATE; take BEGIN over
    # (SQLAlchemy's documented recipe) so a purchase can ask for the write lock up front.
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # as the Swift bot; synchronous stays FULL
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


async def prepare_database(engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> None:
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    async with sessions.begin() as session:
        if await session.scalar(select(func.count()).select_from(Product)):
            return
        product = Product(name=SEED_PRODUCT)
        session.add(product)
        await session.flush()
        session.add(ProductPrice(product_id=product.id, label="1 month", price=100))
        session.add_all(ProductKey(product_id=product.id, key=f"BENCH-{n}") for n in range(SEED_KEYS))


async def lock_for_write(session: AsyncSession) -> None:
    """Starts the session's transaction as BEGIN IMMEDIATE. A deferred one that reads and then
    writes fails at once with "database is locked" (WAL: SQLITE_BUSY_SNAPSHOT, no busy wait)
    when another writer committed in between; an immediate one waits for the lock instead."""
    await session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})


class DbSessionMiddleware(BaseMiddleware):
    """Gives every handler its own `session`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        async with self.sessions() as session:
            data["session"] = session
            return await handler(event, data)


# --- Screens ------------------------------------------------------------------------------


class MenuCb(CallbackData, prefix="menu"):
    action: str


class ProductCb(CallbackData, prefix="prod"):
    product_id: int


class PriceCb(CallbackData, prefix="price"):
    price_id: int


class BuyCb(CallbackData, prefix="buy"):
    price_id: int


def money(cents: int) -> str:
    return f"${cents // 100}.{cents % 100:02d}"


def menu_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text="🛍 Products", callback_data=MenuCb(action="products"))
    return builder.as_markup()


def menu_text(user: User) -> str:
    return f"👋 Welcome, <b>{html.escape(user.first_name)}</b>!\nBalance: <b>{money(user.balance)}</b>\n\nChoose below:"


router = Router()


@router.message(CommandStart())
async def start(message: Message, session: AsyncSession) -> None:
    sender = message.from_user
    async with session.begin():
        await lock_for_write(session)
        user = await session.scalar(select(User).where(User.telegram_id == sender.id))
        if user is None:
            user = User(telegram_id=sender.id, first_name=sender.first_name, balance=START_BALANCE_CENTS)
            session.add(user)
            await session.flush()
            session.add(LedgerEntry(user_id=user.id, delta=user.balance, balance_after=user.balance, reason="welcome"))
    await message.answer(menu_text(user), reply_markup=menu_keyboard())


@router.callback_query(MenuCb.filter(F.action == "home"))
async def show_menu(callback: CallbackQuery, session: AsyncSession) -> None:
    user = await session.scalar(select(User).where(User.telegram_id == callback.from_user.id))
    if user is None:
        await callback.answer("Send /start first.", show_alert=True)
        return
    await callback.message.edit_text(menu_text(user), reply_markup=menu_keyboard())
    await callback.answer()


@router.callback_query(MenuCb.filter(F.action == "products"))
async def show_products(callback: CallbackQuery, session: AsyncSession) -> None:
    stock = (
        select(ProductKey.product_id, func.count().label("stock"))
        .where(ProductKey.is_used.is_(False))
        .group_by(ProductKey.product_id)
        .subquery()
    )
    rows = await session.execute(
        select(Product, func.coalesce(stock.c.stock, 0))
        .outerjoin(stock, stock.c.product_id == Product.id)
        .order_by(Product.name)
    )
    builder = InlineKeyboardBuilder()
    for product, count in rows:
        builder.button(text=f"{product.name} · {count}", callback_data=ProductCb(product_id=product.id))
    builder.button(text="‹ Back", callback_data=MenuCb(action="home"))
    builder.adjust(1)
    await callback.message.edit_text("🛍 <b>Products</b>", reply_markup=builder.as_markup())
    await callback.answer()


@router.callback_query(ProductCb.filter())
async def show_product(callback: CallbackQuery, callback_data: ProductCb, session: AsyncSession) -> None:
    product = await session.get(Product, callback_data.product_id)
    if product is None:
        await callback.answer("This product is no longer for sale.", show_alert=True)
        return
    prices = await session.scalars(
        select(ProductPrice).where(ProductPrice.product_id == product.id).order_by(ProductPrice.price)
    )
    builder = InlineKeyboardBuilder()
    for price in prices:
        builder.button(text=f"{price.label} · {money(price.price)}", callback_data=PriceCb(price_id=price.id))
    builder.button(text="‹ Back", callback_data=MenuCb(action="products"))
    builder.adjust(1)
    await callback.message.edit_text(f"<b>{html.escape(product.name)}</b>\n\nPrices:", reply_markup=builder.as_markup())
    await callback.answer()


@router.callback_query(PriceCb.filter())
async def confirm(callback: CallbackQuery, callback_data: PriceCb, session: AsyncSession) -> None:
    row = (
        await session.execute(
            select(ProductPrice, Product)
            .join(Product, Product.id == ProductPrice.product_id)
            .where(ProductPrice.id == callback_data.price_id)
        )
    ).first()
    if row is None:
        await callback.answer("This price is no longer for sale.", show_alert=True)
        return
    price, product = row
    builder = InlineKeyboardBuilder()
    builder.button(text=f"✅ Buy for {money(price.price)}", callback_data=BuyCb(price_id=price.id))
    builder.button(text="‹ Back", callback_data=ProductCb(product_id=product.id))
    builder.adjust(1)
    text = (
        "🧾 <b>Confirm your purchase</b>\n\n"
        f"Product: {html.escape(product.name)}\nDuration: {html.escape(price.label)}\nPrice: {money(price.price)}"
    )
    await callback.message.edit_text(text, reply_markup=builder.as_markup())
    await callback.answer()


@router.callback_query(BuyCb.filter())
async def buy(callback: CallbackQuery, callback_data: BuyCb, session: AsyncSession) -> None:
    back = InlineKeyboardBuilder()
    back.button(text="🏠 Menu", callback_data=MenuCb(action="home"))
    async with session.begin():
        await lock_for_write(session)  # one transaction, holding SQLite's write lock throughout
        user = await session.scalar(
            select(User).where(User.telegram_id == callback.from_user.id).with_for_update()
        )
        price = await session.get(ProductPrice, callback_data.price_id)
        if user is None or price is None:
            text = "This price is no longer for sale." if user else "Send /start first."
        elif user.balance < price.price:
            text = f"💸 Not enough balance: you need <b>{money(price.price - user.balance)}</b> more."
        else:
            key = await session.scalar(
                select(ProductKey)
                .where(ProductKey.product_id == price.product_id, ProductKey.is_used.is_(False))
                .order_by(ProductKey.id)
                .limit(1)
                .with_for_update()
            )
            if key is None:
                text = "😔 Out of stock. Please try again later."
            else:
                order = Order(user_id=user.id, price_id=price.id, amount=price.price)
                session.add(order)
                await session.flush()
                key.is_used, key.order_id = True, order.id
                user.balance -= price.price
                session.add(
                    LedgerEntry(
                        user_id=user.id,
                        delta=-price.price,
                        balance_after=user.balance,
                        reason="purchase",
                        order_id=order.id,
                    )
                )
                text = (
                    "✅ <b>Purchase complete</b>\n\n"
                    f"Order #{order.id} · {html.escape(price.label)} · {money(price.price)}\n"
                    f"Your key: <code>{html.escape(key.key)}</code>\n"
                    f"Balance: {money(user.balance)}"
                )
    await callback.message.edit_text(text, reply_markup=back.as_markup())
    await callback.answer()


# --- Main ---------------------------------------------------------------------------------


async def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    # A launcher may hand its blocked signal mask down (Foundation's Process does, from a Swift
    # thread): unblock the signals start_polling stops on, or SIGTERM would wait forever.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    engine = make_engine(DATABASE_PATH)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    await prepare_database(engine, sessions)

    session = AiohttpSession(api=TelegramAPIServer.from_base(TELEGRAM_API_URL))
    bot = Bot(BOT_TOKEN, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    dp = Dispatcher()
    dp.update.middleware(DbSessionMiddleware(sessions))
    dp.include_router(router)
    try:
        await dp.start_polling(bot)  # stops on SIGINT/SIGTERM and closes the bot's session
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
