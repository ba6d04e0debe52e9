// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/HostLedgerDump.h"

#include "simulators/acquirer/HostLedger.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/SqliteStatement.h"

#include <QDir>
#include <QJsonArray>

namespace pos {
namespace sim {
namespace {

using storage::SqliteDatabase;
using storage::SqliteStatement;

struct DumpedTable
{
    const char* key;
    const char* table;
    // Column names; a leading '#' marks an integer column (the '#' is not part of the name).
    QList<const char*> columns;
};

const QList<DumpedTable> dumpedTables = {
    {"terminals",
     "terminals",
     {"tid", "mid", "merchant_name", "tmk_scheme", "key_layout", "#current_batch", "#single_limit_fen",
      "#daily_limit_fen", "#signed_on", "signed_on_at"}},
    {"transactions",
     "transactions",
     {"#id", "tid", "mid", "#batch", "stan", "kind", "#amount_fen", "pan_masked", "rrn", "auth_code",
      "response_code", "state", "#original_id", "local_date", "created", "#settled"}},
    {"settlements",
     "settlements",
     {"#id", "tid", "#batch", "#terminal_sale_count", "#terminal_sale_fen", "#terminal_refund_count",
      "#terminal_refund_fen", "#host_sale_count", "#host_sale_fen", "#host_refund_count", "#host_refund_fen",
      "#balanced", "created"}},
    {"uploads", "batch_uploads", {"tid", "#batch", "#records_received", "#end_count", "closed_at"}},
    {"faults", "faults", {"#id", "tid", "stan", "mti", "name", "created"}},
    {"tombstones", "reversal_tombstones", {"#id", "tid", "#batch", "stan", "reason", "created"}},
    // First-swipe activations (schema 3; absent from older databases): one row per terminal.
    {"activations", "activations", {"tid", "#batch", "stan", "rrn", "state", "created"}},
    // The JSON API (schema 2; absent from older databases). No document contents, secrets or codes.
    {"merchants",
     "api_merchants",
     {"merchant_id", "uscc", "registered_name", "shop_name", "application_id", "#created_ms"}},
    {"applications",
     "api_applications",
     {"application_id", "client_reference", "status", "reasons", "merchant_id", "#created_ms",
      "#updated_ms"}},
    {"apiTerminals", "api_keys", {"key_id", "scope", "tid", "mid", "#created_ms"}},
    {"documents",
     "api_documents",
     {"document_id", "sha256_hex", "kind", "content_type", "#size_bytes", "#created_ms"}},
    {"qrOrders",
     "qr_orders",
     {"mid", "out_trade_no", "tid", "status", "#tombstone", "#amount_fen", "channel", "transaction_id",
      "#paid_at_ms", "#refunded_fen", "error_code", "#query_count", "local_date", "#created_ms",
      "#updated_ms"}},
    {"qrRefunds", "qr_refunds", {"mid", "out_refund_no", "out_trade_no", "#refund_fen", "#created_ms"}},
};

Result<bool> tableExists(SqliteDatabase& db, const char* table)
{
    const Result<SqliteStatement*> statement =
        db.prepare(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1"));
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, QString::fromLatin1(table));
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    const bool exists = found.value() && row.int64(0) > 0;
    row.reset();
    return exists;
}

Result<QJsonArray> dumpTable(SqliteDatabase& db, const DumpedTable& table)
{
    QStringList names;
    for (const char* column : table.columns)
        names << QString::fromLatin1(column[0] == '#' ? column + 1 : column);
    const Result<SqliteStatement*> statement =
        db.prepare(QStringLiteral("SELECT %1 FROM %2 ORDER BY rowid")
                       .arg(names.join(QStringLiteral(", ")), QString::fromLatin1(table.table)));
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    QJsonArray rows;
    for (;;) {
        const Result<bool> found = row.step();
        if (!found)
            return Failure{found.error()};
        if (!found.value())
            break;
        QJsonObject object;
        for (int i = 0; i < names.size(); ++i) {
            if (row.isNull(i))
                object.insert(names.at(i), QJsonValue(QJsonValue::Null));
            else if (table.columns.at(i)[0] == '#')
                object.insert(names.at(i), row.int64(i));
            else
                object.insert(names.at(i), row.text(i));
        }
        rows.append(object);
    }
    row.reset();
    return rows;
}

} // namespace

Result<QJsonObject> dumpHostLedger(const QString& dataDir)
{
    auto opened = SqliteDatabase::open(QDir(dataDir).filePath(HostLedger::fileName()),
                                       SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened)
        return Failure{opened.error()};
    SqliteDatabase& db = *opened.value();
    if (const Result<> settings = db.applyLedgerSettings(); !settings)
        return Failure{settings.error()};
    QJsonObject dump;
    for (const DumpedTable& table : dumpedTables) {
        const Result<bool> exists = tableExists(db, table.table);
        if (!exists)
            return Failure{exists.error()};
        if (!exists.value())
            continue;
        const Result<QJsonArray> rows = dumpTable(db, table);
        if (!rows)
            return Failure{rows.error()};
        dump.insert(QString::fromLatin1(table.key), rows.value());
    }
    return dump;
}

} // namespace sim
} // namespace pos
