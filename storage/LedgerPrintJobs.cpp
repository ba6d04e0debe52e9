// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: the print queue. A receipt is queued in its own transaction after the sale it belongs to, so a
// printer problem never blocks or loses a sale; failed jobs stay as the reprint queue.
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

#include <algorithm>

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;
using detail::queryRow;
using detail::runStatement;

namespace {

constexpr qsizetype maxDocumentBytes = 256 * 1024;
constexpr int maxErrorLength = 500;

// Runs an UPDATE of one job that must find it in one of fromStates.
template <typename... Args>
Result<> moveJob(SqliteDatabase& database,
                 qint64 jobId,
                 const QString& fromStates,
                 const QString& sql,
                 const Args&... args)
{
    if (const Result<> ran = runStatement(database, sql, args...); !ran)
        return ran;
    if (database.changes() == 1)
        return {};
    return invalid(LedgerText::tr("This print job is not in a state that allows it."),
                   QStringLiteral("print job %1 is not %2").arg(jobId).arg(fromStates));
}

} // namespace

Result<qint64> Ledger::enqueuePrintJob(const PrintJobInput& job)
{
    if (job.document.isEmpty() || job.document.size() > maxDocumentBytes)
        return invalid(LedgerText::tr("The receipt to print is empty or too large."),
                       QStringLiteral("document of %1 bytes").arg(job.document.size()));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (const Result<> inserted =
            runStatement(*m_database,
                         QStringLiteral("INSERT INTO print_jobs (kind, sale_id, document, state, created_ms) "
                                        "VALUES (?, ?, ?, 'queued', ?)"),
                         printJobKindKey(job.kind), job.saleId, job.document, job.createdMs);
        !inserted)
        return Failure{inserted.error()};
    const qint64 id = m_database->lastInsertRowId();
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return id;
}

Result<QList<PrintJob>> Ledger::pendingPrintJobs(int limit)
{
    // print_jobs_pending covers exactly the states of the queue.
    const Result<SqliteStatement*> select =
        m_database->prepare(QStringLiteral("SELECT id, kind, sale_id, document, state, attempts, "
                                           "coalesce(last_error, ''), created_ms FROM print_jobs "
                                           "WHERE state IN ('queued', 'failed') ORDER BY id LIMIT ?"));
    if (!select)
        return Failure{select.error()};
    select.value()->bind(1, std::max(limit, 0));
    QList<PrintJob> jobs;
    for (;;) {
        const Result<bool> row = select.value()->step();
        if (!row)
            return Failure{row.error()};
        if (!row.value())
            break;
        const SqliteStatement& s = *select.value();
        jobs.append({s.int64(0), printJobKindFromKey(s.text(1)).value_or(PrintJobKind::SaleReceipt),
                     s.optionalInt64(2), s.blob(3), s.text(4), static_cast<int>(s.int64(5)), s.text(6),
                     s.int64(7)});
    }
    select.value()->reset();
    return jobs;
}

Result<> Ledger::startPrintJob(qint64 jobId)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    if (const Result<> moved =
            moveJob(*m_database, jobId, QStringLiteral("queued or failed"),
                    QStringLiteral("UPDATE print_jobs SET state = 'printing', attempts = "
                                   "attempts + 1 WHERE id = ? AND state IN ('queued', 'failed')"),
                    jobId);
        !moved)
        return moved;
    return transaction.commit();
}

Result<> Ledger::finishPrintJob(qint64 jobId, bool printed, const QString& error, qint64 nowMs)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<> moved =
        printed ? moveJob(*m_database, jobId, QStringLiteral("printing"),
                          QStringLiteral(
                              "UPDATE print_jobs SET state = 'printed', printed_ms = ?, last_error = NULL "
                              "WHERE id = ? AND state = 'printing'"),
                          nowMs, jobId)
                : moveJob(*m_database, jobId, QStringLiteral("printing"),
                          QStringLiteral("UPDATE print_jobs SET state = 'failed', last_error = ? "
                                         "WHERE id = ? AND state = 'printing'"),
                          error.left(maxErrorLength), jobId);
    if (!moved)
        return moved;
    return transaction.commit();
}

Result<int> Ledger::recoverInterruptedPrintJobs()
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (const Result<> updated = runStatement(
            *m_database,
            QStringLiteral("UPDATE print_jobs SET state = 'failed', last_error = ? WHERE state = "
                           "'printing'"),
            QStringLiteral("interrupted: the receipt may be incomplete"));
        !updated)
        return Failure{updated.error()};
    const int recovered = m_database->changes();
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return recovered;
}

} // namespace storage
} // namespace pos
