// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/HostQueueTypes.h"
#include "core/ledger/LedgerTypes.h"

#include <QList>

#include <functional>
#include <optional>

class QObject;

namespace pos {

// A recovery item (reversal or refund advice) claimed for sending, with the card payment it recovers.
struct ClaimedRecovery
{
    OutboxItem item;
    CardPaymentReference payment;
};

// What the acquirer engine (acquirer/engine) persists, through the book of record, before and after it talks
// to the card host (acquirer-protocol.md §9.3: intent and reversal record committed before any byte is sent).
// storage/ implements it on the ledger's writer thread; app/ and pos-tool wire it in.
//
// Asynchronous contract, common to every operation: context must not be null; done is invoked exactly once,
// later, in context's thread, never synchronously inside the call, and not at all if context is destroyed
// first. Operations complete in call order. Each operation is one ledger transaction: success means durable.
class CardHostJournal
{
public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    virtual ~CardHostJournal() = default;

    // The intent (state 'sending') with its armed recovery record (payload = intent.recoveryPayload), under
    // the next STAN of the current batch.
    virtual void
    beginCardPayment(const CardIntentInput& intent, QObject* context, Completion<CardIntent> done) = 0;
    // The host's answer (MAC-valid). Cancels the armed recovery record.
    virtual void completeCardPayment(qint64 paymentId,
                                     const CardOutcome& outcome,
                                     QObject* context,
                                     Completion<void> done) = 0;
    // The outcome is unknown or unusable: the recovery record becomes due with reasonCode (F39 of the 0400).
    virtual void markReversalPending(qint64 paymentId,
                                     const QString& reasonCode,
                                     qint64 nowMs,
                                     QObject* context,
                                     Completion<void> done) = 0;
    // The next STAN for a management message (sign-on, echo, settlement, batch upload).
    virtual void allocateStan(qint64 nowMs, QObject* context, Completion<TerminalTrace> done) = 0;
    // count consecutive STANs (1-9999) in one durable step, for a run of messages such as a batch upload.
    virtual void
    allocateStans(int count, qint64 nowMs, QObject* context, Completion<QList<TerminalTrace>> done) = 0;
    virtual void
    cardPaymentReference(qint64 paymentId, QObject* context, Completion<CardPaymentReference> done) = 0;

    // The oldest due reversal or advice, claimed (in flight, attempt counted) before anything is sent.
    virtual void
    claimDueRecovery(qint64 nowMs, QObject* context, Completion<std::optional<ClaimedRecovery>> done) = 0;
    virtual void
    completeRecovery(qint64 itemId, const CardOutcome& answer, QObject* context, Completion<void> done) = 0;
    virtual void failRecovery(qint64 itemId,
                              const QString& error,
                              AttemptVerdict verdict,
                              const RetryPolicy& policy,
                              qint64 nowMs,
                              QObject* context,
                              Completion<void> done) = 0;
    // Reversals still owed to the host (due, in flight or waiting for their next try). While any is, no new
    // financial message and no settlement may go out.
    virtual void pendingReversalCount(QObject* context, Completion<qint64> done) = 0;

    virtual void beginSettlement(qint64 nowMs, QObject* context, Completion<SettlementBatch> done) = 0;
    virtual void completeSettlement(qint64 batchId,
                                    const SettlementHostResult& result,
                                    QObject* context,
                                    Completion<void> done) = 0;
    virtual void batchCardRecords(const QString& terminalId,
                                  int batchNo,
                                  QObject* context,
                                  Completion<QList<BatchCardRecord>> done) = 0;
    virtual void finishBatchUpload(qint64 batchId, qint64 nowMs, QObject* context, Completion<void> done) = 0;
};

} // namespace pos
