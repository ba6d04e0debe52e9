// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Money.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Work the ledger keeps until another party has it: the store-and-forward outbox (reversals, advices, batch
// upload, onboarding submissions, QR queries), settlement batches and the print queue. Plain values that
// cross threads by copy. Times are milliseconds since the Unix epoch (UTC).
namespace pos {

enum class OutboxKind { Reversal, Advice, BatchUpload, OnboardingSubmission, QrQuery, QrReverse };
QString outboxKindKey(OutboxKind kind); // "reversal", "advice", ... (the ledger's column values)
std::optional<OutboxKind> outboxKindFromKey(const QString& key);

struct OutboxRequest
{
    OutboxKind kind = OutboxKind::Advice;
    // Enqueueing the same key twice is a no-op that returns the first item: callers derive it from what the
    // work is about ("batch_upload:12345678:000042:000123"), never from a clock or a counter.
    QString idempotencyKey;
    std::optional<qint64> cardPaymentId;
    std::optional<qint64> qrPaymentId;
    QByteArray payload; // never sensitive authentication data (no track, PIN block, full PAN, keys)
    QString reasonCode;
    qint64 createdMs = 0;
};

struct OutboxItem
{
    qint64 id = 0;
    OutboxKind kind = OutboxKind::Advice;
    QString idempotencyKey;
    std::optional<qint64> cardPaymentId;
    std::optional<qint64> qrPaymentId;
    QByteArray payload;
    QString reasonCode;
    int attempts = 0; // attempts started so far, including the one this claim starts
    qint64 nextTryMs = 0;
    QString lastError;
};

// When failed store-and-forward work is tried again. The engine's immediate retries (reference §9.3: a
// reversal is retried 3 times at once) happen before the item is handed back; this schedule is for what
// stays queued: firstDelayMs after the first failed attempt, doubling each time up to maxDelayMs.
struct RetryPolicy
{
    qint64 firstDelayMs = 30'000;
    qint64 maxDelayMs = 30 * 60'000;
    // Delay before the next attempt after `attempts` failed ones (attempts >= 1). Never overflows.
    qint64 delayAfter(int attempts) const;
};

enum class AttemptVerdict {
    RetryLater, // transient (no answer, connection lost, 96, 68): queued again after the policy's delay
    GiveUp,     // must not be repeated blindly (e.g. 39=94 duplicate): parked as 'failed' for a person
};

// Card totals of one batch as settlement counts them (reference §4.6): debit = approved sales not voided,
// credit = approved refunds. Counts and amounts are positive.
struct SettlementTotals
{
    qint64 debitCount = 0;
    Money debitAmount;
    qint64 creditCount = 0;
    Money creditAmount;

    friend bool operator==(const SettlementTotals&, const SettlementTotals&) = default;
};

struct SettlementBatch
{
    qint64 id = 0;
    QString terminalId;
    int batchNo = 0;
    SettlementTotals local;
};

struct SettlementHostResult
{
    SettlementTotals host;
    bool balanced = false; // the host's verdict (F48 flag 1); an unbalanced batch needs a batch upload
    QString resultCode;    // field 39 of the 0510
    qint64 completedMs = 0;
};

// The trace of one request to the card host: terminal and merchant id, the batch and the STAN it uses.
struct TerminalTrace
{
    QString terminalId;
    QString merchantId;
    int batchNo = 0;
    int stan = 0;
};

// What the engine needs to know of an earlier card payment (to void, refund or reverse it). Masked data only.
struct CardPaymentReference
{
    qint64 paymentId = 0;
    QString transactionType; // "sale", "void", "refund", "activation"
    Money amount;
    TerminalTrace trace;
    qint64 localMs = 0;
    QString hostState; // "sending", "approved", "declined", "reversal_pending", "reversed", "voided", ...
    QString rrn;
    QString authCode;
    QString panMasked;
    QByteArray panHmac; // the keyed hash the payment was recorded with (for a void without the card)
    int panHmacKeyId = 0;
};

// One line of a batch upload (0320): an approved sale not voided, or an approved refund, of the batch.
struct BatchCardRecord
{
    QString transactionType; // "sale" (activation swipes included) or "refund"
    int stan = 0;
    QString panMasked;
    Money amount;
    QString entryMode; // the ledger's entry_mode: "swipe", "chip", "contactless", ...
    QByteArray
        recoveryPayload; // the engine's own payload of this payment (opaque to the ledger); may be empty
};

enum class PrintJobKind { SaleReceipt, CardSlipMerchant, CardSlipCustomer, Report, ActivationSlip };
QString printJobKindKey(PrintJobKind kind);
std::optional<PrintJobKind> printJobKindFromKey(const QString& key);

struct PrintJobInput
{
    PrintJobKind kind = PrintJobKind::SaleReceipt;
    std::optional<qint64> saleId;
    QByteArray document; // the receipt model, masked data only
    qint64 createdMs = 0;
};

struct PrintJob
{
    qint64 id = 0;
    PrintJobKind kind = PrintJobKind::SaleReceipt;
    std::optional<qint64> saleId;
    QByteArray document;
    QString state; // "queued", "printing", "printed", "failed"
    int attempts = 0;
    QString lastError;
    qint64 createdMs = 0;
};

} // namespace pos
