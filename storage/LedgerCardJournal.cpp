// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerCardJournal.h"

#include "storage/LedgerService.h"

namespace pos {
namespace storage {

namespace {

template <typename T>
std::function<void(const Result<T>&)> forward(CardHostJournal::Completion<T> done)
{
    return [done = std::move(done)](const Result<T>& result) {
        if (done)
            done(result);
    };
}

} // namespace

void LedgerCardJournal::beginCardPayment(const CardIntentInput& intent,
                                         QObject* context,
                                         Completion<CardIntent> done)
{
    m_service.run<CardIntent>([intent](Ledger& ledger) { return ledger.beginCardPayment(intent); }, context,
                              forward(std::move(done)));
}

void LedgerCardJournal::completeCardPayment(qint64 paymentId,
                                            const CardOutcome& outcome,
                                            QObject* context,
                                            Completion<void> done)
{
    m_service.run<void>(
        [paymentId, outcome](Ledger& ledger) { return ledger.completeCardPayment(paymentId, outcome); },
        context, forward(std::move(done)));
}

void LedgerCardJournal::markReversalPending(
    qint64 paymentId, const QString& reasonCode, qint64 nowMs, QObject* context, Completion<void> done)
{
    m_service.run<void>(
        [paymentId, reasonCode, nowMs](Ledger& ledger) {
            return ledger.markReversalPending(paymentId, reasonCode, nowMs);
        },
        context, forward(std::move(done)));
}

void LedgerCardJournal::allocateStan(qint64 nowMs, QObject* context, Completion<TerminalTrace> done)
{
    m_service.run<TerminalTrace>([nowMs](Ledger& ledger) { return ledger.allocateStan(nowMs); }, context,
                                 forward(std::move(done)));
}

void LedgerCardJournal::allocateStans(int count,
                                      qint64 nowMs,
                                      QObject* context,
                                      Completion<QList<TerminalTrace>> done)
{
    m_service.run<QList<TerminalTrace>>(
        [count, nowMs](Ledger& ledger) { return ledger.allocateStans(count, nowMs); }, context,
        forward(std::move(done)));
}

void LedgerCardJournal::cardPaymentReference(qint64 paymentId,
                                             QObject* context,
                                             Completion<CardPaymentReference> done)
{
    m_service.run<CardPaymentReference>(
        [paymentId](Ledger& ledger) { return ledger.cardPaymentReference(paymentId); }, context,
        forward(std::move(done)));
}

void LedgerCardJournal::claimDueRecovery(qint64 nowMs,
                                         QObject* context,
                                         Completion<std::optional<ClaimedRecovery>> done)
{
    m_service.run<std::optional<ClaimedRecovery>>(
        [nowMs](Ledger& ledger) -> Result<std::optional<ClaimedRecovery>> {
            const Result<std::optional<OutboxItem>> claimed =
                ledger.claimDueOutbox(nowMs, {OutboxKind::Reversal, OutboxKind::Advice});
            if (!claimed)
                return Failure{claimed.error()};
            if (!claimed.value())
                return std::optional<ClaimedRecovery>();
            const OutboxItem& item = *claimed.value();
            if (!item.cardPaymentId)
                return fail(ErrorCode::Internal, QString(),
                            QStringLiteral("outbox item %1 recovers no card payment").arg(item.id));
            const Result<CardPaymentReference> payment = ledger.cardPaymentReference(*item.cardPaymentId);
            if (!payment)
                return Failure{payment.error()};
            return std::optional<ClaimedRecovery>(ClaimedRecovery{item, payment.value()});
        },
        context, forward(std::move(done)));
}

void LedgerCardJournal::completeRecovery(qint64 itemId,
                                         const CardOutcome& answer,
                                         QObject* context,
                                         Completion<void> done)
{
    m_service.run<void>(
        [itemId, answer](Ledger& ledger) { return ledger.completeCardRecovery(itemId, answer); }, context,
        forward(std::move(done)));
}

void LedgerCardJournal::failRecovery(qint64 itemId,
                                     const QString& error,
                                     AttemptVerdict verdict,
                                     const RetryPolicy& policy,
                                     qint64 nowMs,
                                     QObject* context,
                                     Completion<void> done)
{
    m_service.run<void>(
        [itemId, error, verdict, policy, nowMs](Ledger& ledger) {
            return ledger.failOutboxAttempt(itemId, error, verdict, policy, nowMs);
        },
        context, forward(std::move(done)));
}

void LedgerCardJournal::pendingReversalCount(QObject* context, Completion<qint64> done)
{
    m_service.run<qint64>([](Ledger& ledger) { return ledger.pendingReversalCount(); }, context,
                          forward(std::move(done)));
}

void LedgerCardJournal::beginSettlement(qint64 nowMs, QObject* context, Completion<SettlementBatch> done)
{
    m_service.run<SettlementBatch>([nowMs](Ledger& ledger) { return ledger.beginSettlement(nowMs); }, context,
                                   forward(std::move(done)));
}

void LedgerCardJournal::completeSettlement(qint64 batchId,
                                           const SettlementHostResult& result,
                                           QObject* context,
                                           Completion<void> done)
{
    m_service.run<void>(
        [batchId, result](Ledger& ledger) { return ledger.completeSettlement(batchId, result); }, context,
        forward(std::move(done)));
}

void LedgerCardJournal::batchCardRecords(const QString& terminalId,
                                         int batchNo,
                                         QObject* context,
                                         Completion<QList<BatchCardRecord>> done)
{
    m_service.run<QList<BatchCardRecord>>(
        [terminalId, batchNo](Ledger& ledger) { return ledger.batchCardRecords(terminalId, batchNo); },
        context, forward(std::move(done)));
}

void LedgerCardJournal::finishBatchUpload(qint64 batchId,
                                          qint64 nowMs,
                                          QObject* context,
                                          Completion<void> done)
{
    m_service.run<void>([batchId, nowMs](Ledger& ledger) { return ledger.finishBatchUpload(batchId, nowMs); },
                        context, forward(std::move(done)));
}

} // namespace storage
} // namespace pos
