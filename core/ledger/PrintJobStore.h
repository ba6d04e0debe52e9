// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/HostQueueTypes.h"

#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace pos {

// The ledger's print queue as the print service (sales/PrintService) sees it. A job is committed before a
// byte goes to the printer and stays until it is printed; failed jobs form the reprint queue.
// storage/ implements it on the ledger's writer thread (storage/LedgerPrintQueue).
//
// Asynchronous contract, as CardHostJournal: context must not be null; done is invoked exactly once, later,
// in context's thread, never synchronously inside the call, and not at all if context is destroyed first.
// Operations complete in call order. Each operation is one ledger transaction: success means durable.
class PrintJobStore
{
public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    virtual ~PrintJobStore() = default;

    virtual void enqueue(const PrintJobInput& job, QObject* context, Completion<qint64> done) = 0;
    // Jobs in state queued or failed, oldest first.
    virtual void pending(int limit, QObject* context, Completion<QList<PrintJob>> done) = 0;
    // queued or failed → printing (attempts + 1); refused for any other state.
    virtual void start(qint64 jobId, QObject* context, Completion<void> done) = 0;
    // printing → printed, or → failed with error (a translated message the cashier may see).
    virtual void finish(qint64 jobId,
                        bool printed,
                        const QString& error,
                        qint64 nowMs,
                        QObject* context,
                        Completion<void> done) = 0;
    // At start-up: jobs a dead process left 'printing' become failed (they may be half printed); gives the
    // count.
    virtual void recoverInterrupted(QObject* context, Completion<int> done) = 0;
};

} // namespace pos
