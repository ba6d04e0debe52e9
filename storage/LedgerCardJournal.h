// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/ledger/CardHostJournal.h"

namespace pos {
namespace storage {

class LedgerService;

// CardHostJournal on the ledger's writer thread (LedgerService): each call is one Ledger transaction run in
// submission order; completions arrive in the service's thread while their context lives. The service must
// outlive this object and be open before the first call. Thread affinity: the service's thread.
class LedgerCardJournal final : public CardHostJournal
{
public:
    explicit LedgerCardJournal(LedgerService& service) : m_service(service) {}

    void
    beginCardPayment(const CardIntentInput& intent, QObject* context, Completion<CardIntent> done) override;
    void completeCardPayment(qint64 paymentId,
                             const CardOutcome& outcome,
                             QObject* context,
                             Completion<void> done) override;
    void markReversalPending(qint64 paymentId,
                             const QString& reasonCode,
                             qint64 nowMs,
                             QObject* context,
                             Completion<void> done) override;
    void allocateStan(qint64 nowMs, QObject* context, Completion<TerminalTrace> done) override;
    void
    allocateStans(int count, qint64 nowMs, QObject* context, Completion<QList<TerminalTrace>> done) override;
    void
    cardPaymentReference(qint64 paymentId, QObject* context, Completion<CardPaymentReference> done) override;
    void claimDueRecovery(qint64 nowMs,
                          QObject* context,
                          Completion<std::optional<ClaimedRecovery>> done) override;
    void completeRecovery(qint64 itemId,
                          const CardOutcome& answer,
                          QObject* context,
                          Completion<void> done) override;
    void failRecovery(qint64 itemId,
                      const QString& error,
                      AttemptVerdict verdict,
                      const RetryPolicy& policy,
                      qint64 nowMs,
                      QObject* context,
                      Completion<void> done) override;
    void pendingReversalCount(QObject* context, Completion<qint64> done) override;
    void beginSettlement(qint64 nowMs, QObject* context, Completion<SettlementBatch> done) override;
    void completeSettlement(qint64 batchId,
                            const SettlementHostResult& result,
                            QObject* context,
                            Completion<void> done) override;
    void batchCardRecords(const QString& terminalId,
                          int batchNo,
                          QObject* context,
                          Completion<QList<BatchCardRecord>> done) override;
    void finishBatchUpload(qint64 batchId, qint64 nowMs, QObject* context, Completion<void> done) override;

private:
    LedgerService& m_service;
};

} // namespace storage
} // namespace pos
