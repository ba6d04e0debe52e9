// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: recovery of QR payments whose outcome stayed unknown (docs/acquirer-api.md "QR flow"): the order
// sequence, the payment reference the sender needs, the reversal owed, and start-up recovery of payments a
// dead process left open.
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;
using detail::queryRow;
using detail::runStatement;

Result<qint64> Ledger::nextQrOrderSequence()
{
    return m_database->queryInt64(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM qr_payments"));
}

Result<QrPaymentReference> Ledger::qrPaymentReference(qint64 paymentId)
{
    QrPaymentReference reference;
    QString channel;
    const Result<bool> found = queryRow(
        *m_database,
        QStringLiteral("SELECT p.id, p.transaction_type, p.channel, p.amount_fen, p.out_trade_no, p.state, "
                       "p.original_payment_id, coalesce(o.out_trade_no, '') FROM qr_payments p "
                       "LEFT JOIN qr_payments o ON o.id = p.original_payment_id WHERE p.id = ?"),
        [&](const SqliteStatement& row) {
            reference.paymentId = row.int64(0);
            reference.refund = row.text(1) == QLatin1String("refund");
            channel = row.text(2);
            reference.amount = Money::fromFen(row.int64(3));
            reference.outTradeNo = row.text(4);
            reference.state = row.text(5);
            reference.originalPaymentId = row.optionalInt64(6);
            reference.originalOutTradeNo = row.text(7);
        },
        paymentId);
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return fail(ErrorCode::NotFound, LedgerText::tr("The QR payment does not exist."),
                    QStringLiteral("qr payment %1").arg(paymentId));
    for (QrChannel candidate : {QrChannel::WeChat, QrChannel::Alipay, QrChannel::UnionPay}) {
        if (qrChannelKey(candidate) == channel)
            reference.channel = candidate;
    }
    return reference;
}

Result<OutboxItem> Ledger::beginQrReverse(qint64 paymentId, qint64 nowMs)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    const Result<QrPaymentReference> payment = qrPaymentReference(paymentId);
    if (!payment)
        return Failure{payment.error()};
    const QString& state = payment.value().state;
    if (payment.value().refund ||
        (state != QLatin1String("created") && state != QLatin1String("user_paying") &&
         state != QLatin1String("unknown")))
        return invalid(LedgerText::tr("This QR payment cannot be reversed."),
                       QStringLiteral("qr payment %1 (%2) not reversible").arg(paymentId).arg(state));
    if (state != QLatin1String("unknown")) {
        if (const Result<> moved = detail::setQrState(*m_database, paymentId, QrState::Unknown, {}, nowMs);
            !moved)
            return Failure{moved.error()};
    }
    // The query is no longer the way forward: the reverse settles the payment whatever it was.
    if (const Result<> cancelled = runStatement(
            *m_database,
            QStringLiteral("UPDATE outbox SET state = 'cancelled', updated_ms = ? WHERE qr_payment_id = ? "
                           "AND kind = 'qr_query' AND state IN ('armed', 'pending', 'in_flight')"),
            nowMs, paymentId);
        !cancelled)
        return Failure{cancelled.error()};
    const QString key = QStringLiteral("qr_reverse:qr:%1").arg(paymentId);
    if (const Result<> inserted = runStatement(
            *m_database,
            QStringLiteral("INSERT INTO outbox (kind, idempotency_key, qr_payment_id, state, next_try_ms, "
                           "created_ms, updated_ms) VALUES ('qr_reverse', ?, ?, 'pending', ?, ?, ?) "
                           "ON CONFLICT (idempotency_key) DO NOTHING"),
            key, paymentId, nowMs, nowMs, nowMs);
        !inserted)
        return Failure{inserted.error()};
    if (const Result<> claimed = runStatement(
            *m_database,
            QStringLiteral("UPDATE outbox SET state = 'in_flight', attempts = attempts + 1, updated_ms = ? "
                           "WHERE idempotency_key = ? AND state = 'pending'"),
            nowMs, key);
        !claimed)
        return Failure{claimed.error()};
    if (m_database->changes() != 1)
        return fail(ErrorCode::StorageBusy,
                    LedgerText::tr("The reversal of this QR payment is already being sent."),
                    QStringLiteral("qr_reverse of payment %1 not pending").arg(paymentId));
    OutboxItem item;
    const Result<bool> found = queryRow(
        *m_database, QStringLiteral("SELECT id, attempts, next_try_ms FROM outbox WHERE idempotency_key = ?"),
        [&item](const SqliteStatement& row) {
            item.id = row.int64(0);
            item.attempts = static_cast<int>(row.int64(1));
            item.nextTryMs = row.int64(2);
        },
        key);
    if (!found)
        return Failure{found.error()};
    item.kind = OutboxKind::QrReverse;
    item.idempotencyKey = key;
    item.qrPaymentId = paymentId;
    if (const Result<qint64> audited = audit::append(
            *m_database,
            {nowMs, std::nullopt, QStringLiteral("qr.reverse_due"), true, QStringLiteral("ledger"),
             QStringLiteral("qr_payment:%1").arg(paymentId), QStringLiteral("from=%1").arg(state)});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return item;
}

Result<int> Ledger::recoverInterruptedQrPayments(qint64 nowMs)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    QList<qint64> interrupted;
    {
        const Result<SqliteStatement*> select = m_database->prepare(QStringLiteral(
            "SELECT id FROM qr_payments WHERE state IN ('created', 'user_paying') ORDER BY id"));
        if (!select)
            return Failure{select.error()};
        for (;;) {
            const Result<bool> row = select.value()->step();
            if (!row)
                return Failure{row.error()};
            if (!row.value())
                break;
            interrupted.append(select.value()->int64(0));
        }
        select.value()->reset();
    }
    for (qint64 paymentId : interrupted) {
        // Unknown makes the armed query due now.
        if (const Result<> moved = detail::setQrState(*m_database, paymentId, QrState::Unknown, {}, nowMs);
            !moved)
            return Failure{moved.error()};
    }
    // QR work a dead process left in flight may or may not have reached the acquirer: due again now.
    if (const Result<> requeued = runStatement(
            *m_database,
            QStringLiteral("UPDATE outbox SET state = 'pending', next_try_ms = ?, updated_ms = ? "
                           "WHERE state IN ('pending', 'in_flight') AND state = 'in_flight' "
                           "AND kind IN ('qr_query', 'qr_reverse')"),
            nowMs, nowMs);
        !requeued)
        return Failure{requeued.error()};
    const int requeuedItems = m_database->changes();
    if (!interrupted.isEmpty() || requeuedItems > 0) {
        if (const Result<qint64> audited = audit::append(
                *m_database,
                {nowMs, std::nullopt, QStringLiteral("qr.recovered_at_start"), true, QStringLiteral("ledger"),
                 QString(),
                 QStringLiteral("payments=%1 requeued=%2").arg(interrupted.size()).arg(requeuedItems)});
            !audited)
            return Failure{audited.error()};
    }
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return static_cast<int>(interrupted.size());
}

Result<qint64> Ledger::pendingQrRecoveryCount()
{
    return m_database->queryInt64(QStringLiteral(
        "SELECT count(DISTINCT qr_payment_id) FROM outbox WHERE kind IN ('qr_query', 'qr_reverse') "
        "AND state IN ('pending', 'in_flight', 'failed')"));
}

} // namespace storage
} // namespace pos
