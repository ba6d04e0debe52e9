// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/Ledger.h"

#include "storage/AuditChain.h"
#include "storage/LedgerSupport.h"
#include "storage/Migrator.h"
#include "storage/sqlite/TransactionGuard.h"

#include <QDateTime>

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;

namespace detail {

LocalStamp localStamp(qint64 utcMs)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime();
    return {local.date().toString(Qt::ISODate), local.time().hour()};
}

Result<> requireOpenShift(SqliteDatabase& database, qint64 shiftId, const QString& userMessage)
{
    const Result<SqliteStatement*> shift =
        database.prepare(QStringLiteral("SELECT state FROM shifts WHERE id = ?"));
    if (!shift)
        return Failure{shift.error()};
    shift.value()->bind(1, shiftId);
    const Result<bool> row = shift.value()->step();
    if (!row)
        return Failure{row.error()};
    const bool open = row.value() && shift.value()->text(0) == QLatin1String("open");
    shift.value()->reset();
    if (!open)
        return invalid(userMessage.isEmpty()
                           ? LedgerText::tr("There is no open shift. Open a shift before selling.")
                           : userMessage,
                       QStringLiteral("shift %1 missing or closed").arg(shiftId));
    return {};
}

} // namespace detail

Result<std::unique_ptr<Ledger>> Ledger::open(const QString& path, Creation creation)
{
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                             creation == Creation::CreateIfMissing ? SqliteDatabase::Creation::CreateIfMissing
                                                                   : SqliteDatabase::Creation::MustExist);
    if (!opened)
        return Failure{opened.error()};
    std::unique_ptr<SqliteDatabase> database = std::move(opened).value();
    if (const Result<> configured = database->applyLedgerSettings(); !configured)
        return Failure{configured.error()};
    if (const Result<int> migrated = Migrator::migrate(*database, Migrator::ledgerMigrations()); !migrated)
        return Failure{migrated.error()};
    return std::make_unique<Ledger>(std::move(database));
}

Ledger::Ledger(std::unique_ptr<SqliteDatabase> database) : m_database(std::move(database))
{}

Result<qint64> Ledger::addUser(const NewUser& user, qint64 nowMs)
{
    if (user.login.trimmed().isEmpty() || user.displayName.trimmed().isEmpty())
        return invalid(LedgerText::tr("A user needs a login and a name."),
                       QStringLiteral("empty login or name"));
    if (user.credentialHash.isEmpty() || user.credentialSalt.isEmpty() || user.credentialParams.isEmpty())
        return invalid(LedgerText::tr("A user needs a credential."), QStringLiteral("missing credential"));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    const Result<SqliteStatement*> insert = m_database->prepare(QStringLiteral(
        "INSERT INTO users (login, display_name, role, credential_hash, credential_salt, credential_params, "
        "created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()
        ->bind(1, user.login.trimmed())
        .bind(2, user.displayName.trimmed())
        .bind(3, userRoleKey(user.role))
        .bind(4, user.credentialHash)
        .bind(5, user.credentialSalt)
        .bind(6, user.credentialParams)
        .bind(7, nowMs)
        .bind(8, nowMs);
    if (const Result<> ran = insert.value()->run(); !ran)
        return Failure{ran.error()};
    const qint64 id = m_database->lastInsertRowId();
    if (const Result<qint64> audited = audit::append(
            *m_database, {nowMs, std::nullopt, QStringLiteral("user.created"), true, QStringLiteral("ledger"),
                          QStringLiteral("user:%1").arg(id), userRoleKey(user.role)});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return id;
}

Result<qint64> Ledger::addProduct(const NewProduct& product, qint64 nowMs)
{
    if (product.code.trimmed().isEmpty() || product.name.trimmed().isEmpty())
        return invalid(LedgerText::tr("A product needs a code and a name."),
                       QStringLiteral("empty code or name"));
    if (product.price.isNegative() || product.taxRateBp < 0 || product.taxRateBp > 10000)
        return invalid(LedgerText::tr("The price or tax rate is not valid."),
                       QStringLiteral("bad price or tax"));
    const Result<SqliteStatement*> insert =
        m_database->prepare(QStringLiteral("INSERT INTO products (code, name, pinyin_initials, category_id, "
                                           "unit, price_fen, tax_rate_bp, stock_milli, "
                                           "updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()
        ->bind(1, product.code.trimmed())
        .bind(2, product.name.trimmed())
        .bind(3, product.pinyinInitials)
        .bind(4, product.categoryId)
        .bind(5, product.soldByWeight ? QStringLiteral("kg") : QStringLiteral("piece"))
        .bind(6, product.price.fen())
        .bind(7, product.taxRateBp)
        .bind(8, product.stockMilli)
        .bind(9, nowMs);
    if (const Result<> ran = insert.value()->run(); !ran)
        return Failure{ran.error()};
    return m_database->lastInsertRowId();
}

Result<> Ledger::addBarcode(const QString& barcode, qint64 productId)
{
    const Result<SqliteStatement*> insert =
        m_database->prepare(QStringLiteral("INSERT INTO barcodes (barcode, product_id) VALUES (?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()->bind(1, barcode).bind(2, productId);
    return insert.value()->run();
}

Result<qint64> Ledger::openShift(qint64 cashierId, Money openingFloat, qint64 nowMs)
{
    if (openingFloat.isNegative())
        return invalid(LedgerText::tr("The opening float cannot be negative."),
                       QStringLiteral("negative float"));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    const Result<SqliteStatement*> insert = m_database->prepare(QStringLiteral(
        "INSERT INTO shifts (cashier_id, state, opened_ms, opening_float_fen) VALUES (?, 'open', ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()->bind(1, cashierId).bind(2, nowMs).bind(3, openingFloat.fen());
    if (const Result<> ran = insert.value()->run(); !ran) {
        if (ran.error().code == ErrorCode::InvalidInput)
            return invalid(LedgerText::tr("This cashier already has an open shift, or does not exist."),
                           ran.error().detail);
        return Failure{ran.error()};
    }
    const qint64 id = m_database->lastInsertRowId();
    if (const Result<qint64> audited =
            audit::append(*m_database, {nowMs, cashierId, QStringLiteral("shift.opened"), true,
                                        QStringLiteral("ledger"), QStringLiteral("shift:%1").arg(id),
                                        QStringLiteral("float=%1").arg(openingFloat.fen())});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return id;
}

Result<> Ledger::setTerminalIdentity(const QString& terminalId, const QString& merchantId, qint64 nowMs)
{
    if (terminalId.size() != 8 || merchantId.size() != 15)
        return invalid(
            LedgerText::tr("The terminal id must have 8 characters and the merchant id 15."),
            QStringLiteral("tid %1 chars, mid %2 chars").arg(terminalId.size()).arg(merchantId.size()));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<SqliteStatement*> upsert = m_database->prepare(QStringLiteral(
        "INSERT INTO terminal_profile (id, terminal_id, merchant_id, updated_ms) VALUES (1, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET terminal_id = excluded.terminal_id, merchant_id = "
        "excluded.merchant_id, "
        "updated_ms = excluded.updated_ms"));
    if (!upsert)
        return Failure{upsert.error()};
    upsert.value()->bind(1, terminalId).bind(2, merchantId).bind(3, nowMs);
    if (const Result<> ran = upsert.value()->run(); !ran)
        return ran;
    if (const Result<qint64> audited = audit::append(
            *m_database,
            {nowMs, std::nullopt, QStringLiteral("terminal.identity_set"), true, QStringLiteral("ledger"),
             QStringLiteral("terminal:%1").arg(terminalId), QStringLiteral("mid=%1").arg(merchantId)});
        !audited)
        return Failure{audited.error()};
    return transaction.commit();
}

Result<qint64> Ledger::appendAudit(const AuditEvent& event)
{
    if (event.event.isEmpty())
        return invalid(LedgerText::tr("An audit event needs a name."), QStringLiteral("empty audit event"));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    const Result<qint64> id = audit::append(*m_database, event);
    if (!id)
        return id;
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return id;
}

Result<> Ledger::inOneTransaction(const std::function<Result<>()>& work)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    if (const Result<> done = work(); !done)
        return done;
    return transaction.commit();
}

Result<qint64> Ledger::unsyncedCount()
{
    return m_database->queryInt64(QStringLiteral(
        // Open outbox work (outbox_open), plus exchanges under way: intents whose recovery is still armed. A
        // payment whose reversal or advice is due is counted once, through its outbox item.
        "SELECT (SELECT count(*) FROM outbox WHERE state IN ('pending', 'in_flight', 'failed')) + "
        "(SELECT count(*) FROM card_payments p WHERE p.host_state = 'sending' AND EXISTS (SELECT 1 FROM "
        "outbox "
        "o WHERE o.card_payment_id = p.id AND o.state = 'armed'))"));
}

} // namespace storage
} // namespace pos
