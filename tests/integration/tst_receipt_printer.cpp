// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The print-job driver (ReceiptPrinter) against the printer emulator as a separate process, over a real
// pseudo-terminal and over TCP: a job printed and stored by the emulator; a printer that cannot print is
// never sent the job (paper out, cover open, offline); paper out, cover open and unplugging in the middle of
// a receipt; a printer that never answers; status pushed by ASB; a printer whose state changes live.

#include "devices/escpos/ReceiptPrinter.h"
#include "devices/escpos/ReceiptRenderer.h"
#include "devices/escpos/SampleReceipt.h"
#include "devices/transport/ByteTransport.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;
using namespace pos::test;

namespace {

QByteArray sampleBytes()
{
    const std::optional<PrinterProfile> profile = PrinterProfiles::find(u"generic-80mm"_qs);
    if (!profile)
        return {};
    const Result<RenderedReceipt> rendered = ReceiptRenderer(*profile).render(sampleReceipt());
    return rendered ? rendered.value().bytes : QByteArray();
}

} // namespace

class tst_ReceiptPrinter final : public QObject
{
    Q_OBJECT

private:
    // Starts the emulator (pty unless tcp) and the driver on it.
    bool startPrinter(const QStringList& extra = {}, bool tcp = false, ReceiptPrinter::Config config = {})
    {
        m_printer.reset();
        m_transport.reset();
        m_emulator.reset();
        QStringList args{tcp ? u"--tcp"_qs : u"--pty"_qs, u"0"_qs, u"--out"_qs, m_jobs.path()};
        if (!tcp)
            args.removeAt(1);
        m_emulator = startProcess(builtExecutable(u"pos-printer-sim"_qs), args + extra);
        if (!m_emulator)
            return false;
        const QString where = waitForLine(
            *m_emulator, tcp ? u"^listening (127\\.0\\.0\\.1:\\d+)$"_qs : u"^listening pty (.+)$"_qs,
            std::chrono::seconds(20));
        if (where.isEmpty())
            return false;
        Result<std::unique_ptr<ByteTransport>> transport =
            ByteTransport::open((tcp ? u"tcp:"_qs : u"serial:"_qs) + where);
        if (!transport)
            return false;
        m_transport = std::move(transport).value();
        if (!QTest::qWaitFor([&] { return m_transport->isUsable(); }, 5000))
            return false;
        config.statusTimeoutMs = 1500;
        m_printer = std::make_unique<ReceiptPrinter>(*m_transport, config);
        return true;
    }

    // Sends a control line to the emulator and waits for its "state …" acknowledgement.
    bool control(const QString& line)
    {
        m_emulator->write((line + u'\n').toUtf8());
        return !waitForLine(*m_emulator, u"^(state .*)$"_qs, std::chrono::seconds(10)).isEmpty();
    }

    Result<PrintReport> print(qint64 jobId, const QByteArray& bytes)
    {
        return await<PrintReport>([&](auto done) { m_printer->print(jobId, bytes, &m_context, done); });
    }

    Result<PrinterStatus> status()
    {
        return await<PrinterStatus>([&](auto done) { m_printer->queryStatus(&m_context, done); });
    }

    int storedJobs() const
    {
        return int(QDir(m_jobs.path()).entryList({u"job-*.bin"_qs}, QDir::Files).size());
    }

    QTemporaryDir m_jobs;
    QObject m_context;
    std::unique_ptr<QProcess> m_emulator;
    std::unique_ptr<ByteTransport> m_transport;
    std::unique_ptr<ReceiptPrinter> m_printer;

private Q_SLOTS:
    void init()
    {
        QDir jobs(m_jobs.path());
        for (const QString& name : jobs.entryList(QDir::Files))
            jobs.remove(name);
    }

    void cleanup()
    {
        m_printer.reset();
        m_transport.reset();
        m_emulator.reset();
    }

    void jobIsPrintedAndStored_data()
    {
        QTest::addColumn<bool>("tcp");
        QTest::newRow("pty") << false;
        QTest::newRow("tcp") << true;
    }
    void jobIsPrintedAndStored()
    {
        QFETCH(bool, tcp);
        QVERIFY(startPrinter({}, tcp));
        const QByteArray bytes = sampleBytes();
        QVERIFY(!bytes.isEmpty());
        const Result<PrintReport> report = print(7, bytes);
        POS_VERIFY_RESULT(report);
        QCOMPARE(report.value().jobId, 7);
        QCOMPARE(report.value().bytesSent, bytes.size());
        QVERIFY(report.value().verified);
        QVERIFY(report.value().statusAfter.canPrint());
        const QString job = waitForLine(*m_emulator, u"^job (\\S+\\.bin) \\d+$"_qs, std::chrono::seconds(20));
        QVERIFY2(!job.isEmpty(), "the emulator announced no job");
        QFile stored(job);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY2(stored.readAll().contains(bytes.mid(2, 64)), "the stored job is not the receipt sent");
    }

    void jobIsNotSentWhenThePrinterCannotPrint_data()
    {
        QTest::addColumn<QString>("state");
        QTest::newRow("paper out") << u"paper-out"_qs;
        QTest::newRow("cover open") << u"cover-open"_qs;
        QTest::newRow("offline") << u"offline"_qs;
    }
    void jobIsNotSentWhenThePrinterCannotPrint()
    {
        QFETCH(QString, state);
        QVERIFY(startPrinter({u"--state"_qs, state}));
        const Result<PrintReport> report = print(1, sampleBytes());
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::DeviceOffline);
        QVERIFY(!report.error().userMessage.isEmpty());
        const PrinterStatus seen = m_printer->lastStatus();
        QCOMPARE(seen.paperEnd, state == u"paper-out"_qs);
        QCOMPARE(seen.coverOpen, state == u"cover-open"_qs);
        QVERIFY(seen.offline || state != u"offline"_qs);
        QTest::qWait(300);
        QCOMPARE(storedJobs(), 0);
    }

    void stoppingMidReceiptLeavesTheOutcomeUnknown_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("tcp");
        QTest::newRow("paper out, pty") << u"paper-out"_qs << false;
        QTest::newRow("paper out, tcp") << u"paper-out"_qs << true;
        QTest::newRow("cover open") << u"cover-open"_qs << false;
        QTest::newRow("offline") << u"offline"_qs << false;
    }
    void stoppingMidReceiptLeavesTheOutcomeUnknown()
    {
        QFETCH(QString, fault);
        QFETCH(bool, tcp);
        const QByteArray bytes = sampleBytes();
        QVERIFY(startPrinter({u"--faults"_qs, u"%1@%2"_qs.arg(fault).arg(bytes.size() / 2)}, tcp));
        const Result<PrintReport> report = print(2, bytes);
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::OutcomeUnknown);
        QVERIFY(!m_printer->lastStatus().canPrint());
    }

    void unpluggedMidReceiptFailsThisAndLaterJobs()
    {
        const QByteArray bytes = sampleBytes();
        QVERIFY(startPrinter({u"--faults"_qs, u"disconnect@%1"_qs.arg(bytes.size() / 2)}));
        QSignalSpy disconnected(m_printer.get(), &ReceiptPrinter::disconnected);
        std::optional<Result<PrintReport>> first;
        std::optional<Result<PrintReport>> second;
        m_printer->print(3, bytes, &m_context, [&](Result<PrintReport> r) { first.emplace(std::move(r)); });
        m_printer->print(4, bytes, &m_context, [&](Result<PrintReport> r) { second.emplace(std::move(r)); });
        QVERIFY(QTest::qWaitFor([&] { return first && second; }, 20000));
        QVERIFY(!*first);
        QCOMPARE(first->error().code, ErrorCode::OutcomeUnknown);
        QVERIFY(!*second);
        QCOMPARE(second->error().code, ErrorCode::DeviceOffline);
        QCOMPARE(disconnected.size(), 1);
        QVERIFY(!m_printer->isConnected());
    }

    void silentPrinterTimesOutBeforeSending()
    {
        QVERIFY(startPrinter({u"--faults"_qs, u"silence"_qs}));
        const Result<PrintReport> report = print(5, sampleBytes());
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::DeviceTimeout);
        QTest::qWait(300);
        QCOMPARE(storedJobs(), 0);
    }

    void liveStateChangesAreRead_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("canPrint");
        QTest::addColumn<bool>("paperNearEnd");
        QTest::newRow("paper near end") << u"paper near-end"_qs << true << true;
        QTest::newRow("paper out") << u"paper out"_qs << false << true; // the near-end sensor is past too
        QTest::newRow("cover open") << u"cover open"_qs << false << false;
        QTest::newRow("offline") << u"offline"_qs << false << false;
    }
    void liveStateChangesAreRead()
    {
        QFETCH(QString, line);
        QFETCH(bool, canPrint);
        QFETCH(bool, paperNearEnd);
        QVERIFY(startPrinter());
        const Result<PrinterStatus> before = status();
        POS_VERIFY_RESULT(before);
        QVERIFY(before.value().canPrint());
        QVERIFY(control(line));
        const Result<PrinterStatus> after = status();
        POS_VERIFY_RESULT(after);
        QCOMPARE(after.value().canPrint(), canPrint);
        QCOMPARE(after.value().paperNearEnd, paperNearEnd);
    }

    void asbPushesStatusWithoutAQuery()
    {
        ReceiptPrinter::Config config;
        config.automaticStatusBack = true;
        QVERIFY(startPrinter({}, false, config));
        QSignalSpy changed(m_printer.get(), &ReceiptPrinter::statusChanged);
        POS_VERIFY_RESULT(status()); // the transport is ready and GS a has gone out
        QVERIFY(control(u"paper out"_qs));
        QVERIFY(QTest::qWaitFor([&] { return m_printer->lastStatus().paperEnd; }, 5000));
        QVERIFY(!changed.isEmpty());
    }

    void printerBackInServicePrintsAgain()
    {
        QVERIFY(startPrinter({u"--state"_qs, u"paper-out"_qs}));
        QVERIFY(!print(8, sampleBytes()));
        QVERIFY(control(u"paper in"_qs));
        POS_VERIFY_RESULT(print(9, sampleBytes()));
        QVERIFY(!waitForLine(*m_emulator, u"^job (\\S+) \\d+$"_qs, std::chrono::seconds(20)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ReceiptPrinter)
#include "tst_receipt_printer.moc"
