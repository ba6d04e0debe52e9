// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerPrintQueue.h"

#include "storage/LedgerService.h"

namespace pos {
namespace storage {

void LedgerPrintQueue::enqueue(const PrintJobInput& job, QObject* context, Completion<qint64> done)
{
    m_service.run<qint64>([job](Ledger& ledger) { return ledger.enqueuePrintJob(job); }, context,
                          [done](const Result<qint64>& result) { done(result); });
}

void LedgerPrintQueue::pending(int limit, QObject* context, Completion<QList<PrintJob>> done)
{
    m_service.run<QList<PrintJob>>([limit](Ledger& ledger) { return ledger.pendingPrintJobs(limit); },
                                   context, [done](const Result<QList<PrintJob>>& result) { done(result); });
}

void LedgerPrintQueue::start(qint64 jobId, QObject* context, Completion<void> done)
{
    m_service.run<void>([jobId](Ledger& ledger) { return ledger.startPrintJob(jobId); }, context,
                        [done](const Result<>& result) { done(result); });
}

void LedgerPrintQueue::finish(
    qint64 jobId, bool printed, const QString& error, qint64 nowMs, QObject* context, Completion<void> done)
{
    m_service.run<void>([jobId, printed, error, nowMs](
                            Ledger& ledger) { return ledger.finishPrintJob(jobId, printed, error, nowMs); },
                        context, [done](const Result<>& result) { done(result); });
}

void LedgerPrintQueue::recoverInterrupted(QObject* context, Completion<int> done)
{
    m_service.run<int>([](Ledger& ledger) { return ledger.recoverInterruptedPrintJobs(); }, context,
                       [done](const Result<int>& result) { done(result); });
}

} // namespace storage
} // namespace pos
