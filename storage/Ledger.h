// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/HostQueueTypes.h"
#include "core/ledger/LedgerTypes.h"
#include "core/ledger/TerminalActivationStore.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace pos {
namespace storage {

// The ledger's business events on one write connection, synchronously. Each public write is one
// transaction: it either commits completely (durable when the call returns success: WAL + synchronous=FULL)
// or leaves nothing behind. Thread affinity: the thread that opened it (the ledger's writer thread in the
// app; the calling thread in pos-tool and tests). Inputs are validated; bad input is refused with
// ErrorCode::InvalidInput and a translated message, and nothing is written.
class Ledger final
{
public:
    enum class Creation { MustExist, CreateIfMissing };

    // Opens (and with CreateIfMissing creates) the ledger at path, applies the durability settings and brings
    // the schema to the newest version. A damaged or foreign file is refused (ErrorCode::StorageCorrupt) and
    // never replaced.
    static Result<std::unique_ptr<Ledger>> open(const QString& path, Creation creation);

    explicit Ledger(std::unique_ptr<SqliteDatabase> database);
    SqliteDatabase& database() { return *m_database; }

    Result<qint64> addUser(const NewUser& user, qint64 nowMs);
    Result<qint64> addProduct(const NewProduct& product, qint64 nowMs);
    Result<> addBarcode(const QString& barcode, qint64 productId);
    Result<qint64> openShift(qint64 cashierId, Money openingFloat, qint64 nowMs);
    // Cash put in or taken out of the drawer during an open shift, or a drawer opening without a sale
    // (kind NoSale, amount zero). Amounts are positive; approvedBy is the supervisor who allowed it, if any.
    Result<qint64> recordCashMovement(qint64 shiftId,
                                      CashMovementKind kind,
                                      Money amount,
                                      const QString& reason,
                                      qint64 userId,
                                      std::optional<qint64> approvedBy,
                                      qint64 nowMs);
    // Closes an open shift with the counted cash; stores the expected cash (float + net cash tenders + cash
    // in − cash out) and gives the shift the next Z report number, which is returned.
    Result<qint64> closeShift(qint64 shiftId, Money countedCash, qint64 nowMs);
    Result<> setTerminalIdentity(const QString& terminalId, const QString& merchantId, qint64 nowMs);

    // A completed sale: header, lines, tenders, stock, report summaries and an audit row in one transaction.
    // Tenders must add up to the total exactly; card tenders must reference an approved, unused card payment.
    Result<RecordedSale> recordSale(const SaleInput& sale);
    // What recordRefund would pay back for these lines (read-only), to show the cashier before tendering.
    Result<Money> quoteRefund(const RefundInput& refund);
    // A refund against a completed sale, never more (per line) than what was sold minus earlier refunds.
    Result<RecordedSale> recordRefund(const RefundInput& refund);

    // Intent before send: allocates the next STAN of the current batch and commits the card payment in state
    // 'sending' together with its armed reversal record, before any byte goes to the host.
    Result<CardIntent> beginCardPayment(const CardIntentInput& intent);
    // The host answered: approved or declined. The armed reversal is cancelled in the same transaction.
    Result<> completeCardPayment(qint64 paymentId, const CardOutcome& outcome);
    // The outcome is unknown (timeout, bad MAC, lost connection): the reversal becomes due.
    Result<> markReversalPending(qint64 paymentId, const QString& reasonCode, qint64 nowMs);
    // At start-up: every payment still 'sending' (the process died mid-exchange) gets its reversal due.
    // Returns how many were found.
    Result<int> recoverInterruptedPayments(qint64 nowMs);

    // Card host support (storage/LedgerCardHost.cpp). allocateStan takes the next STAN for a request that is
    // not a card payment (sign-on, echo, settlement, batch upload), durably, in the current batch.
    Result<TerminalTrace> allocateStan(qint64 nowMs);
    // count (1-9999) such STANs in one transaction, in sending order.
    Result<QList<TerminalTrace>> allocateStans(int count, qint64 nowMs);
    Result<CardPaymentReference> cardPaymentReference(qint64 paymentId);
    // The batch's approved sales (not voided or reversed) and approved refunds, by STAN.
    Result<QList<BatchCardRecord>> batchCardRecords(const QString& terminalId, int batchNo);
    // The host answered a recovery item (in flight) of a card payment: a reversal completes ('reversed')
    // whatever its F39; an advice (refund 0220 sent again) records the host's answer on the refund
    // (approved or declined). The item is done in the same transaction.
    Result<> completeCardRecovery(qint64 itemId, const CardOutcome& answer);

    // Voids a completed sale of today in its open shift (see VoidInput): it stays in the ledger, marked
    // voided, and leaves the stock, the shift's cash and every report total in the same transaction.
    Result<> voidSale(const VoidInput& input);

    // QR payments: the intent (state 'created', with an armed 'qr_query' recovery record) is committed before
    // the request goes out; updateQrPayment records what the acquirer said. Unknown makes the recovery due;
    // a final state cancels or completes it. Illegal transitions (e.g. paid -> not_paid) are refused.
    Result<qint64> beginQrPayment(const QrIntentInput& intent);
    Result<> updateQrPayment(qint64 paymentId, const QrUpdate& update);

    // QR recovery (storage/LedgerQrRecovery.cpp). nextQrOrderSequence: the sequence part of the next order
    // number (the next qr_payments id; the order number's uniqueness is still checked by beginQrPayment).
    Result<qint64> nextQrOrderSequence();
    Result<QrPaymentReference> qrPaymentReference(qint64 paymentId);
    // A pay whose outcome stays unknown must be reversed: state 'unknown', its query record cancelled, and a
    // 'qr_reverse' item committed and claimed (in flight, attempt counted) for the caller to send; completed
    // and failed like any outbox item. Refused for refunds and for payments not created/user_paying/unknown,
    // and (StorageBusy) while the same reversal is already in flight.
    Result<OutboxItem> beginQrReverse(qint64 paymentId, qint64 nowMs);
    // At start-up: QR payments a dead process left 'created' or 'user_paying' become 'unknown' (their query
    // is due now) and QR outbox work left in flight is due again. Returns how many payments were found.
    Result<int> recoverInterruptedQrPayments(qint64 nowMs);
    // QR payments with query or reverse work not done (pending, in flight, or parked as failed).
    Result<qint64> pendingQrRecoveryCount();

    // Store-and-forward outbox. enqueueOutbox is idempotent on the request's key (returns the existing id).
    Result<qint64> enqueueOutbox(const OutboxRequest& request);
    // Claims the oldest due item (state pending, next_try_ms <= nowMs) of one of kinds (all when empty):
    // marks it in flight and counts the attempt, durably, before the caller sends anything. Nothing due:
    // an empty optional.
    Result<std::optional<OutboxItem>> claimDueOutbox(qint64 nowMs, const QList<OutboxKind>& kinds = {});
    // The other side has it. A reversal completes its card payment ('reversed'), an advice confirms its
    // refund ('approved'), a QR query or reverse settles its QR payment's state (given by the caller).
    Result<> completeOutbox(qint64 itemId, qint64 nowMs, std::optional<QrState> qrFinalState = std::nullopt);
    // The attempt failed: queued again after the policy's delay, or parked as 'failed' for a person.
    Result<> failOutboxAttempt(
        qint64 itemId, const QString& error, AttemptVerdict verdict, const RetryPolicy& policy, qint64 nowMs);
    // At start-up: work left in flight by a process that died becomes due again now. Returns how many.
    Result<int> requeueInterruptedOutbox(qint64 nowMs);
    // Reversals still owed to the host; while any is, no new financial message and no settlement may go out.
    Result<qint64> pendingReversalCount();

    // Settlement of the current batch. beginSettlement refuses while a card outcome is open or a reversal is
    // owed, then records the local totals ('settling'). completeSettlement stores the host's totals: balanced
    // closes the batch; unbalanced leaves it 'uploading' until finishBatchUpload. Closing anchors the audit
    // chain at the batch and moves the terminal to the next batch number, in one transaction.
    Result<SettlementTotals> currentBatchTotals();
    Result<SettlementBatch> beginSettlement(qint64 nowMs);
    Result<> completeSettlement(qint64 batchId, const SettlementHostResult& result);
    Result<> finishBatchUpload(qint64 batchId, qint64 nowMs);

    // Print queue: a job stays until printed; failed jobs form the reprint queue (oldest first).
    Result<qint64> enqueuePrintJob(const PrintJobInput& job);
    Result<QList<PrintJob>> pendingPrintJobs(int limit);
    Result<> startPrintJob(qint64 jobId);
    Result<> finishPrintJob(qint64 jobId, bool printed, const QString& error, qint64 nowMs);
    // At start-up: jobs left 'printing' by a process that died are marked failed (they may be half printed).
    Result<int> recoverInterruptedPrintJobs();

    // The terminal's activation record (core/ledger/TerminalActivationStore.h); defaults when never saved.
    Result<TerminalActivation> terminalActivation();
    // Replaces it in one transaction; a step change is audited (step name only).
    Result<> saveTerminalActivation(const TerminalActivation& record, qint64 nowMs);

    // A standalone audit event in its own transaction (logins, settings changes, …).
    Result<qint64> appendAudit(const AuditEvent& event);

    // Runs work inside one outer transaction, so that the business events it records commit together
    // (one fsync). For bulk tools such as pos-tool ledger generate; never for selling, where each event must
    // be durable on its own before the cashier is told.
    Result<> inOneTransaction(const std::function<Result<>()>& work);

    // Outbox work not yet done plus payments whose host outcome is still open: the status bar's count.
    Result<qint64> unsyncedCount();

private:
    std::unique_ptr<SqliteDatabase> m_database;
};

} // namespace storage
} // namespace pos
