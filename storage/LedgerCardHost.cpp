// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: what the acquirer engine reads and writes besides the card payments themselves — STANs for
// management messages, references to earlier payments, the batch-upload lines and the host's answers to
// recovery items (reversals and refund advices).
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

Result<TerminalTrace> Ledger::allocateStan(qint64 nowMs)
{
    Result<QList<TerminalTrace>> one = allocateStans(1, nowMs);
    if (!one)
        return Failure{one.error()};
    return one.value().first();
}

Result<QList<TerminalTrace>> Ledger::allocateStans(int count, qint64 nowMs)
{
    if (count < 1 || count > 9999)
        return invalid(LedgerText::tr("The ledger was asked for an impossible number of trace numbers."),
                       QStringLiteral("allocateStans(%1)").arg(count));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    TerminalTrace trace;
    bool identified = false;
    const Result<bool> found = queryRow(
        *m_database,
        QStringLiteral(
            "SELECT terminal_id, merchant_id, batch_no, next_stan FROM terminal_profile WHERE id = 1"),
        [&](const SqliteStatement& row) {
            identified = !row.isNull(0) && !row.isNull(1);
            trace = {row.text(0), row.text(1), static_cast<int>(row.int64(2)),
                     static_cast<int>(row.int64(3))};
        });
    if (!found)
        return Failure{found.error()};
    if (!found.value() || !identified)
        return invalid(
            LedgerText::tr("This terminal has no terminal and merchant id yet: activate it first."),
            QStringLiteral("terminal identity not set"));
    QList<TerminalTrace> traces;
    int from = trace.stan;
    for (int i = 0; i < count; ++i) {
        const Result<int> stan = detail::takeStan(*m_database, trace.terminalId, trace.batchNo, from, nowMs);
        if (!stan)
            return Failure{stan.error()};
        trace.stan = stan.value();
        traces.append(trace);
        from = stan.value() % 999999 + 1;
    }
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return traces;
}

Result<CardPaymentReference> Ledger::cardPaymentReference(qint64 paymentId)
{
    CardPaymentReference reference;
    const Result<bool> found = queryRow(
        *m_database,
        QStringLiteral("SELECT id, transaction_type, amount_fen, terminal_id, merchant_id, batch_no, stan, "
                       "local_ms, host_state, coalesce(rrn, ''), coalesce(auth_code, ''), pan_masked, "
                       "pan_hmac, pan_hmac_key_id FROM card_payments WHERE id = ?"),
        [&reference](const SqliteStatement& row) {
            reference.paymentId = row.int64(0);
            reference.transactionType = row.text(1);
            reference.amount = Money::fromFen(row.int64(2));
            reference.trace = {row.text(3), row.text(4), static_cast<int>(row.int64(5)),
                               static_cast<int>(row.int64(6))};
            reference.localMs = row.int64(7);
            reference.hostState = row.text(8);
            reference.rrn = row.text(9);
            reference.authCode = row.text(10);
            reference.panMasked = row.text(11);
            reference.panHmac = row.blob(12);
            reference.panHmacKeyId = static_cast<int>(row.int64(13));
        },
        paymentId);
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return fail(ErrorCode::NotFound, LedgerText::tr("The card payment does not exist."),
                    QStringLiteral("card payment %1").arg(paymentId));
    return reference;
}

Result<QList<BatchCardRecord>> Ledger::batchCardRecords(const QString& terminalId, int batchNo)
{
    // The same selection as the settlement totals (LedgerSettlement.cpp totalsOf).
    const Result<SqliteStatement*> select = m_database->prepare(QStringLiteral(
        "SELECT CASE WHEN p.transaction_type = 'refund' THEN 'refund' ELSE 'sale' END, p.stan, p.pan_masked, "
        "p.amount_fen, p.entry_mode, (SELECT o.payload FROM outbox o WHERE o.card_payment_id = p.id AND "
        "o.kind IN ('reversal', 'advice') ORDER BY o.id LIMIT 1) FROM card_payments p "
        "WHERE p.terminal_id = ? AND p.batch_no = ? AND ("
        "(p.transaction_type = 'sale' AND p.host_state IN ('approved', 'refunded')) OR "
        "(p.transaction_type = 'refund' AND p.host_state = 'approved')) ORDER BY p.stan"));
    if (!select)
        return Failure{select.error()};
    select.value()->bind(1, terminalId).bind(2, batchNo);
    QList<BatchCardRecord> records;
    for (;;) {
        const Result<bool> row = select.value()->step();
        if (!row) {
            select.value()->reset();
            return Failure{row.error()};
        }
        if (!row.value())
            break;
        const SqliteStatement& s = *select.value();
        records.append({s.text(0), static_cast<int>(s.int64(1)), s.text(2), Money::fromFen(s.int64(3)),
                        s.text(4), s.blob(5)});
    }
    select.value()->reset();
    return records;
}

Result<> Ledger::completeCardRecovery(qint64 itemId, const CardOutcome& answer)
{
    QString kind;
    QString state;
    std::optional<qint64> paymentId;
    const Result<bool> found = queryRow(
        *m_database, QStringLiteral("SELECT kind, state, card_payment_id FROM outbox WHERE id = ?"),
        [&](const SqliteStatement& row) {
            kind = row.text(0);
            state = row.text(1);
            paymentId = row.optionalInt64(2);
        },
        itemId);
    if (!found)
        return Failure{found.error()};
    if (!found.value() || !paymentId || state != QLatin1String("in_flight") ||
        (kind != QLatin1String("reversal") && kind != QLatin1String("advice")))
        return invalid(LedgerText::tr("This queued host work is not being sent."),
                       QStringLiteral("outbox item %1: kind %2 state %3").arg(itemId).arg(kind, state));
    // Any answer completes a reversal: the outbox's own completion moves the payment to 'reversed'.
    if (kind == QLatin1String("reversal"))
        return completeOutbox(itemId, answer.completedMs);

    // An advice (the refund's 0220 sent again) records the host's answer on the refund.
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    if (const Result<> done = runStatement(
            *m_database,
            QStringLiteral(
                "UPDATE outbox SET state = 'done', updated_ms = ? WHERE id = ? AND state = 'in_flight'"),
            answer.completedMs, itemId);
        !done)
        return done;
    if (const Result<> ran = runStatement(
            *m_database,
            QStringLiteral("UPDATE card_payments SET host_state = ?, response_code = ?, rrn = "
                           "coalesce(nullif(?, ''), rrn), auth_code = coalesce(nullif(?, ''), auth_code), "
                           "updated_ms = ? WHERE id = ? AND host_state = 'sending'"),
            answer.approved ? QStringLiteral("approved") : QStringLiteral("declined"), answer.responseCode,
            answer.rrn, answer.authCode, answer.completedMs, *paymentId);
        !ran)
        return ran;
    if (m_database->changes() != 1)
        return fail(
            ErrorCode::Internal,
            LedgerText::tr("The card payment of this host work is not in the expected state."),
            QStringLiteral("outbox %1 (advice): card payment %2 not updatable").arg(itemId).arg(*paymentId));
    if (const Result<qint64> audited = audit::append(
            *m_database, {answer.completedMs, std::nullopt,
                          answer.approved ? QStringLiteral("card.advice_approved")
                                          : QStringLiteral("card.advice_declined"),
                          true, QStringLiteral("ledger"), QStringLiteral("card_payment:%1").arg(*paymentId),
                          QStringLiteral("rc=%1").arg(answer.responseCode)});
        !audited)
        return Failure{audited.error()};
    return transaction.commit();
}

} // namespace storage
} // namespace pos
