// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

// Helpers shared by the Ledger implementation files. Internal to storage/.
namespace pos {
namespace storage {

class SqliteDatabase;

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

} // namespace detail
} // namespace storage
} // namespace pos
