// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/AuditChain.h"

#include "core/crypto/CryptoPrimitives.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QCoreApplication>
#include <QtEndian>

namespace pos {
namespace storage {
namespace audit {
namespace {

const QByteArray genesis(32, '\0');

void appendField(QByteArray& out, const QByteArray& field)
{
    char length[4];
    qToBigEndian(static_cast<quint32>(field.size()), length);
    out.append(length, 4);
    out.append(field);
}

QByteArray chainHash(const QByteArray& previous, const QByteArray& content)
{
    const Result<QByteArray> hash = crypto::sha256(QByteArray(previous + content));
    return hash ? hash.value() : QByteArray();
}

struct ChainHead
{
    qint64 id = 0;
    QByteArray hash;
};

// The newest audit row, or nothing when the log is empty.
Result<std::optional<ChainHead>> chainHead(SqliteDatabase& database)
{
    const Result<SqliteStatement*> last =
        database.prepare(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!last)
        return Failure{last.error()};
    const Result<bool> hasLast = last.value()->step();
    if (!hasLast)
        return Failure{hasLast.error()};
    std::optional<ChainHead> head;
    if (hasLast.value())
        head = ChainHead{last.value()->int64(0), last.value()->blob(1)};
    last.value()->reset();
    return head;
}

} // namespace

QByteArray canonicalContent(qint64 id,
                            qint64 createdMs,
                            std::optional<qint64> userId,
                            const QString& event,
                            const QString& outcome,
                            const QString& origin,
                            const QString& resource,
                            const QString& detail)
{
    QByteArray content("pos-audit-v1");
    appendField(content, QByteArray::number(id));
    appendField(content, QByteArray::number(createdMs));
    appendField(content, userId ? QByteArray::number(*userId) : QByteArray("-"));
    for (const QString& text : {event, outcome, origin, resource, detail})
        appendField(content, text.toUtf8());
    return content;
}

Result<qint64> append(SqliteDatabase& database, const AuditEvent& event)
{
    const Result<std::optional<ChainHead>> head = chainHead(database);
    if (!head)
        return Failure{head.error()};
    const qint64 id = head.value() ? head.value()->id + 1 : 1;
    const QByteArray previous = head.value() ? head.value()->hash : genesis;

    const QString outcome = event.success ? QStringLiteral("success") : QStringLiteral("failure");
    const QByteArray hash =
        chainHash(previous, canonicalContent(id, event.createdMs, event.userId, event.event, outcome,
                                             event.origin, event.resource, event.detail));
    if (hash.size() != 32)
        return fail(ErrorCode::CryptoFailure,
                    QCoreApplication::translate("pos::storage::Ledger", "A cryptographic operation failed."),
                    QStringLiteral("audit hash: SHA-256 failed"));
    const Result<SqliteStatement*> insert =
        database.prepare(QStringLiteral("INSERT INTO audit_log (id, created_ms, user_id, event, outcome, "
                                        "origin, resource, detail, prev_hash, hash) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()
        ->bind(1, id)
        .bind(2, event.createdMs)
        .bind(3, event.userId)
        .bind(4, event.event)
        .bind(5, outcome)
        .bind(6, event.origin)
        .bind(7, event.resource)
        .bind(8, event.detail)
        .bind(9, previous)
        .bind(10, hash);
    if (const Result<> ran = insert.value()->run(); !ran)
        return Failure{ran.error()};
    return id;
}

Result<qint64> anchor(SqliteDatabase& database, std::optional<qint64> batchId, qint64 nowMs)
{
    const Result<std::optional<ChainHead>> head = chainHead(database);
    if (!head)
        return Failure{head.error()};
    if (!head.value())
        return fail(ErrorCode::NotFound,
                    QCoreApplication::translate("pos::storage::Ledger", "The audit log is empty."),
                    QStringLiteral("nothing to anchor"));
    const qint64 auditId = head.value()->id;
    const QByteArray hash = head.value()->hash;
    const Result<SqliteStatement*> insert = database.prepare(QStringLiteral(
        "INSERT INTO audit_anchors (audit_id, batch_id, hash, created_ms) VALUES (?, ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()->bind(1, auditId).bind(2, batchId).bind(3, hash).bind(4, nowMs);
    if (const Result<> ran = insert.value()->run(); !ran)
        return Failure{ran.error()};
    return database.lastInsertRowId();
}

Result<ChainReport> verify(SqliteDatabase& database)
{
    ChainReport report;
    const Result<SqliteStatement*> rows = database.prepare(QStringLiteral(
        "SELECT id, created_ms, user_id, event, outcome, origin, resource, detail, prev_hash, hash "
        "FROM audit_log ORDER BY id"));
    if (!rows)
        return Failure{rows.error()};
    SqliteStatement& row = *rows.value();
    QByteArray previous = genesis;
    qint64 expectedId = 0;
    for (;;) {
        const Result<bool> next = row.step();
        if (!next)
            return Failure{next.error()};
        if (!next.value())
            break;
        ++report.rows;
        const qint64 id = row.int64(0);
        auto broken = [&](const QString& problem) {
            report.intact = false;
            report.firstBadId = id;
            report.problem = QStringLiteral("row %1: %2").arg(id).arg(problem);
        };
        if (expectedId != 0 && id != expectedId) {
            broken(QStringLiteral("gap or reordering (expected id %1)").arg(expectedId));
            break;
        }
        if (row.blob(8) != previous) {
            broken(QStringLiteral("prev_hash does not match the previous row"));
            break;
        }
        const QByteArray content = canonicalContent(id, row.int64(1), row.optionalInt64(2), row.text(3),
                                                    row.text(4), row.text(5), row.text(6), row.text(7));
        const QByteArray hash = chainHash(previous, content);
        if (hash != row.blob(9)) {
            broken(QStringLiteral("hash mismatch"));
            break;
        }
        previous = hash;
        expectedId = id + 1;
    }
    row.reset();
    if (!report.intact)
        return report;

    const Result<SqliteStatement*> anchors =
        database.prepare(QStringLiteral("SELECT a.id, a.audit_id, a.hash, l.hash FROM audit_anchors a LEFT "
                                        "JOIN audit_log l ON l.id = a.audit_id "
                                        "ORDER BY a.id"));
    if (!anchors)
        return Failure{anchors.error()};
    for (;;) {
        const Result<bool> next = anchors.value()->step();
        if (!next)
            return Failure{next.error()};
        if (!next.value())
            break;
        if (anchors.value()->isNull(3) || anchors.value()->blob(2) != anchors.value()->blob(3)) {
            report.intact = false;
            report.firstBadId = anchors.value()->int64(1);
            report.problem = QStringLiteral("anchor %1 does not match audit row %2")
                                 .arg(anchors.value()->int64(0))
                                 .arg(anchors.value()->int64(1));
            break;
        }
    }
    anchors.value()->reset();
    return report;
}

} // namespace audit
} // namespace storage
} // namespace pos
