// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pos {
namespace storage {

class SqliteDatabase;

// The outcome of one named ledger invariant.
struct VerifyCheck
{
    QString name; // stable, untranslated: "audit_chain", "tenders_sum", ... (see verifyCheckNames())
    bool ok = true;
    qint64 offenders = 0; // rows (sales, lines, payments, audit rows, ...) that break the invariant
    // Untranslated, for support: the first few offending ids and why, or what the check covered when it
    // passed. Never card data: a check that finds card data names the table, column and row id only.
    QString detail;
};

struct VerifyReport
{
    QList<VerifyCheck> checks; // in the order of verifyCheckNames()

    // True when every check holds.
    bool ok() const;
    // The check called name, or nullptr.
    const VerifyCheck* check(const QString& name) const;
};

// The names of the checks verifyLedger() runs, in its order:
//   integrity_check           PRAGMA integrity_check is "ok"
//   foreign_key_check         PRAGMA foreign_key_check finds nothing
//   audit_chain               the hash chain and its anchors are intact (audit::verify)
//   sale_lines_sum            every sale has lines and they add up to sales.total_fen
//   tenders_sum               the tenders of every sale add up to sales.total_fen
//   sale_totals               total = subtotal - discount; sales (header, lines, tenders) >= 0, refunds <= 0
//   refunds_within_originals  refunds never return more than the original line or sale (quantity and money),
//                             point at a line of their own original sale, and only sales are refunded
//   card_tenders_approved     each card tender has exactly one card payment, approved/voided/refunded, of
//                             the same absolute amount; each qr tender one paid/refunded QR payment; payments
//                             are linked only to tenders of their own kind
//   no_orphan_intent          a card payment 'sending' or 'reversal_pending' has an open recovery record
//                             (outbox armed/pending/in_flight/failed)
//   stan_unique_per_batch     no (terminal_id, batch_no, stan) twice, even if the UNIQUE constraint is gone
//   no_sensitive_data         pan_masked is 6 digits, 2-9 '*', 4 digits; no text or blob in card_payments,
//                             host_journal, outbox.payload, print_jobs.document or audit_log.detail holds a
//                             run of 13 or more consecutive ASCII digits (a card number). Exempt: a run of
//                             exactly 15 digits equal to a merchant id this ledger knows (terminal_profile,
//                             card_payments.merchant_id, terminal.identity_set audit events). Integer values
//                             are not scanned (timestamps in ms and amounts may legitimately have 13 digits).
QStringList verifyCheckNames();

// Runs every check on database, read-only, inside one read transaction (one consistent snapshot, also while
// the POS keeps writing; when the caller already has a transaction open, inside that one). The connection is
// switched to PRAGMA query_only for the duration and restored afterwards. Works on read-only connections.
// A check whose query fails because of what is in the file (SQLITE_CORRUPT, a missing table or column, ...)
// is reported as failed with the error in its detail, and the remaining checks still run. The call itself
// fails only when the file cannot be read at all right now (ErrorCode::StorageBusy, IoFailure) or the read
// transaction cannot start. Thread affinity: the connection's thread. Cost: a few full scans; every query
// aggregates in SQL (GROUP BY, indexed joins), so it stays usable on ledgers with millions of sales.
Result<VerifyReport> verifyLedger(SqliteDatabase& database);

} // namespace storage
} // namespace pos
