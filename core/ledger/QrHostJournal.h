// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/HostQueueTypes.h"
#include "core/ledger/LedgerTypes.h"

#include <functional>
#include <optional>

class QObject;

namespace pos {

// A QR payment intent before its order number exists: the journal allocates outTradeNo.
struct QrPayIntentInput
{
    QString terminalId; // 1..16 of [0-9A-Za-z]: the order number's prefix
    QrChannel channel = QrChannel::UnionPay;
    Money amount;
    qint64 createdMs = 0; // also gives the order number's local date
};

struct QrPayIntent
{
    qint64 paymentId = 0;
    QString outTradeNo; // terminalId + yyMMdd (local) + 8-digit ledger sequence, at most 30 characters
};

// A recovery item (qr_query or qr_reverse) claimed for sending, with the QR payment it recovers.
struct ClaimedQrRecovery
{
    OutboxItem item;
    QrPaymentReference payment;
};

// What the QR payment flow (acquirer/api/QrPaymentFlow) persists, through the book of record, around its
// calls to the acquirer's JSON API: the intent (order number and its armed query record) before the first
// byte, each answer before the cashier hears it, and the reversal owed when an outcome stays unknown.
// storage/ implements it on the ledger's writer thread (storage/LedgerQrJournal).
//
// Asynchronous contract, as CardHostJournal: context must not be null; done is invoked exactly once, later,
// in context's thread, never synchronously inside the call, and not at all if context is destroyed first.
// Operations complete in call order. Each operation is one ledger transaction: success means durable.
class QrHostJournal
{
public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    virtual ~QrHostJournal() = default;

    // Allocates the order number and commits the payment ('created') with its armed qr_query record.
    virtual void
    beginQrPayment(const QrPayIntentInput& intent, QObject* context, Completion<QrPayIntent> done) = 0;
    // Records what the acquirer said (Ledger::updateQrPayment: illegal transitions are refused).
    virtual void
    updateQrPayment(qint64 paymentId, const QrUpdate& update, QObject* context, Completion<void> done) = 0;
    // The payment's outcome stays unknown and it must be reversed: state 'unknown', its query record
    // cancelled, and a qr_reverse item committed and claimed (in flight, attempt counted) for the caller to
    // send. Only for payments 'created', 'user_paying' or 'unknown'.
    virtual void
    beginQrReverse(qint64 paymentId, qint64 nowMs, QObject* context, Completion<OutboxItem> done) = 0;

    // The oldest due qr_query or qr_reverse item, claimed (in flight, attempt counted) before anything is
    // sent.
    virtual void
    claimDueRecovery(qint64 nowMs, QObject* context, Completion<std::optional<ClaimedQrRecovery>> done) = 0;
    // The acquirer settled the item's payment in finalState (Closed, Reversed, Paid, NotPaid, Refunded).
    virtual void completeRecovery(
        qint64 itemId, QrState finalState, qint64 nowMs, QObject* context, Completion<void> done) = 0;
    virtual void failRecovery(qint64 itemId,
                              const QString& error,
                              AttemptVerdict verdict,
                              const RetryPolicy& policy,
                              qint64 nowMs,
                              QObject* context,
                              Completion<void> done) = 0;
    // QR payments whose outcome is still open at the acquirer ('unknown' with query or reverse work left).
    virtual void pendingRecoveryCount(QObject* context, Completion<qint64> done) = 0;
};

} // namespace pos
