// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "sales/PrintService.h"

#include "core/receipt/ReceiptDocument.h"
#include "devices/escpos/JobPrinter.h"
#include "devices/escpos/ReceiptRenderer.h"
#include "sales/SalesLog.h"

#include <QCoreApplication>
#include <QDateTime>

namespace pos {
namespace sales {
namespace {

constexpr int pendingWindow = 500; // queued and failed jobs looked at per pass (oldest first)

class PrintText
{
    Q_DECLARE_TR_FUNCTIONS(pos::sales::PrintService)
};

} // namespace

PrintService::PrintService(PrintJobStore& store, devices::PrinterProfile profile, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_profile(std::move(profile))
{}

PrintService::~PrintService() = default;

void PrintService::start()
{
    m_store.recoverInterrupted(this, [this](Result<int> recovered) {
        if (!recovered)
            qCWarning(lcSales).noquote() << "print queue: recovery failed:" << recovered.error().detail;
        else if (recovered.value() > 0)
            qCInfo(lcSales) << "print queue:" << recovered.value()
                            << "interrupted jobs moved to the reprint queue";
        m_started = true;
        pump();
    });
}

void PrintService::setPrinter(devices::JobPrinter* printer, devices::PrinterProfile profile)
{
    m_printer = printer;
    m_profile = std::move(profile);
    pump();
}

void PrintService::submit(const PrintJobInput& job, std::function<void(Result<qint64>)> done)
{
    m_store.enqueue(job, this, [this, done = std::move(done)](Result<qint64> id) {
        if (!id)
            qCWarning(lcSales).noquote() << "print queue: enqueue failed:" << id.error().detail;
        if (done)
            done(id);
        pump();
    });
}

void PrintService::reprint(qint64 jobId, std::function<void(Result<>)> done)
{
    m_store.pending(pendingWindow, this, [this, jobId, done = std::move(done)](Result<QList<PrintJob>> jobs) {
        Result<> accepted = Result<>();
        if (!jobs) {
            accepted = Failure{jobs.error()};
        } else {
            const auto found =
                std::find_if(jobs.value().cbegin(), jobs.value().cend(), [jobId](const PrintJob& job) {
                    return job.id == jobId && job.state == QLatin1String("failed");
                });
            if (found == jobs.value().cend())
                accepted = fail(ErrorCode::InvalidInput,
                                PrintText::tr("Only a receipt that failed to print can be reprinted."),
                                QStringLiteral("job %1 is not in the reprint queue").arg(jobId));
            else
                m_priorityJob = jobId;
        }
        if (done)
            done(accepted);
        pump();
    });
}

void PrintService::failedJobs(int limit, std::function<void(Result<QList<PrintJob>>)> done)
{
    m_store.pending(qMax(limit, pendingWindow), this,
                    [limit, done = std::move(done)](Result<QList<PrintJob>> jobs) {
                        if (!jobs) {
                            done(jobs);
                            return;
                        }
                        QList<PrintJob> failed;
                        for (const PrintJob& job : jobs.value()) {
                            if (job.state == QLatin1String("failed") && failed.size() < limit)
                                failed.append(job);
                        }
                        done(failed);
                    });
}

void PrintService::pump()
{
    if (!m_started || !m_printer)
        return;
    if (m_busyJob != 0) {
        m_pumpAgain = true;
        return;
    }
    m_busyJob = -1;
    m_pumpAgain = false;
    m_store.pending(pendingWindow, this, [this](Result<QList<PrintJob>> jobs) {
        if (!jobs) {
            qCWarning(lcSales).noquote() << "print queue: cannot read:" << jobs.error().detail;
            m_busyJob = 0;
            return;
        }
        const PrintJob* next = nullptr;
        for (const PrintJob& job : jobs.value()) {
            if (job.id == m_priorityJob && job.state == QLatin1String("failed")) {
                next = &job;
                break;
            }
            if (!next && job.state == QLatin1String("queued"))
                next = &job;
        }
        if (!next || !m_printer) {
            m_busyJob = 0;
            if (m_pumpAgain)
                pump();
            else if (!next)
                Q_EMIT idle();
            return;
        }
        const PrintJob job = *next;
        if (job.id == m_priorityJob)
            m_priorityJob = 0;
        m_busyJob = job.id;
        m_store.start(job.id, this, [this, job](Result<> started) {
            if (!started) {
                qCWarning(lcSales).noquote()
                    << "print queue: job" << job.id << "not started:" << started.error().detail;
                m_busyJob = 0;
                return;
            }
            Q_EMIT jobStarted(job.id);
            printJob(job);
        });
    });
}

void PrintService::printJob(const PrintJob& job)
{
    const Result<receipt::ReceiptDocument> document = receipt::ReceiptDocument::fromJsonBytes(job.document);
    const Result<devices::RenderedReceipt> rendered =
        document ? devices::ReceiptRenderer(m_profile).render(document.value())
                 : Result<devices::RenderedReceipt>(Failure{document.error()});
    if (!rendered) {
        qCWarning(lcSales).noquote() << "print queue: job" << job.id
                                     << "cannot be rendered:" << rendered.error().detail;
        finishJob(job.id, false, rendered.error().userMessage);
        return;
    }
    if (!m_printer) {
        finishJob(job.id, false, PrintText::tr("The receipt printer is not connected."));
        return;
    }
    const qint64 jobId = job.id;
    m_printer->print(jobId, rendered.value().bytes, this, [this, jobId](Result<devices::PrintReport> report) {
        if (!report)
            qCWarning(lcSales).noquote() << "print queue: job" << jobId << "failed:" << report.error().detail;
        finishJob(jobId, bool(report), report ? QString() : report.error().userMessage);
    });
}

void PrintService::finishJob(qint64 jobId, bool printed, const QString& message)
{
    m_store.finish(jobId, printed, message, QDateTime::currentMSecsSinceEpoch(), this,
                   [this, jobId, printed, message](Result<> finished) {
                       if (!finished)
                           qCWarning(lcSales).noquote() << "print queue: job" << jobId
                                                        << "outcome not stored:" << finished.error().detail;
                       m_busyJob = 0;
                       Q_EMIT jobFinished(jobId, printed, message);
                       pump();
                   });
}

} // namespace sales
} // namespace pos
