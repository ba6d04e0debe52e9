// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/LedgerTypes.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/SqliteStatement.h"

#include <QCoreApplication>
#include <QString>

// Helpers shared by the Ledger implementation files. Internal to storage/.
namespace pos {
namespace storage {

namespace detail {

struct LedgerText
{
    Q_DECLARE_TR_FUNCTIONS(pos::storage::Ledger)
};

// The shop's local calendar day ("2026-11-22") and hour of a UTC millisecond timestamp.
struct LocalStamp
{
    QString businessDate;
    int hour = 0;
};
LocalStamp localStamp(qint64 utcMs);

// Succeeds when the shift exists and is open; otherwise ErrorCode::InvalidInput with userMessage, or by
// default "There is no open shift…". Inside the caller's transaction.
Result<> requireOpenShift(SqliteDatabase& database, qint64 shiftId, const QString& userMessage = {});

inline Failure invalid(const QString& userMessage, const QString& detail)
{
    return fail(ErrorCode::InvalidInput, userMessage, detail);
}

// Moves a QR payment to state `to` if its life allows it (created ->
// user_paying/paid/not_paid/closed/unknown, unknown -> paid/not_paid/closed/reversed, paid ->
// reversed/refunded, ...) and keeps its recovery record in step: due when the outcome becomes unknown,
// cancelled once it is final. Inside the caller's transaction.
Result<> setQrState(
    SqliteDatabase& database, qint64 paymentId, QrState to, const QString& channelOrderId, qint64 nowMs);

// Takes the next STAN from `from` on (1..999999, wrapping, skipping numbers a card payment of this batch
// already uses) and advances terminal_profile.next_stan past it. Inside the caller's transaction.
Result<int>
takeStan(SqliteDatabase& database, const QString& terminalId, int batchNo, int from, qint64 nowMs);

// Runs one cached statement that returns no rows, binding args to ?1, ?2, ... in order.
template <typename... Args>
Result<> runStatement(SqliteDatabase& database, const QString& sql, const Args&... args)
{
    const Result<SqliteStatement*> statement = database.prepare(sql);
    if (!statement)
        return Failure{statement.error()};
    int index = 0;
    (statement.value()->bind(++index, args), ...);
    return statement.value()->run();
}

// Runs one cached statement and hands its first row (if any) to read; the statement is reset afterwards.
// Returns whether there was a row.
template <typename Read, typename... Args>
Result<bool> queryRow(SqliteDatabase& database, const QString& sql, Read&& read, const Args&... args)
{
    const Result<SqliteStatement*> statement = database.prepare(sql);
    if (!statement)
        return Failure{statement.error()};
    int index = 0;
    (statement.value()->bind(++index, args), ...);
    const Result<bool> row = statement.value()->step();
    if (!row)
        return Failure{row.error()};
    if (row.value())
        read(*statement.value());
    statement.value()->reset();
    return row.value();
}

} // namespace detail
} // namespace storage
} // namespace pos
