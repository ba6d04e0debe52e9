// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: the store-and-forward outbox. Every attempt is claimed durably before anything is sent, so that a
// crash never loses work and never hides that an attempt may have reached the other side.
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

#include <QStringList>

#include <algorithm>

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;
using detail::queryRow;
using detail::runStatement;

namespace {

constexpr int maxIdempotencyKeyLength = 200;
constexpr int maxErrorLength = 500;

// Columns read by readItem, in this order.
const char* const itemColumns =
    "id, kind, idempotency_key, card_payment_id, qr_payment_id, payload, "
    "coalesce(reason_code, ''), attempts, next_try_ms, coalesce(last_error, ''), state";

OutboxItem readItem(const SqliteStatement& row)
{
    OutboxItem item;
    item.id = row.int64(0);
    item.kind = outboxKindFromKey(row.text(1)).value_or(OutboxKind::Advice);
    item.idempotencyKey = row.text(2);
    item.cardPaymentId = row.optionalInt64(3);
    item.qrPaymentId = row.optionalInt64(4);
    item.payload = row.blob(5);
    item.reasonCode = row.text(6);
    item.attempts = static_cast<int>(row.int64(7));
    item.nextTryMs = row.int64(8);
    item.lastError = row.text(9);
    return item;
}

struct LoadedItem
{
    OutboxItem item;
    QString state;
};

Result<LoadedItem> loadItem(SqliteDatabase& database, qint64 itemId)
{
    LoadedItem loaded;
    const Result<bool> found = queryRow(
        database, QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(QLatin1String(itemColumns)),
        [&loaded](const SqliteStatement& row) {
            loaded.item = readItem(row);
            loaded.state = row.text(10);
        },
        itemId);
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return fail(ErrorCode::NotFound, LedgerText::tr("The queued host work does not exist."),
                    QStringLiteral("outbox item %1").arg(itemId));
    return loaded;
}

// The item as its sender holds it: it must be in flight (claimed and not yet completed or failed).
Result<OutboxItem> loadInFlightItem(SqliteDatabase& database, qint64 itemId)
{
    const Result<LoadedItem> loaded = loadItem(database, itemId);
    if (!loaded)
        return Failure{loaded.error()};
    if (loaded.value().state == QLatin1String("in_flight"))
        return loaded.value().item;
    return fail(ErrorCode::InvalidInput, LedgerText::tr("This queued host work is not being sent."),
                QStringLiteral("outbox item %1 is %2, not in_flight").arg(itemId).arg(loaded.value().state));
}

// Moves the card payment an outbox item recovers to the state its completion means.
Result<> settleCardPayment(SqliteDatabase& database, const OutboxItem& item, qint64 nowMs)
{
    if (!item.cardPaymentId)
        return {};
    QString sql;
    if (item.kind == OutboxKind::Reversal)
        sql = QStringLiteral("UPDATE card_payments SET host_state = 'reversed', updated_ms = ? "
                             "WHERE id = ? AND host_state = 'reversal_pending'");
    else if (item.kind == OutboxKind::Advice)
        sql = QStringLiteral("UPDATE card_payments SET host_state = 'approved', response_code = "
                             "coalesce(response_code, '00'), updated_ms = ? "
                             "WHERE id = ? AND host_state IN ('sending', 'approved')");
    else
        return {};
    if (const Result<> ran = runStatement(database, sql, nowMs, *item.cardPaymentId); !ran)
        return ran;
    if (database.changes() != 1)
        return fail(ErrorCode::Internal,
                    LedgerText::tr("The card payment of this host work is not in the "
                                   "expected state."),
                    QStringLiteral("outbox %1 (%2): card payment %3 not updatable")
                        .arg(item.id)
                        .arg(outboxKindKey(item.kind))
                        .arg(*item.cardPaymentId));
    return {};
}

} // namespace

Result<qint64> Ledger::enqueueOutbox(const OutboxRequest& request)
{
    if (request.idempotencyKey.trimmed().isEmpty() || request.idempotencyKey.size() > maxIdempotencyKeyLength)
        return invalid(LedgerText::tr("The queued host work has no valid reference."),
                       QStringLiteral("idempotency key of %1 characters").arg(request.idempotencyKey.size()));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (const Result<> inserted = runStatement(
            *m_database,
            QStringLiteral(
                "INSERT INTO outbox (kind, idempotency_key, card_payment_id, qr_payment_id, payload, "
                "reason_code, state, next_try_ms, created_ms, updated_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) "
                "ON CONFLICT (idempotency_key) DO NOTHING"),
            outboxKindKey(request.kind), request.idempotencyKey, request.cardPaymentId, request.qrPaymentId,
            request.payload,
            request.reasonCode.isEmpty() ? std::nullopt : std::optional<QString>(request.reasonCode),
            request.createdMs, request.createdMs, request.createdMs);
        !inserted)
        return Failure{inserted.error()};
    qint64 id = 0;
    QString existingKind;
    const Result<bool> found = queryRow(
        *m_database, QStringLiteral("SELECT id, kind FROM outbox WHERE idempotency_key = ?"),
        [&](const SqliteStatement& row) {
            id = row.int64(0);
            existingKind = row.text(1);
        },
        request.idempotencyKey);
    if (!found)
        return Failure{found.error()};
    if (existingKind != outboxKindKey(request.kind))
        return invalid(LedgerText::tr("The queued host work has no valid reference."),
                       QStringLiteral("idempotency key reused for kind %1").arg(existingKind));
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return id;
}

Result<std::optional<OutboxItem>> Ledger::claimDueOutbox(qint64 nowMs, const QList<OutboxKind>& kinds)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    // "state IN ('pending', 'in_flight')" repeats the partial index outbox_due's condition so that SQLite
    // uses it: the outbox keeps a row for every card payment ever made.
    QString sql = QStringLiteral("SELECT %1 FROM outbox WHERE state IN ('pending', 'in_flight') AND state = "
                                 "'pending' AND next_try_ms <= ?")
                      .arg(QLatin1String(itemColumns));
    if (!kinds.isEmpty()) {
        QStringList keys;
        for (OutboxKind kind : kinds)
            keys << QStringLiteral("'%1'").arg(outboxKindKey(kind));
        sql += QStringLiteral(" AND kind IN (%1)").arg(keys.join(QLatin1String(", ")));
    }
    sql += QStringLiteral(" ORDER BY next_try_ms, id LIMIT 1");
    std::optional<OutboxItem> claimed;
    const Result<bool> found = queryRow(
        *m_database, sql, [&claimed](const SqliteStatement& row) { claimed = readItem(row); }, nowMs);
    if (!found)
        return Failure{found.error()};
    if (!claimed)
        return std::optional<OutboxItem>();
    if (const Result<> marked =
            runStatement(*m_database,
                         QStringLiteral("UPDATE outbox SET state = 'in_flight', attempts = "
                                        "attempts + 1, updated_ms = ? WHERE id = ?"),
                         nowMs, claimed->id);
        !marked)
        return Failure{marked.error()};
    claimed->attempts += 1;
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return claimed;
}

Result<> Ledger::completeOutbox(qint64 itemId, qint64 nowMs, std::optional<QrState> qrFinalState)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<OutboxItem> loaded = loadInFlightItem(*m_database, itemId);
    if (!loaded)
        return Failure{loaded.error()};
    const OutboxItem& item = loaded.value();
    const bool qrWork = item.kind == OutboxKind::QrQuery || item.kind == OutboxKind::QrReverse;
    if (qrWork != qrFinalState.has_value())
        return invalid(LedgerText::tr("The outcome of this QR payment is missing."),
                       QStringLiteral("outbox %1: qr final state %2")
                           .arg(itemId)
                           .arg(qrFinalState ? QStringLiteral("given") : QStringLiteral("missing")));
    if (const Result<> done = runStatement(
            *m_database, QStringLiteral("UPDATE outbox SET state = 'done', updated_ms = ? WHERE id = ?"),
            nowMs, itemId);
        !done)
        return done;
    if (const Result<> card = settleCardPayment(*m_database, item, nowMs); !card)
        return card;
    if (qrWork && item.qrPaymentId) {
        if (const Result<> qr = detail::setQrState(*m_database, *item.qrPaymentId, *qrFinalState, {}, nowMs);
            !qr)
            return qr;
    }
    if (const Result<qint64> audited = audit::append(
            *m_database,
            {nowMs, std::nullopt, QStringLiteral("outbox.done"), true, QStringLiteral("ledger"),
             QStringLiteral("outbox:%1").arg(itemId),
             QStringLiteral("kind=%1 attempts=%2").arg(outboxKindKey(item.kind)).arg(item.attempts)});
        !audited)
        return Failure{audited.error()};
    return transaction.commit();
}

Result<> Ledger::failOutboxAttempt(
    qint64 itemId, const QString& error, AttemptVerdict verdict, const RetryPolicy& policy, qint64 nowMs)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<OutboxItem> loaded = loadInFlightItem(*m_database, itemId);
    if (!loaded)
        return Failure{loaded.error()};
    const OutboxItem& item = loaded.value();
    const bool retry = verdict == AttemptVerdict::RetryLater;
    const qint64 nextTry = retry ? nowMs + policy.delayAfter(std::max(item.attempts, 1)) : nowMs;
    if (const Result<> updated = runStatement(
            *m_database,
            QStringLiteral("UPDATE outbox SET state = ?, next_try_ms = ?, last_error = ?, updated_ms = ? "
                           "WHERE id = ?"),
            retry ? QStringLiteral("pending") : QStringLiteral("failed"), nextTry, error.left(maxErrorLength),
            nowMs, itemId);
        !updated)
        return updated;
    if (!retry) {
        // Parked work needs a person (e.g. the host said "duplicate"): it is an event worth auditing.
        if (const Result<qint64> audited =
                audit::append(*m_database, {nowMs, std::nullopt, QStringLiteral("outbox.gave_up"), false,
                                            QStringLiteral("ledger"), QStringLiteral("outbox:%1").arg(itemId),
                                            QStringLiteral("kind=%1 attempts=%2 error=%3")
                                                .arg(outboxKindKey(item.kind))
                                                .arg(item.attempts)
                                                .arg(error.left(maxErrorLength))});
            !audited)
            return Failure{audited.error()};
    }
    return transaction.commit();
}

Result<int> Ledger::requeueInterruptedOutbox(qint64 nowMs)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (const Result<> updated = runStatement(
            *m_database,
            QStringLiteral("UPDATE outbox SET state = 'pending', next_try_ms = ?, updated_ms = ? "
                           "WHERE state IN ('pending', 'in_flight') AND state = 'in_flight'"),
            nowMs, nowMs);
        !updated)
        return Failure{updated.error()};
    const int requeued = m_database->changes();
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return requeued;
}

Result<qint64> Ledger::pendingReversalCount()
{
    // A reversal that was given up on still blocks: its card payment stays 'reversal_pending' until done.
    return m_database->queryInt64(
        QStringLiteral("SELECT count(*) FROM card_payments WHERE host_state = 'reversal_pending'"));
}

} // namespace storage
} // namespace pos
