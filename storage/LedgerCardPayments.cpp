// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: card payments and their recovery records ("intent before send", reference §9.3 and
// reliability-security.md §3.2). A sale, void or activation (amount 0, never in totals) gets an armed
// reversal; a refund (0220, which the host never reverses) gets an armed advice for store-and-forward
// instead.
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

#include <QRegularExpression>

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;

namespace {

constexpr int maxStan = 999999;
constexpr qint64 maxCardsPerBatch = 999; // F48 counts are n3

QString recoveryKind(CardTransactionType type)
{
    return type == CardTransactionType::Refund ? QStringLiteral("advice") : QStringLiteral("reversal");
}

Result<> validateIntent(const CardIntentInput& intent)
{
    // Masked PAN only: 6 digits, stars, 4 digits. A full card number is refused before it can reach the disk.
    static const QRegularExpression masked(QStringLiteral("^[0-9]{6}\\*{2,9}[0-9]{4}$"));
    if (!masked.match(intent.panMasked).hasMatch())
        return invalid(LedgerText::tr("The card number must be masked (first 6 and last 4 digits)."),
                       QStringLiteral("pan_masked has %1 characters and is not 6+4 masked")
                           .arg(intent.panMasked.size()));
    if (intent.panHmac.size() != 32)
        return invalid(LedgerText::tr("The card reference is not valid."), QStringLiteral("pan_hmac length"));
    // A first-swipe activation moves no money: amount 0, and only it.
    const bool activation = intent.type == CardTransactionType::Activation;
    if (activation ? intent.amount.fen() != 0
                   : (intent.amount.fen() <= 0 || intent.amount.fen() > 1'000'000'000'000))
        return invalid(LedgerText::tr("The card amount is not valid."),
                       QStringLiteral("amount %1").arg(intent.amount.fen()));
    static const QStringList entryModes = {QStringLiteral("swipe"), QStringLiteral("chip"),
                                           QStringLiteral("contactless"), QStringLiteral("fallback"),
                                           QStringLiteral("manual")};
    if (!entryModes.contains(intent.entryMode))
        return invalid(LedgerText::tr("The card entry mode is not valid."), QStringLiteral("entry mode"));
    const bool needsOriginal =
        intent.type == CardTransactionType::Void || intent.type == CardTransactionType::Refund;
    if (needsOriginal != intent.originalPaymentId.has_value())
        return invalid(LedgerText::tr("A void or refund must name the original payment."),
                       QStringLiteral("original payment missing or unexpected"));
    return {};
}

struct PaymentState
{
    QString hostState;
    QString transactionType;
    std::optional<qint64> originalPaymentId;
    int stan = 0;
    int batchNo = 0;
};

Result<PaymentState> loadPayment(SqliteDatabase& database, qint64 paymentId)
{
    const Result<SqliteStatement*> select =
        database.prepare(QStringLiteral("SELECT host_state, transaction_type, original_payment_id, stan, "
                                        "batch_no FROM card_payments WHERE id = ?"));
    if (!select)
        return Failure{select.error()};
    select.value()->bind(1, paymentId);
    const Result<bool> row = select.value()->step();
    if (!row)
        return Failure{row.error()};
    if (!row.value())
        return fail(ErrorCode::NotFound, LedgerText::tr("The card payment does not exist."),
                    QStringLiteral("card payment %1").arg(paymentId));
    const SqliteStatement& s = *select.value();
    PaymentState state{s.text(0), s.text(1), s.optionalInt64(2), static_cast<int>(s.int64(3)),
                       static_cast<int>(s.int64(4))};
    select.value()->reset();
    return state;
}

Result<> setRecoveryState(SqliteDatabase& database,
                          qint64 paymentId,
                          const QString& from,
                          const QString& to,
                          const QString& reasonCode,
                          qint64 nowMs)
{
    const Result<SqliteStatement*> update =
        database.prepare(QStringLiteral("UPDATE outbox SET state = ?, reason_code = coalesce(?, "
                                        "reason_code), next_try_ms = ?, updated_ms = ? "
                                        "WHERE card_payment_id = ? AND state = ?"));
    if (!update)
        return Failure{update.error()};
    update.value()
        ->bind(1, to)
        .bind(2, reasonCode.isEmpty() ? std::nullopt : std::optional<QString>(reasonCode))
        .bind(3, nowMs)
        .bind(4, nowMs)
        .bind(5, paymentId)
        .bind(6, from);
    return update.value()->run();
}

} // namespace

Result<int>
detail::takeStan(SqliteDatabase& database, const QString& terminalId, int batchNo, int from, qint64 nowMs)
{
    // The STAN wraps 999999 -> 1 but is never reused within a batch: skip numbers this batch already used.
    int stan = from < 1 || from > maxStan ? 1 : from;
    const Result<SqliteStatement*> used = database.prepare(QStringLiteral(
        "SELECT count(*) FROM card_payments WHERE terminal_id = ? AND batch_no = ? AND stan = ?"));
    if (!used)
        return Failure{used.error()};
    for (int tries = 0;; ++tries) {
        if (tries >= maxStan)
            return invalid(LedgerText::tr("This batch has used every trace number. Settle the batch first."),
                           QStringLiteral("batch %1 exhausted").arg(batchNo));
        used.value()->reset();
        used.value()->bind(1, terminalId).bind(2, batchNo).bind(3, stan);
        const Result<bool> row = used.value()->step();
        if (!row)
            return Failure{row.error()};
        if (used.value()->int64(0) == 0)
            break;
        stan = stan % maxStan + 1;
    }
    used.value()->reset();
    if (const Result<> advanced = detail::runStatement(
            database,
            QStringLiteral("UPDATE terminal_profile SET next_stan = ?, updated_ms = ? WHERE id = 1"),
            stan % maxStan + 1, nowMs);
        !advanced)
        return Failure{advanced.error()};
    return stan;
}

Result<CardIntent> Ledger::beginCardPayment(const CardIntentInput& intent)
{
    if (const Result<> valid = validateIntent(intent); !valid)
        return Failure{valid.error()};
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};

    const Result<SqliteStatement*> profile = m_database->prepare(QStringLiteral(
        "SELECT terminal_id, merchant_id, batch_no, next_stan FROM terminal_profile WHERE id = 1"));
    if (!profile)
        return Failure{profile.error()};
    const Result<bool> hasProfile = profile.value()->step();
    if (!hasProfile)
        return Failure{hasProfile.error()};
    if (!hasProfile.value() || profile.value()->isNull(0) || profile.value()->isNull(1)) {
        profile.value()->reset();
        return invalid(
            LedgerText::tr("This terminal has no terminal and merchant id yet: activate it first."),
            QStringLiteral("terminal identity not set"));
    }
    CardIntent result{0,
                      profile.value()->text(0),
                      profile.value()->text(1),
                      static_cast<int>(profile.value()->int64(2)),
                      static_cast<int>(profile.value()->int64(3)),
                      intent.createdMs};
    profile.value()->reset();
    if (const Result<bool> settling = detail::queryRow(
            *m_database,
            QStringLiteral(
                "SELECT 1 FROM settlement_batches WHERE terminal_id = ? AND batch_no = ? AND state IN "
                "('settling', 'balanced', 'uploading')"),
            [](const SqliteStatement&) {}, result.terminalId, result.batchNo);
        !settling)
        return Failure{settling.error()};
    else if (settling.value())
        return invalid(LedgerText::tr("The batch is being settled. Card payments can start again when it is "
                                      "closed."),
                       QStringLiteral("batch %1 is settling").arg(result.batchNo));

    // Settlement counts debits and credits in three digits (F48, acquirer-protocol.md §4.6): a batch holds at
    // most 999 of each, counting every one that is or may still become charged.
    if (intent.type == CardTransactionType::Sale || intent.type == CardTransactionType::Refund) {
        const bool credit = intent.type == CardTransactionType::Refund;
        qint64 inBatch = 0;
        const Result<bool> counted = detail::queryRow(
            *m_database,
            QStringLiteral("SELECT count(*) FROM card_payments WHERE terminal_id = ? AND batch_no = ? AND "
                           "transaction_type %1 AND host_state NOT IN ('declined', 'reversed')")
                .arg(credit ? QStringLiteral("= 'refund'") : QStringLiteral("= 'sale'")),
            [&inBatch](const SqliteStatement& row) { inBatch = row.int64(0); }, result.terminalId,
            result.batchNo);
        if (!counted)
            return Failure{counted.error()};
        if (inBatch >= maxCardsPerBatch)
            return invalid(
                credit ? LedgerText::tr("This batch holds 999 card refunds already: settle it before "
                                        "the next card refund.")
                       : LedgerText::tr("This batch holds 999 card sales already: settle it before the "
                                        "next card sale."),
                QStringLiteral("batch %1 full").arg(result.batchNo));
    }

    const Result<int> stan =
        detail::takeStan(*m_database, result.terminalId, result.batchNo, result.stan, intent.createdMs);
    if (!stan)
        return Failure{stan.error()};
    result.stan = stan.value();

    const Result<SqliteStatement*> insert = m_database->prepare(QStringLiteral(
        "INSERT INTO card_payments (transaction_type, amount_fen, pan_masked, pan_hmac, pan_hmac_key_id, "
        "card_organisation, entry_mode, terminal_id, merchant_id, batch_no, stan, local_ms, host_state, "
        "original_payment_id, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()
        ->bind(1, cardTransactionTypeKey(intent.type))
        .bind(2, intent.amount.fen())
        .bind(3, intent.panMasked)
        .bind(4, intent.panHmac)
        .bind(5, intent.panHmacKeyId)
        .bind(6, intent.cardOrganisation)
        .bind(7, intent.entryMode)
        .bind(8, result.terminalId)
        .bind(9, result.merchantId)
        .bind(10, result.batchNo)
        .bind(11, result.stan)
        .bind(12, intent.createdMs)
        .bind(13, intent.originalPaymentId)
        .bind(14, intent.createdMs);
    if (const Result<> ran = insert.value()->run(); !ran)
        return Failure{ran.error()};
    result.paymentId = m_database->lastInsertRowId();

    const Result<SqliteStatement*> recovery =
        m_database->prepare(QStringLiteral("INSERT INTO outbox (kind, idempotency_key, card_payment_id, "
                                           "payload, state, next_try_ms, created_ms, updated_ms) "
                                           "VALUES (?, ?, ?, ?, 'armed', ?, ?, ?)"));
    if (!recovery)
        return Failure{recovery.error()};
    const QString kind = recoveryKind(intent.type);
    recovery.value()
        ->bind(1, kind)
        .bind(2, QStringLiteral("%1:card:%2").arg(kind).arg(result.paymentId))
        .bind(3, result.paymentId)
        .bind(4, intent.recoveryPayload)
        .bind(5, intent.createdMs)
        .bind(6, intent.createdMs)
        .bind(7, intent.createdMs);
    if (const Result<> ran = recovery.value()->run(); !ran)
        return Failure{ran.error()};

    if (const Result<qint64> audited = audit::append(
            *m_database, {intent.createdMs, std::nullopt, QStringLiteral("card.intent"), true,
                          QStringLiteral("ledger"), QStringLiteral("card_payment:%1").arg(result.paymentId),
                          QStringLiteral("type=%1 amount=%2 batch=%3 stan=%4")
                              .arg(cardTransactionTypeKey(intent.type))
                              .arg(intent.amount.fen())
                              .arg(result.batchNo)
                              .arg(result.stan)});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return result;
}

Result<> Ledger::completeCardPayment(qint64 paymentId, const CardOutcome& outcome)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<PaymentState> state = loadPayment(*m_database, paymentId);
    if (!state)
        return Failure{state.error()};
    if (state.value().hostState != QLatin1String("sending"))
        return fail(
            ErrorCode::ProtocolViolation,
            LedgerText::tr("The answer for this card payment came too late; it is being reversed."),
            QStringLiteral("payment %1 is %2, not sending").arg(paymentId).arg(state.value().hostState));
    const Result<SqliteStatement*> update =
        m_database->prepare(QStringLiteral("UPDATE card_payments SET host_state = ?, response_code = ?, rrn "
                                           "= ?, auth_code = ?, pin_verified = ?, "
                                           "updated_ms = ? WHERE id = ?"));
    if (!update)
        return Failure{update.error()};
    update.value()
        ->bind(1, outcome.approved ? QStringLiteral("approved") : QStringLiteral("declined"))
        .bind(2, outcome.responseCode)
        .bind(3, outcome.rrn.isEmpty() ? std::nullopt : std::optional<QString>(outcome.rrn))
        .bind(4, outcome.authCode.isEmpty() ? std::nullopt : std::optional<QString>(outcome.authCode))
        .bind(5, outcome.pinVerified ? 1 : 0)
        .bind(6, outcome.completedMs)
        .bind(7, paymentId);
    if (const Result<> ran = update.value()->run(); !ran)
        return ran;
    if (const Result<> cancelled = setRecoveryState(*m_database, paymentId, QStringLiteral("armed"),
                                                    QStringLiteral("cancelled"), {}, outcome.completedMs);
        !cancelled)
        return cancelled;
    if (outcome.approved && state.value().transactionType == QLatin1String("void") &&
        state.value().originalPaymentId) {
        const Result<SqliteStatement*> voided =
            m_database->prepare(QStringLiteral("UPDATE card_payments SET host_state = 'voided', updated_ms = "
                                               "? WHERE id = ? AND host_state = 'approved'"));
        if (!voided)
            return Failure{voided.error()};
        voided.value()->bind(1, outcome.completedMs).bind(2, *state.value().originalPaymentId);
        if (const Result<> ran = voided.value()->run(); !ran)
            return ran;
    }
    if (const Result<qint64> audited = audit::append(
            *m_database,
            {outcome.completedMs, std::nullopt,
             outcome.approved ? QStringLiteral("card.approved") : QStringLiteral("card.declined"),
             outcome.approved, QStringLiteral("ledger"), QStringLiteral("card_payment:%1").arg(paymentId),
             QStringLiteral("rc=%1 stan=%2").arg(outcome.responseCode).arg(state.value().stan)});
        !audited)
        return Failure{audited.error()};
    return transaction.commit();
}

Result<> Ledger::markReversalPending(qint64 paymentId, const QString& reasonCode, qint64 nowMs)
{
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<PaymentState> state = loadPayment(*m_database, paymentId);
    if (!state)
        return Failure{state.error()};
    const QString& host = state.value().hostState;
    if (host != QLatin1String("sending") && host != QLatin1String("approved"))
        return fail(ErrorCode::ProtocolViolation, LedgerText::tr("This card payment cannot be reversed."),
                    QStringLiteral("payment %1 is %2").arg(paymentId).arg(host));
    const bool refund = state.value().transactionType == QLatin1String("refund");
    if (!refund) {
        const Result<SqliteStatement*> update =
            m_database->prepare(QStringLiteral("UPDATE card_payments SET host_state = 'reversal_pending', "
                                               "response_code = coalesce(response_code, ?), "
                                               "updated_ms = ? WHERE id = ?"));
        if (!update)
            return Failure{update.error()};
        update.value()->bind(1, reasonCode).bind(2, nowMs).bind(3, paymentId);
        if (const Result<> ran = update.value()->run(); !ran)
            return ran;
    }
    // An approval rejected afterwards (bad MAC) had its armed record cancelled: make a fresh one due.
    const Result<SqliteStatement*> due = m_database->prepare(QStringLiteral(
        "UPDATE outbox SET state = 'pending', reason_code = ?, next_try_ms = ?, updated_ms = ? "
        "WHERE card_payment_id = ? AND state IN ('armed', 'cancelled')"));
    if (!due)
        return Failure{due.error()};
    due.value()->bind(1, reasonCode).bind(2, nowMs).bind(3, nowMs).bind(4, paymentId);
    if (const Result<> ran = due.value()->run(); !ran)
        return ran;
    if (m_database->changes() != 1)
        return fail(ErrorCode::Internal,
                    LedgerText::tr("The reversal record of this card payment is missing."),
                    QStringLiteral("no armed recovery row for payment %1").arg(paymentId));
    if (const Result<qint64> audited = audit::append(
            *m_database, {nowMs, std::nullopt,
                          refund ? QStringLiteral("card.advice_due") : QStringLiteral("card.reversal_due"),
                          true, QStringLiteral("ledger"), QStringLiteral("card_payment:%1").arg(paymentId),
                          QStringLiteral("reason=%1 stan=%2").arg(reasonCode).arg(state.value().stan)});
        !audited)
        return Failure{audited.error()};
    return transaction.commit();
}

Result<int> Ledger::recoverInterruptedPayments(qint64 nowMs)
{
    QList<qint64> interrupted;
    {
        // Only intents whose recovery record is still armed: a refund whose advice is already due stays
        // 'sending' until the advice is delivered, and must not be made due twice.
        const Result<SqliteStatement*> select = m_database->prepare(
            QStringLiteral("SELECT p.id FROM card_payments p WHERE p.host_state = 'sending' AND EXISTS "
                           "(SELECT 1 FROM outbox o "
                           "WHERE o.card_payment_id = p.id AND o.state = 'armed') ORDER BY p.id"));
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
        // 98: no answer from the host in time (the process ended before one was committed).
        if (const Result<> due = markReversalPending(paymentId, QStringLiteral("98"), nowMs); !due)
            return Failure{due.error()};
    }
    return static_cast<int>(interrupted.size());
}

} // namespace storage
} // namespace pos
