// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The print service over a real ledger file and the printer emulator process (pty): jobs are committed before
// printing and printed in order; a job waits for a printer; a job the printer refuses or loses joins the
// reprint queue with the printer's message and is printed again only by reprint(); a job a dead process left
// printing becomes failed at start; a job that cannot be rendered fails without blocking the next.

#include "core/receipt/ReceiptDocument.h"
#include "devices/escpos/ReceiptPrinter.h"
#include "devices/escpos/SampleReceipt.h"
#include "devices/transport/ByteTransport.h"
#include "sales/PrintService.h"
#include "storage/LedgerPrintQueue.h"
#include "storage/LedgerService.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;
using namespace pos::test;

namespace {

PrinterProfile profile80()
{
    return PrinterProfiles::find(u"generic-80mm"_qs).value_or(PrinterProfile{});
}

PrintJobInput sampleJob()
{
    PrintJobInput job;
    job.kind = PrintJobKind::SaleReceipt;
    job.document = sampleReceipt().toJsonBytes();
    job.createdMs = 1'790'000'000'000;
    return job;
}

} // namespace

class tst_PrintService final : public QObject
{
    Q_OBJECT

private:
    bool openLedger()
    {
        m_ledger = std::make_unique<storage::LedgerService>();
        std::optional<Result<>> opened;
        m_ledger->open(m_dir.filePath(u"pos.db"_qs), this, [&opened](const Result<>& r) { opened = r; });
        if (!QTest::qWaitFor([&] { return opened.has_value(); }, 10000) || !*opened)
            return false;
        m_queue = std::make_unique<storage::LedgerPrintQueue>(*m_ledger);
        m_service = std::make_unique<sales::PrintService>(*m_queue, profile80());
        return true;
    }

    bool startPrinter(const QStringList& extra = {})
    {
        m_emulator = startProcess(builtExecutable(u"pos-printer-sim"_qs),
                                  QStringList{u"--pty"_qs, u"--out"_qs, m_dir.filePath(u"jobs"_qs)} + extra);
        if (!m_emulator)
            return false;
        const QString where = waitForLine(*m_emulator, u"^listening pty (.+)$"_qs, std::chrono::seconds(20));
        if (where.isEmpty())
            return false;
        Result<std::unique_ptr<ByteTransport>> transport = ByteTransport::open(u"serial:"_qs + where);
        if (!transport)
            return false;
        m_transport = std::move(transport).value();
        ReceiptPrinter::Config config;
        config.statusTimeoutMs = 1500;
        m_printer = std::make_unique<ReceiptPrinter>(*m_transport, config);
        return true;
    }

    bool control(const QString& line)
    {
        m_emulator->write((line + u'\n').toUtf8());
        return !waitForLine(*m_emulator, u"^(state .*)$"_qs, std::chrono::seconds(10)).isEmpty();
    }

    Result<qint64> submit(const PrintJobInput& job = sampleJob())
    {
        std::optional<Result<qint64>> id;
        m_service->submit(job, [&id](Result<qint64> r) { id = std::move(r); });
        if (!QTest::qWaitFor([&] { return id.has_value(); }, 10000))
            return fail(ErrorCode::Timeout, QString(), u"test wait"_qs);
        return *id;
    }

    // Waits for the outcome of jobId among jobFinished's emissions: {printed, message}.
    std::optional<std::pair<bool, QString>> outcome(QSignalSpy& finished, qint64 jobId, int timeoutMs = 20000)
    {
        std::optional<std::pair<bool, QString>> found;
        (void)QTest::qWaitFor(
            [&] {
                for (const QList<QVariant>& args : finished) {
                    if (args.at(0).toLongLong() == jobId)
                        found = std::make_pair(args.at(1).toBool(), args.at(2).toString());
                }
                return found.has_value();
            },
            timeoutMs);
        return found;
    }

    QList<PrintJob> failedJobs()
    {
        std::optional<Result<QList<PrintJob>>> jobs;
        m_service->failedJobs(50, [&jobs](Result<QList<PrintJob>> r) { jobs = std::move(r); });
        if (!QTest::qWaitFor([&] { return jobs.has_value(); }, 10000) || !*jobs)
            return {};
        return jobs->value();
    }

    int printedByEmulator() const
    {
        return int(QDir(m_dir.filePath(u"jobs"_qs)).entryList({u"job-*.bin"_qs}, QDir::Files).size());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::LedgerService> m_ledger;
    std::unique_ptr<storage::LedgerPrintQueue> m_queue;
    std::unique_ptr<sales::PrintService> m_service;
    std::unique_ptr<QProcess> m_emulator;
    std::unique_ptr<ByteTransport> m_transport;
    std::unique_ptr<ReceiptPrinter> m_printer;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(u"pos.db"_qs));
        QDir(m_dir.filePath(u"jobs"_qs)).removeRecursively();
    }

    void cleanup()
    {
        m_service.reset();
        m_printer.reset();
        m_transport.reset();
        m_emulator.reset();
        m_queue.reset();
        m_ledger.reset();
    }

    void submittedJobsArePrintedInOrder()
    {
        QVERIFY(openLedger());
        QVERIFY(startPrinter());
        QSignalSpy finished(m_service.get(), &sales::PrintService::jobFinished);
        m_service->start();
        m_service->setPrinter(m_printer.get(), profile80());
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            const Result<qint64> id = submit();
            POS_VERIFY_RESULT(id);
            ids << id.value();
        }
        QVERIFY(outcome(finished, ids.last()).has_value());
        QCOMPARE(finished.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(finished.at(i).at(0).toLongLong(), ids.at(i));
            QCOMPARE(finished.at(i).at(1).toBool(), true);
        }
        QVERIFY(QTest::qWaitFor([&] { return printedByEmulator() == 3; }, 10000));
        QVERIFY(failedJobs().isEmpty());
    }

    void queuedJobWaitsForAPrinter()
    {
        QVERIFY(openLedger());
        QSignalSpy started(m_service.get(), &sales::PrintService::jobStarted);
        QSignalSpy finished(m_service.get(), &sales::PrintService::jobFinished);
        m_service->start();
        const Result<qint64> id = submit();
        POS_VERIFY_RESULT(id);
        QTest::qWait(300);
        QCOMPARE(started.size(), 0);
        QVERIFY(startPrinter());
        m_service->setPrinter(m_printer.get(), profile80());
        const auto printed = outcome(finished, id.value());
        QVERIFY(printed.has_value());
        QVERIFY(printed->first);
    }

    void refusedJobJoinsTheReprintQueue_data()
    {
        QTest::addColumn<QString>("state");
        QTest::newRow("paper out") << u"paper-out"_qs;
        QTest::newRow("cover open") << u"cover-open"_qs;
    }
    void refusedJobJoinsTheReprintQueue()
    {
        QFETCH(QString, state);
        QVERIFY(openLedger());
        QVERIFY(startPrinter({u"--state"_qs, state}));
        QSignalSpy finished(m_service.get(), &sales::PrintService::jobFinished);
        m_service->start();
        m_service->setPrinter(m_printer.get(), profile80());
        const Result<qint64> refused = submit();
        POS_VERIFY_RESULT(refused);
        const auto first = outcome(finished, refused.value());
        QVERIFY(first.has_value());
        QVERIFY(!first->first);
        QVERIFY(!first->second.isEmpty());
        const QList<PrintJob> failed = failedJobs();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().id, refused.value());
        QCOMPARE(failed.first().lastError, first->second);

        // Back in service: the next sale prints, the refused receipt waits for the cashier.
        QVERIFY(control(state == u"paper-out"_qs ? u"paper in"_qs : u"cover close"_qs));
        const Result<qint64> next = submit();
        POS_VERIFY_RESULT(next);
        const auto second = outcome(finished, next.value());
        QVERIFY(second.has_value());
        QVERIFY(second->first);
        QCOMPARE(failedJobs().size(), 1);
        QVERIFY(QTest::qWaitFor([&] { return printedByEmulator() == 1; }, 10000));

        std::optional<Result<>> accepted;
        m_service->reprint(refused.value(), [&accepted](Result<> r) { accepted = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return accepted.has_value(); }, 10000));
        POS_VERIFY_RESULT(*accepted);
        finished.clear();
        const auto reprinted = outcome(finished, refused.value());
        QVERIFY(reprinted.has_value());
        QVERIFY(reprinted->first);
        QVERIFY(failedJobs().isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return printedByEmulator() == 2; }, 10000));
    }

    void reprintRefusesAJobThatDidNotFail()
    {
        QVERIFY(openLedger());
        QVERIFY(startPrinter());
        QSignalSpy finished(m_service.get(), &sales::PrintService::jobFinished);
        m_service->start();
        m_service->setPrinter(m_printer.get(), profile80());
        const Result<qint64> id = submit();
        POS_VERIFY_RESULT(id);
        QVERIFY(outcome(finished, id.value()).has_value());
        std::optional<Result<>> accepted;
        m_service->reprint(id.value(), [&accepted](Result<> r) { accepted = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return accepted.has_value(); }, 10000));
        QVERIFY(!*accepted);
        QCOMPARE(accepted->error().code, ErrorCode::InvalidInput);
    }

    void unpluggedMidReceiptJoinsTheReprintQueue()
    {
        QVERIFY(openLedger());
        QVERIFY(startPrinter({u"--faults"_qs, u"disconnect@600"_qs}));
        QSignalSpy finished(m_service.get(), &sales::PrintService::jobFinished);
        m_service->start();
        m_service->setPrinter(m_printer.get(), profile80());
        const Result<qint64> id = submit();
        POS_VERIFY_RESULT(id);
        const auto lost = outcome(finished, id.value());
        QVERIFY(lost.has_value());
        QVERIFY(!lost->first);
        QCOMPARE(failedJobs().size(), 1);
    }

    void interruptedJobBecomesFailedAtStart()
    {
        QVERIFY(openLedger());
        std::optional<Result<qint64>> started;
        m_ledger->run<qint64>(
            [](storage::Ledger& ledger) -> Result<qint64> {
                const Result<qint64> id = ledger.enqueuePrintJob(sampleJob());
                if (!id)
                    return id;
                if (const Result<> printing = ledger.startPrintJob(id.value()); !printing)
                    return Failure{printing.error()};
                return id;
            },
            this, [&started](const Result<qint64>& r) { started = r; });
        QVERIFY(QTest::qWaitFor([&] { return started.has_value(); }, 10000));
        POS_VERIFY_RESULT(*started);
        QVERIFY(startPrinter());
        QSignalSpy jobStarted(m_service.get(), &sales::PrintService::jobStarted);
        QSignalSpy idle(m_service.get(), &sales::PrintService::idle);
        m_service->setPrinter(m_printer.get(), profile80());
        m_service->start();
        QVERIFY(idle.wait(10000));
        QCOMPARE(jobStarted.size(), 0);
        const QList<PrintJob> failed = failedJobs();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().id, started->value());
    }

    void unrenderableJobFailsWithoutBlockingTheNext()
    {
        QVERIFY(openLedger());
        QVERIFY(startPrinter());
        QSignalSpy finished(m_service.get(), &sales::PrintService::jobFinished);
        m_service->start();
        m_service->setPrinter(m_printer.get(), profile80());
        PrintJobInput broken = sampleJob();
        broken.document = "{\"version\": 99}";
        const Result<qint64> bad = submit(broken);
        POS_VERIFY_RESULT(bad);
        const Result<qint64> good = submit();
        POS_VERIFY_RESULT(good);
        const auto badOutcome = outcome(finished, bad.value());
        const auto goodOutcome = outcome(finished, good.value());
        QVERIFY(badOutcome.has_value());
        QVERIFY(!badOutcome->first);
        QVERIFY(goodOutcome.has_value());
        QVERIFY(goodOutcome->first);
    }
};

QTEST_GUILESS_MAIN(tst_PrintService)
#include "tst_print_service.moc"
