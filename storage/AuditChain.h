// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/LedgerTypes.h"

#include <QByteArray>

namespace pos {
namespace storage {

class SqliteDatabase;

// The hash-chained audit log. Each row's hash = SHA-256(previous row's hash || canonical content of the row),
// where the canonical content covers the row id and every column, each field length-prefixed, so that
// changing, deleting, inserting or reordering rows breaks the chain. The first row chains from 32 zero bytes.
namespace audit {

QByteArray canonicalContent(qint64 id,
                            qint64 createdMs,
                            std::optional<qint64> userId,
                            const QString& event,
                            const QString& outcome,
                            const QString& origin,
                            const QString& resource,
                            const QString& detail);

// Appends one row. Must run inside the caller's write transaction (the row belongs to the business event).
Result<qint64> append(SqliteDatabase& database, const AuditEvent& event);

// Records that the chain up to its current end is anchored at a settlement batch (batchId may be empty for
// a manual anchor). Inside the caller's transaction.
Result<qint64> anchor(SqliteDatabase& database, std::optional<qint64> batchId, qint64 nowMs);

struct ChainReport
{
    bool intact = true;
    qint64 rows = 0;
    qint64 firstBadId = 0; // 0 when intact
    QString problem;       // untranslated, e.g. "row 17: hash mismatch"
};

// Walks the whole chain and the anchors. Read-only.
Result<ChainReport> verify(SqliteDatabase& database);

} // namespace audit
} // namespace storage
} // namespace pos
