// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/ledger/PrintJobStore.h"

namespace pos {
namespace storage {

class LedgerService;

// PrintJobStore on the ledger's writer thread (LedgerService): each call is one Ledger job run in submission
// order; completions arrive in the service's thread while their context lives. The service must outlive this
// object and be open before the first call. Thread affinity: the service's thread.
class LedgerPrintQueue final : public PrintJobStore
{
public:
    explicit LedgerPrintQueue(LedgerService& service) : m_service(service) {}

    void enqueue(const PrintJobInput& job, QObject* context, Completion<qint64> done) override;
    void pending(int limit, QObject* context, Completion<QList<PrintJob>> done) override;
    void start(qint64 jobId, QObject* context, Completion<void> done) override;
    void finish(qint64 jobId,
                bool printed,
                const QString& error,
                qint64 nowMs,
                QObject* context,
                Completion<void> done) override;
    void recoverInterrupted(QObject* context, Completion<int> done) override;

private:
    LedgerService& m_service;
};

} // namespace storage
} // namespace pos
