// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/ledger/QrHostJournal.h"

namespace pos {
namespace storage {

class LedgerService;

// QrHostJournal on the ledger's writer thread (LedgerService): each call is one Ledger job run in submission
// order; completions arrive in the service's thread while their context lives. The service must outlive
// this object and be open before the first call. Thread affinity: the service's thread.
//
// Order numbers: terminalId + yyMMdd (local date of createdMs) + the 8-digit ledger sequence
// (Ledger::nextQrOrderSequence, modulo 10^8), allocated and committed in the same writer-thread job, so two
// intents never get the same number; the ledger's UNIQUE constraint is the final guard.
class LedgerQrJournal final : public QrHostJournal
{
public:
    explicit LedgerQrJournal(LedgerService& service) : m_service(service) {}

    void
    beginQrPayment(const QrPayIntentInput& intent, QObject* context, Completion<QrPayIntent> done) override;
    void updateQrPayment(qint64 paymentId,
                         const QrUpdate& update,
                         QObject* context,
                         Completion<void> done) override;
    void
    beginQrReverse(qint64 paymentId, qint64 nowMs, QObject* context, Completion<OutboxItem> done) override;
    void claimDueRecovery(qint64 nowMs,
                          QObject* context,
                          Completion<std::optional<ClaimedQrRecovery>> done) override;
    void completeRecovery(
        qint64 itemId, QrState finalState, qint64 nowMs, QObject* context, Completion<void> done) override;
    void failRecovery(qint64 itemId,
                      const QString& error,
                      AttemptVerdict verdict,
                      const RetryPolicy& policy,
                      qint64 nowMs,
                      QObject* context,
                      Completion<void> done) override;
    void pendingRecoveryCount(QObject* context, Completion<qint64> done) override;

private:
    LedgerService& m_service;
};

// The order number of a QR payment: terminalId + yyMMdd + 8 digits (sequence modulo 10^8). InvalidInput when
// terminalId is not 1..16 of [0-9A-Za-z].
Result<QString> qrOrderNumber(const QString& terminalId, qint64 createdMs, qint64 sequence);

} // namespace storage
} // namespace pos
