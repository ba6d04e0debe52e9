// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/PrintJobStore.h"
#include "devices/escpos/PrinterProfiles.h"

#include <QObject>

#include <functional>

namespace pos {
namespace devices {
class JobPrinter;
}

namespace sales {

// Prints receipts from the ledger's print queue so that printing never blocks or loses a sale.
//
// submit() commits the job (the receipt model, masked data only) first and answers as soon as it is durable;
// printing happens afterwards, one job at a time, oldest first. A queued job waits while no printer is
// attached. A job that fails (printer refused, stopped mid-receipt, unplugged) becomes 'failed' with the
// printer's message and joins the reprint queue; it is never printed again without reprint(), because a
// second copy of a half-printed receipt is the cashier's decision. At start() jobs a dead process left
// 'printing' become failed for the same reason.
//
// Thread affinity: the thread that created it (normally the GUI thread), as the store's and the printer's
// completions (devices::JobPrinter: in the application the device hub, which forwards to the device thread).
class PrintService final : public QObject
{
    Q_OBJECT

public:
    PrintService(PrintJobStore& store, devices::PrinterProfile profile, QObject* parent = nullptr);
    ~PrintService() override;

    // Recovers interrupted jobs, then starts printing what is queued.
    void start();

    // The printer the shop uses now (nullptr: none attached). Queued jobs start printing when one is set. It
    // is called on this object's thread and must outlive this object or be detached first; a job it is
    // printing when detached still finishes through its completion.
    void setPrinter(devices::JobPrinter* printer, devices::PrinterProfile profile);

    // Commits the job; done (optional) gets its id once durable, or the storage failure (nothing queued).
    void submit(const PrintJobInput& job, std::function<void(Result<qint64>)> done = {});
    // Puts a failed job back in line; it is printed next. InvalidInput when the job is not failed.
    void reprint(qint64 jobId, std::function<void(Result<>)> done = {});
    // The reprint queue (failed jobs, oldest first; at most limit).
    void failedJobs(int limit, std::function<void(Result<QList<PrintJob>>)> done);

    bool isBusy() const { return m_busyJob != 0; }

Q_SIGNALS:
    void jobStarted(qint64 jobId);
    // message: empty when printed; the printer's translated explanation otherwise.
    void jobFinished(qint64 jobId, bool printed, QString message);
    // The print queue went empty (nothing queued, nothing printing); failed jobs may remain.
    void idle();

private:
    void pump();
    void printJob(const PrintJob& job);
    void finishJob(qint64 jobId, bool printed, const QString& message);

    PrintJobStore& m_store;
    devices::PrinterProfile m_profile;
    devices::JobPrinter* m_printer = nullptr;
    qint64 m_busyJob = 0;     // id of the job being printed, or -1 while looking for the next one
    qint64 m_priorityJob = 0; // a job reprint() asked for, printed before the queue
    bool m_started = false;
    bool m_pumpAgain = false;
};

} // namespace sales
} // namespace pos
