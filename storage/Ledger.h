// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/LedgerTypes.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <functional>
#include <memory>

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
