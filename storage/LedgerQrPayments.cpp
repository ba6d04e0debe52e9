// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: QR payments (B扫C). Intent before send as for cards: the order number and an armed 'qr_query'
// recovery record are committed before the request goes out; an unknown outcome makes the query due.
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

#include <QRegularExpression>

#include <initializer_list>

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;
using detail::queryRow;
using detail::runStatement;

namespace {

constexpr qint64 maxAmountFen = 1'000'000'000'000;

bool isFinal(QrState state)
{
    return state == QrState::Paid || state == QrState::NotPaid || state == QrState::Closed ||
           state == QrState::Reversed || state == QrState::Refunded;
}

bool allowedTransition(const QString& from, QrState to)
{
    auto is = [&from](const char* state) { return from == QLatin1String(state); };
    auto oneOf = [to](std::initializer_list<QrState> states) {
        for (QrState state : states)
            if (state == to)
                return true;
        return false;
    };
    if (is("created"))
        return oneOf(
            {QrState::UserPaying, QrState::Paid, QrState::NotPaid, QrState::Closed, QrState::Unknown});
    if (is("user_paying"))
        return oneOf({QrState::Paid, QrState::NotPaid, QrState::Closed, QrState::Unknown});
    if (is("unknown"))
        return oneOf({QrState::Paid, QrState::NotPaid, QrState::Closed, QrState::Reversed});
    if (is("paid"))
        return oneOf({QrState::Reversed, QrState::Refunded});
    if (is("not_paid"))
        return oneOf({QrState::Closed});
    return false; // closed, reversed, refunded are final
}

} // namespace

namespace detail {

Result<> setQrState(
    SqliteDatabase& database, qint64 paymentId, QrState to, const QString& channelOrderId, qint64 nowMs)
{
    QString from;
    const Result<bool> found = queryRow(
        database, QStringLiteral("SELECT state FROM qr_payments WHERE id = ?"),
        [&from](const SqliteStatement& row) { from = row.text(0); }, paymentId);
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return fail(ErrorCode::NotFound, LedgerText::tr("The QR payment does not exist."),
                    QStringLiteral("qr payment %1").arg(paymentId));
    if (!allowedTransition(from, to))
        return fail(ErrorCode::ProtocolViolation,
                    LedgerText::tr("This QR payment cannot change to that state any more."),
                    QStringLiteral("qr payment %1: %2 -> %3").arg(paymentId).arg(from, qrStateKey(to)));
    if (const Result<> updated = runStatement(
            database,
            QStringLiteral(
                "UPDATE qr_payments SET state = ?, channel_order_id = coalesce(?, channel_order_id), "
                "updated_ms = ? WHERE id = ?"),
            qrStateKey(to), channelOrderId.isEmpty() ? std::nullopt : std::optional<QString>(channelOrderId),
            nowMs, paymentId);
        !updated)
        return updated;
    // The recovery record: due while the outcome is unknown, no longer needed once it is final. An item in
    // flight is left to its sender, who completes it.
    if (to == QrState::Unknown)
        return runStatement(
            database,
            QStringLiteral("UPDATE outbox SET state = 'pending', next_try_ms = ?, updated_ms = ? "
                           "WHERE qr_payment_id = ? AND state = 'armed'"),
            nowMs, nowMs, paymentId);
    if (isFinal(to))
        return runStatement(database,
                            QStringLiteral("UPDATE outbox SET state = 'cancelled', updated_ms = ? "
                                           "WHERE qr_payment_id = ? AND state IN ('armed', 'pending')"),
                            nowMs, paymentId);
    return {};
}

} // namespace detail

Result<qint64> Ledger::beginQrPayment(const QrIntentInput& intent)
{
    static const QRegularExpression orderNumber(QStringLiteral("^[A-Za-z0-9_-]{6,32}$"));
    if (!orderNumber.match(intent.outTradeNo).hasMatch())
        return invalid(LedgerText::tr("The QR order number is not valid."),
                       QStringLiteral("out_trade_no of %1 characters").arg(intent.outTradeNo.size()));
    if (intent.amount.fen() <= 0 || intent.amount.fen() > maxAmountFen)
        return invalid(LedgerText::tr("The QR payment amount is not valid."),
                       QStringLiteral("amount %1").arg(intent.amount.fen()));
    if (intent.refund != intent.originalPaymentId.has_value())
        return invalid(LedgerText::tr("A QR refund must name the original payment."),
                       QStringLiteral("original payment missing or unexpected"));

    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (intent.originalPaymentId) {
        qint64 refundable = 0;
        QString originalState;
        const Result<bool> found = queryRow(
            *m_database,
            // What is left to refund: the payment minus refunds that went through or may still go through.
            QStringLiteral(
                "SELECT p.amount_fen - coalesce((SELECT sum(r.amount_fen) FROM qr_payments r WHERE "
                "r.original_payment_id = p.id AND r.transaction_type = 'refund' AND r.state IN "
                "('created', 'user_paying', 'paid', 'unknown')), 0), p.state FROM qr_payments p "
                "WHERE p.id = ? AND p.transaction_type = 'pay'"),
            [&](const SqliteStatement& row) {
                refundable = row.int64(0);
                originalState = row.text(1);
            },
            *intent.originalPaymentId);
        if (!found)
            return Failure{found.error()};
        if (!found.value() || originalState != QLatin1String("paid") || intent.amount.fen() > refundable)
            return invalid(
                LedgerText::tr("Only a paid QR payment can be refunded, and never for more than it "
                               "paid minus earlier refunds."),
                QStringLiteral("original qr payment %1 (%2) not refundable for %3")
                    .arg(*intent.originalPaymentId)
                    .arg(originalState)
                    .arg(intent.amount.fen()));
    }
    const Result<bool> used = queryRow(
        *m_database, QStringLiteral("SELECT 1 FROM qr_payments WHERE out_trade_no = ?"),
        [](const SqliteStatement&) {}, intent.outTradeNo);
    if (!used)
        return Failure{used.error()};
    if (used.value())
        return invalid(LedgerText::tr("This QR order number was used before."),
                       QStringLiteral("out_trade_no not unique"));
    if (const Result<> inserted = runStatement(
            *m_database,
            QStringLiteral(
                "INSERT INTO qr_payments (transaction_type, channel, amount_fen, out_trade_no, state, "
                "original_payment_id, created_ms, updated_ms) VALUES (?, ?, ?, ?, 'created', ?, ?, ?)"),
            intent.refund ? QStringLiteral("refund") : QStringLiteral("pay"), qrChannelKey(intent.channel),
            intent.amount.fen(), intent.outTradeNo, intent.originalPaymentId, intent.createdMs,
            intent.createdMs);
        !inserted)
        return Failure{inserted.error()};
    const qint64 paymentId = m_database->lastInsertRowId();
    // A refund is queried, never reversed; a payment may need either, decided when its outcome is unknown.
    if (const Result<> armed = runStatement(
            *m_database,
            QStringLiteral("INSERT INTO outbox (kind, idempotency_key, qr_payment_id, state, next_try_ms, "
                           "created_ms, updated_ms) VALUES ('qr_query', ?, ?, 'armed', ?, ?, ?)"),
            QStringLiteral("qr_query:qr:%1").arg(paymentId), paymentId, intent.createdMs, intent.createdMs,
            intent.createdMs);
        !armed)
        return Failure{armed.error()};
    if (const Result<qint64> audited = audit::append(
            *m_database, {intent.createdMs, std::nullopt, QStringLiteral("qr.intent"), true,
                          QStringLiteral("ledger"), QStringLiteral("qr_payment:%1").arg(paymentId),
                          QStringLiteral("type=%1 channel=%2 amount=%3")
                              .arg(intent.refund ? QStringLiteral("refund") : QStringLiteral("pay"),
                                   qrChannelKey(intent.channel))
                              .arg(intent.amount.fen())});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return paymentId;
}

Result<> Ledger::updateQrPayment(qint64 paymentId, const QrUpdate& update)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    if (const Result<> moved =
            detail::setQrState(*m_database, paymentId, update.state, update.channelOrderId, update.updatedMs);
        !moved)
        return moved;
    if (const Result<qint64> audited =
            audit::append(*m_database, {update.updatedMs, std::nullopt,
                                        QStringLiteral("qr.%1").arg(qrStateKey(update.state)),
                                        update.state != QrState::Unknown, QStringLiteral("ledger"),
                                        QStringLiteral("qr_payment:%1").arg(paymentId), QString()});
        !audited)
        return Failure{audited.error()};
    return transaction.commit();
}

} // namespace storage
} // namespace pos
