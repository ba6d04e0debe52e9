// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The device hub against the emulator processes: the chosen PIN pad and printer reach TerminalStatus as
// Ready, a printer that cannot print is a Fault with the reason, an emulator that goes away is Disconnected
// and is connected again when it comes back on the same address, self-tests answer, and print() forwards a
// job to the printer in use (or refuses when there is none).

#include "devices/DeviceHub.h"
#include "devices/escpos/ReceiptRenderer.h"
#include "devices/escpos/SampleReceipt.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;
using namespace pos::test;

namespace {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QByteArray sampleBytes()
{
    const std::optional<PrinterProfile> profile = PrinterProfiles::find(u"generic-80mm"_qs);
    const Result<RenderedReceipt> rendered =
        ReceiptRenderer(profile.value_or(PrinterProfile{})).render(sampleReceipt());
    return rendered ? rendered.value().bytes : QByteArray();
}

} // namespace

class tst_DeviceHub final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QProcess> startPad(quint16 port)
    {
        std::unique_ptr<QProcess> pad = startProcess(
            builtExecutable(u"pos-pinpad-sim"_qs),
            {u"--tcp"_qs, u"--port"_qs, QString::number(port), u"--data-dir"_qs, m_dir.filePath(u"pad"_qs)});
        if (!pad ||
            waitForLine(*pad, u"^listening (127\\.0\\.0\\.1:\\d+)$"_qs, std::chrono::seconds(20)).isEmpty())
            return nullptr;
        return pad;
    }

    std::unique_ptr<QProcess> startPrinter(const QStringList& extra = {})
    {
        std::unique_ptr<QProcess> printer =
            startProcess(builtExecutable(u"pos-printer-sim"_qs),
                         QStringList{u"--pty"_qs, u"--out"_qs, m_dir.filePath(u"jobs"_qs)} + extra);
        if (!printer)
            return nullptr;
        m_printerPty = waitForLine(*printer, u"^listening pty (.+)$"_qs, std::chrono::seconds(20));
        return m_printerPty.isEmpty() ? nullptr : std::move(printer);
    }

    bool waitForState(DeviceRole role, DeviceState state, int timeoutMs = 15000)
    {
        return QTest::qWaitFor([&] { return m_status->device(role).state == state; }, timeoutMs);
    }

    std::unique_ptr<DeviceHub> makeHub()
    {
        DeviceHub::Config config;
        config.reconnectIntervalMs = 200;
        config.printerStatusTimeoutMs = 1500;
        return std::make_unique<DeviceHub>(*m_status, config);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<TerminalStatus> m_status;
    QString m_printerPty;

private Q_SLOTS:
    void init() { m_status = std::make_unique<TerminalStatus>(); }
    void cleanup() { m_status.reset(); }

    void chosenPinPadBecomesReady()
    {
        const quint16 port = freePort();
        std::unique_ptr<QProcess> pad = startPad(port);
        QVERIFY(pad);
        std::unique_ptr<DeviceHub> hub = makeHub();
        const QString id = u"tcp:127.0.0.1:%1"_qs.arg(port);
        hub->setDevice(DeviceRole::PinPad, id);
        QVERIFY(waitForState(DeviceRole::PinPad, DeviceState::Ready));
        QCOMPARE(m_status->device(DeviceRole::PinPad).deviceId, id);
        QCOMPARE(hub->device(DeviceRole::PinPad), id);
    }

    void pinPadThatGoesAwayIsReconnected()
    {
        const quint16 port = freePort();
        std::unique_ptr<QProcess> pad = startPad(port);
        QVERIFY(pad);
        std::unique_ptr<DeviceHub> hub = makeHub();
        hub->setDevice(DeviceRole::PinPad, u"tcp:127.0.0.1:%1"_qs.arg(port));
        QVERIFY(waitForState(DeviceRole::PinPad, DeviceState::Ready));
        pad.reset(); // kills the emulator
        QVERIFY(waitForState(DeviceRole::PinPad, DeviceState::Disconnected));
        QVERIFY(!m_status->device(DeviceRole::PinPad).lastError.isEmpty());
        pad = startPad(port);
        QVERIFY(pad);
        QVERIFY(waitForState(DeviceRole::PinPad, DeviceState::Ready));
    }

    void pinPadSelfTestNamesThePad()
    {
        const quint16 port = freePort();
        std::unique_ptr<QProcess> pad = startPad(port);
        QVERIFY(pad);
        std::unique_ptr<DeviceHub> hub = makeHub();
        hub->setDevice(DeviceRole::PinPad, u"tcp:127.0.0.1:%1"_qs.arg(port));
        QVERIFY(waitForState(DeviceRole::PinPad, DeviceState::Ready));
        std::optional<Result<QString>> summary;
        hub->selfTest(DeviceRole::PinPad, [&summary](Result<QString> r) { summary = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return summary.has_value(); }, 15000));
        POS_VERIFY_RESULT(*summary);
        QVERIFY2(summary->value().contains(u"SIMPAD00000001"_qs), qPrintable(summary->value()));
    }

    void hubPinPadForwardsToThePadInUse()
    {
        const quint16 port = freePort();
        std::unique_ptr<QProcess> pad = startPad(port);
        QVERIFY(pad);
        std::unique_ptr<DeviceHub> hub = makeHub();
        hub->setDevice(DeviceRole::PinPad, u"tcp:127.0.0.1:%1"_qs.arg(port));
        QVERIFY(waitForState(DeviceRole::PinPad, DeviceState::Ready));
        QObject context;
        std::optional<Result<PinPadInfo>> info;
        hub->pinPad().deviceInfo(&context, [&info](Result<PinPadInfo> r) { info = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return info.has_value(); }, 15000));
        POS_VERIFY_RESULT(*info);
        QCOMPARE(info->value().serialNumber, u"SIMPAD00000001"_qs);
        QVERIFY(!info->value().publicKeyDer.isEmpty());
    }

    void hubPinPadWithoutAPadIsOffline()
    {
        std::unique_ptr<DeviceHub> hub = makeHub();
        QObject context;
        std::optional<Result<QByteArray>> kcv;
        hub->pinPad().loadTmk(QByteArray(256, 'x'), KeyScheme::TripleDes, QByteArray(3, 0), &context,
                              [&kcv](Result<QByteArray> r) { kcv = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return kcv.has_value(); }, 10000));
        QVERIFY(!*kcv);
        QCOMPARE(kcv->error().code, ErrorCode::DeviceOffline);
    }

    void hubPinPadCompletionIsDroppedWhenTheContextIsGone()
    {
        std::unique_ptr<DeviceHub> hub = makeHub();
        bool called = false;
        {
            QObject context;
            hub->pinPad().beep(1, 10, &context, [&called](Result<void>) { called = true; });
        }
        QTest::qWait(300);
        QVERIFY(!called);
    }

    void selfTestOfAMissingDeviceFails_data()
    {
        QTest::addColumn<DeviceRole>("role");
        QTest::newRow("printer") << DeviceRole::ReceiptPrinter;
        QTest::newRow("pin pad") << DeviceRole::PinPad;
        QTest::newRow("scanner") << DeviceRole::Scanner;
    }
    void selfTestOfAMissingDeviceFails()
    {
        QFETCH(DeviceRole, role);
        std::unique_ptr<DeviceHub> hub = makeHub();
        hub->setDevice(role, u"tcp:127.0.0.1:%1"_qs.arg(freePort())); // nothing listens there
        std::optional<Result<QString>> summary;
        hub->selfTest(role, [&summary](Result<QString> r) { summary = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return summary.has_value(); }, 15000));
        QVERIFY(!*summary);
        QCOMPARE(summary->error().code, ErrorCode::DeviceOffline);
    }

    void unreachableDeviceIsDisconnectedWithAReason()
    {
        std::unique_ptr<DeviceHub> hub = makeHub();
        hub->setDevice(DeviceRole::PinPad, u"serial:/dev/does-not-exist"_qs);
        QVERIFY(waitForState(DeviceRole::PinPad, DeviceState::Disconnected));
        QVERIFY(!m_status->device(DeviceRole::PinPad).lastError.isEmpty());
        hub->setDevice(DeviceRole::PinPad, QString());
        QVERIFY(waitForState(DeviceRole::PinPad, DeviceState::NotConfigured));
    }

    void printWithoutAPrinterIsRefused()
    {
        std::unique_ptr<DeviceHub> hub = makeHub();
        QObject context;
        std::optional<Result<PrintReport>> report;
        hub->print(1, sampleBytes(), &context, [&report](Result<PrintReport> r) { report = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return report.has_value(); }, 10000));
        QVERIFY(!*report);
        QCOMPARE(report->error().code, ErrorCode::DeviceOffline);
    }

    void printerStateFollowsThePrinter_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<DeviceState>("state");
        QTest::newRow("ready") << QStringList{} << DeviceState::Ready;
        QTest::newRow("paper out") << QStringList{u"--state"_qs, u"paper-out"_qs} << DeviceState::Fault;
        QTest::newRow("cover open") << QStringList{u"--state"_qs, u"cover-open"_qs} << DeviceState::Fault;
    }
    void printerStateFollowsThePrinter()
    {
        QFETCH(QStringList, args);
        QFETCH(DeviceState, state);
        std::unique_ptr<QProcess> printer = startPrinter(args);
        QVERIFY(printer);
        std::unique_ptr<DeviceHub> hub = makeHub();
        QSignalSpy available(hub.get(), &DeviceHub::printerAvailable);
        hub->setDevice(DeviceRole::ReceiptPrinter, u"serial:"_qs + m_printerPty);
        QVERIFY(waitForState(DeviceRole::ReceiptPrinter, state));
        QCOMPARE(m_status->device(DeviceRole::ReceiptPrinter).lastError.isEmpty(),
                 state == DeviceState::Ready);
        QVERIFY(available.wait(5000) || !available.isEmpty());
        QCOMPARE(available.last().at(0).toBool(), true);
    }

    void printerSelfTestPrintsAPage()
    {
        std::unique_ptr<QProcess> printer = startPrinter();
        QVERIFY(printer);
        std::unique_ptr<DeviceHub> hub = makeHub();
        hub->setDevice(DeviceRole::ReceiptPrinter, u"serial:"_qs + m_printerPty);
        QVERIFY(waitForState(DeviceRole::ReceiptPrinter, DeviceState::Ready));
        std::optional<Result<QString>> summary;
        hub->selfTest(DeviceRole::ReceiptPrinter, [&summary](Result<QString> r) { summary = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return summary.has_value(); }, 20000));
        POS_VERIFY_RESULT(*summary);
        QVERIFY(!waitForLine(*printer, u"^job (\\S+) \\d+$"_qs, std::chrono::seconds(20)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DeviceHub)
#include "tst_device_hub.moc"
