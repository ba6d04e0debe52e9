// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: settlement (结算) of the current card batch. The batch closes, the audit chain is anchored at it
// and the terminal moves to the next batch number in one transaction.
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

namespace {

constexpr int maxBatchNo = 999999;

struct CurrentBatch
{
    QString terminalId;
    int batchNo = 0;
};

Result<CurrentBatch> currentBatch(SqliteDatabase& database)
{
    CurrentBatch batch;
    bool identified = false;
    const Result<bool> found =
        queryRow(database, QStringLiteral("SELECT terminal_id, batch_no FROM terminal_profile WHERE id = 1"),
                 [&](const SqliteStatement& row) {
                     identified = !row.isNull(0);
                     batch = {row.text(0), static_cast<int>(row.int64(1))};
                 });
    if (!found)
        return Failure{found.error()};
    if (!found.value() || !identified)
        return invalid(
            LedgerText::tr("This terminal has no terminal and merchant id yet: activate it first."),
            QStringLiteral("terminal identity not set"));
    return batch;
}

Result<SettlementTotals> totalsOf(SqliteDatabase& database, const CurrentBatch& batch)
{
    SettlementTotals totals;
    // Debit: approved sales that were not voided; a later refund is its own credit. First-swipe activations
    // (amount 0) move no money and are not counted.
    const Result<bool> found = queryRow(
        database,
        QStringLiteral(
            "SELECT coalesce(sum(debit), 0), coalesce(sum(debit * amount_fen), 0), coalesce(sum(credit), 0), "
            "coalesce(sum(credit * amount_fen), 0) FROM (SELECT amount_fen, "
            "transaction_type = 'sale' AND host_state IN ('approved', 'refunded') AS debit, "
            "transaction_type = 'refund' AND host_state = 'approved' AS credit "
            "FROM card_payments WHERE terminal_id = ? AND batch_no = ?)"),
        [&totals](const SqliteStatement& row) {
            totals = {row.int64(0), Money::fromFen(row.int64(1)), row.int64(2), Money::fromFen(row.int64(3))};
        },
        batch.terminalId, batch.batchNo);
    if (!found)
        return Failure{found.error()};
    return totals;
}

Result<> requireNoOpenOutcome(SqliteDatabase& database, const CurrentBatch& batch)
{
    qint64 open = 0;
    const Result<bool> counted = queryRow(
        database,
        QStringLiteral(
            "SELECT count(*) FROM card_payments WHERE host_state IN ('sending', 'reversal_pending')"),
        [&open](const SqliteStatement& row) { open = row.int64(0); });
    if (!counted)
        return Failure{counted.error()};
    if (open == 0)
        return {};
    return fail(ErrorCode::InvalidInput,
                LedgerText::tr("A card payment's outcome is still open (a reversal is owed to the acquirer). "
                               "Settle once it has been sent."),
                QStringLiteral("batch %1: %2 open card outcomes").arg(batch.batchNo).arg(open));
}

struct BatchRow
{
    QString terminalId;
    int batchNo = 0;
    QString state;
    SettlementTotals local;
};

Result<BatchRow> loadBatch(SqliteDatabase& database, qint64 batchId)
{
    BatchRow batch;
    const Result<bool> found = queryRow(
        database,
        QStringLiteral("SELECT terminal_id, batch_no, state, local_debit_count, local_debit_fen, "
                       "local_credit_count, local_credit_fen FROM settlement_batches WHERE id = ?"),
        [&batch](const SqliteStatement& row) {
            batch = {
                row.text(0),
                static_cast<int>(row.int64(1)),
                row.text(2),
                {row.int64(3), Money::fromFen(row.int64(4)), row.int64(5), Money::fromFen(row.int64(6))}};
        },
        batchId);
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return fail(ErrorCode::NotFound, LedgerText::tr("The settlement batch does not exist."),
                    QStringLiteral("settlement batch %1").arg(batchId));
    return batch;
}

QString describe(const SettlementTotals& totals)
{
    return QStringLiteral("debit=%1/%2 credit=%3/%4")
        .arg(totals.debitCount)
        .arg(totals.debitAmount.fen())
        .arg(totals.creditCount)
        .arg(totals.creditAmount.fen());
}

// Closes the batch, moves the terminal to the next batch number and anchors the audit chain at the batch.
Result<> closeBatch(SqliteDatabase& database, qint64 batchId, const BatchRow& batch, qint64 nowMs)
{
    if (const Result<> closed = runStatement(
            database,
            QStringLiteral("UPDATE settlement_batches SET state = 'closed', closed_ms = ? WHERE id = ?"),
            nowMs, batchId);
        !closed)
        return closed;
    if (const Result<> next = runStatement(
            database,
            QStringLiteral(
                "UPDATE terminal_profile SET batch_no = ?, updated_ms = ? WHERE id = 1 AND batch_no = ?"),
            batch.batchNo % maxBatchNo + 1, nowMs, batch.batchNo);
        !next)
        return next;
    if (database.changes() != 1)
        return fail(ErrorCode::Internal, LedgerText::tr("The settlement could not be closed."),
                    QStringLiteral("terminal is no longer on batch %1").arg(batch.batchNo));
    if (const Result<qint64> audited = audit::append(
            database, {nowMs, std::nullopt, QStringLiteral("settlement.closed"), true,
                       QStringLiteral("ledger"), QStringLiteral("settlement_batch:%1").arg(batchId),
                       QStringLiteral("batch=%1 %2").arg(batch.batchNo).arg(describe(batch.local))});
        !audited)
        return Failure{audited.error()};
    if (const Result<qint64> anchored = audit::anchor(database, batchId, nowMs); !anchored)
        return Failure{anchored.error()};
    return {};
}

} // namespace

Result<SettlementTotals> Ledger::currentBatchTotals()
{
    const Result<CurrentBatch> batch = currentBatch(*m_database);
    if (!batch)
        return Failure{batch.error()};
    return totalsOf(*m_database, batch.value());
}

Result<SettlementBatch> Ledger::beginSettlement(qint64 nowMs)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    const Result<CurrentBatch> batch = currentBatch(*m_database);
    if (!batch)
        return Failure{batch.error()};
    if (const Result<> settled = requireNoOpenOutcome(*m_database, batch.value()); !settled)
        return Failure{settled.error()};
    const Result<SettlementTotals> totals = totalsOf(*m_database, batch.value());
    if (!totals)
        return Failure{totals.error()};
    const SettlementTotals& local = totals.value();
    // A settlement interrupted before the host answered is simply begun again (same row, fresh totals).
    if (const Result<> upserted = runStatement(
            *m_database,
            QStringLiteral(
                "INSERT INTO settlement_batches (terminal_id, batch_no, state, opened_ms, local_debit_count, "
                "local_debit_fen, local_credit_count, local_credit_fen) VALUES (?, ?, 'settling', ?, ?, ?, "
                "?, ?) "
                "ON CONFLICT (terminal_id, batch_no) DO UPDATE SET local_debit_count = "
                "excluded.local_debit_count, "
                "local_debit_fen = excluded.local_debit_fen, local_credit_count = "
                "excluded.local_credit_count, "
                "local_credit_fen = excluded.local_credit_fen WHERE state = 'settling'"),
            batch.value().terminalId, batch.value().batchNo, nowMs, local.debitCount, local.debitAmount.fen(),
            local.creditCount, local.creditAmount.fen());
        !upserted)
        return Failure{upserted.error()};
    qint64 batchId = 0;
    QString state;
    const Result<bool> found = queryRow(
        *m_database,
        QStringLiteral("SELECT id, state FROM settlement_batches WHERE terminal_id = ? AND batch_no = ?"),
        [&](const SqliteStatement& row) {
            batchId = row.int64(0);
            state = row.text(1);
        },
        batch.value().terminalId, batch.value().batchNo);
    if (!found)
        return Failure{found.error()};
    if (state != QLatin1String("settling"))
        return invalid(LedgerText::tr("This batch is already being uploaded to the acquirer."),
                       QStringLiteral("batch %1 is %2").arg(batch.value().batchNo).arg(state));
    if (const Result<qint64> audited = audit::append(
            *m_database, {nowMs, std::nullopt, QStringLiteral("settlement.started"), true,
                          QStringLiteral("ledger"), QStringLiteral("settlement_batch:%1").arg(batchId),
                          QStringLiteral("batch=%1 %2").arg(batch.value().batchNo).arg(describe(local))});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return SettlementBatch{batchId, batch.value().terminalId, batch.value().batchNo, local};
}

Result<> Ledger::completeSettlement(qint64 batchId, const SettlementHostResult& result)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<BatchRow> batch = loadBatch(*m_database, batchId);
    if (!batch)
        return Failure{batch.error()};
    if (batch.value().state != QLatin1String("settling"))
        return invalid(LedgerText::tr("This batch is not waiting for the acquirer's settlement answer."),
                       QStringLiteral("batch %1 is %2").arg(batchId).arg(batch.value().state));
    const SettlementTotals& host = result.host;
    if (const Result<> recorded = runStatement(
            *m_database,
            QStringLiteral(
                "UPDATE settlement_batches SET state = ?, host_debit_count = ?, host_debit_fen = ?, "
                "host_credit_count = ?, host_credit_fen = ?, result_code = ? WHERE id = ?"),
            result.balanced ? QStringLiteral("balanced") : QStringLiteral("uploading"), host.debitCount,
            host.debitAmount.fen(), host.creditCount, host.creditAmount.fen(), result.resultCode, batchId);
        !recorded)
        return recorded;
    if (const Result<qint64> audited = audit::append(
            *m_database, {result.completedMs, std::nullopt, QStringLiteral("settlement.answered"), true,
                          QStringLiteral("ledger"), QStringLiteral("settlement_batch:%1").arg(batchId),
                          QStringLiteral("balanced=%1 rc=%2 host %3")
                              .arg(result.balanced ? 1 : 0)
                              .arg(result.resultCode, describe(host))});
        !audited)
        return Failure{audited.error()};
    if (result.balanced) {
        if (const Result<> closed = closeBatch(*m_database, batchId, batch.value(), result.completedMs);
            !closed)
            return closed;
    }
    return transaction.commit();
}

Result<> Ledger::finishBatchUpload(qint64 batchId, qint64 nowMs)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<BatchRow> batch = loadBatch(*m_database, batchId);
    if (!batch)
        return Failure{batch.error()};
    if (batch.value().state != QLatin1String("uploading"))
        return invalid(LedgerText::tr("This batch is not being uploaded."),
                       QStringLiteral("batch %1 is %2").arg(batchId).arg(batch.value().state));
    if (const Result<> closed = closeBatch(*m_database, batchId, batch.value(), nowMs); !closed)
        return closed;
    return transaction.commit();
}

} // namespace storage
} // namespace pos
