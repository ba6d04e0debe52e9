// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool printer test against the printer emulator process over a real pty and over TCP: the sample receipt
// is printed and stored by the emulator; a printer out of paper or with its cover open refuses it with the
// reason and its status; usage errors.

#include "tests/support/TestSupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos::test;

class tst_PosToolPrinterTest final : public QObject
{
    Q_OBJECT

private:
    // Starts the emulator; returns the device id, empty on failure.
    QString startPrinter(bool tcp, const QStringList& extra = {})
    {
        QStringList args = tcp ? QStringList{u"--tcp"_qs, u"0"_qs} : QStringList{u"--pty"_qs};
        args << u"--out"_qs << m_dir.filePath(u"jobs"_qs);
        m_printer = startProcess(builtExecutable(u"pos-printer-sim"_qs), args + extra);
        if (!m_printer)
            return {};
        const QString where = waitForLine(
            *m_printer, tcp ? u"^listening (127\\.0\\.0\\.1:\\d+)$"_qs : u"^listening pty (.+)$"_qs,
            std::chrono::seconds(20));
        return where.isEmpty() ? QString() : (tcp ? u"tcp:"_qs : u"serial:"_qs) + where;
    }

    RunResult runTest(const QStringList& args)
    {
        return runProcess(builtExecutable(u"pos-tool"_qs), QStringList{u"printer"_qs, u"test"_qs} + args,
                          std::chrono::seconds(60));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_printer;

private Q_SLOTS:
    void init() { QDir(m_dir.filePath(u"jobs"_qs)).removeRecursively(); }
    void cleanup() { m_printer.reset(); }

    void samplePrints_data()
    {
        QTest::addColumn<bool>("tcp");
        QTest::addColumn<QString>("profile");
        QTest::newRow("pty, 80 mm") << false << u"80mm"_qs;
        QTest::newRow("tcp, 58 mm") << true << u"58mm"_qs;
    }
    void samplePrints()
    {
        QFETCH(bool, tcp);
        QFETCH(QString, profile);
        const QString device = startPrinter(tcp);
        QVERIFY(!device.isEmpty());
        const RunResult run = runTest({u"--device"_qs, device, u"--profile"_qs, profile, u"--json"_qs});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject answer = QJsonDocument::fromJson(run.standardOutput.trimmed()).object();
        QCOMPARE(answer.value(u"ok"_qs).toBool(), true);
        QCOMPARE(answer.value(u"profile"_qs).toString(), u"generic-"_qs + profile);
        QVERIFY(answer.value(u"bytes"_qs).toInt() > 500);
        QCOMPARE(answer.value(u"status"_qs).toObject().value(u"canPrint"_qs).toBool(), true);
        QVERIFY(!waitForLine(*m_printer, u"^job (\\S+) \\d+$"_qs, std::chrono::seconds(20)).isEmpty());
    }

    void printerThatCannotPrintRefuses_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("flag");
        QTest::newRow("paper out") << u"paper-out"_qs << u"paperEnd"_qs;
        QTest::newRow("cover open") << u"cover-open"_qs << u"coverOpen"_qs;
    }
    void printerThatCannotPrintRefuses()
    {
        QFETCH(QString, state);
        QFETCH(QString, flag);
        const QString device = startPrinter(false, {u"--state"_qs, state});
        QVERIFY(!device.isEmpty());
        const RunResult run = runTest({u"--device"_qs, device, u"--json"_qs});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject answer = QJsonDocument::fromJson(run.standardOutput.trimmed()).object();
        QCOMPARE(answer.value(u"ok"_qs).toBool(true), false);
        QCOMPARE(answer.value(u"code"_qs).toString(), u"DeviceOffline"_qs);
        QCOMPARE(answer.value(u"status"_qs).toObject().value(flag).toBool(), true);
        QVERIFY(QDir(m_dir.filePath(u"jobs"_qs)).entryList({u"job-*.bin"_qs}, QDir::Files).isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no device") << QStringList{};
        QTest::newRow("unknown profile")
            << QStringList{u"--device"_qs, u"tcp:127.0.0.1:9"_qs, u"--profile"_qs, u"no-such-printer"_qs};
        QTest::newRow("bad timeout") << QStringList{u"--device"_qs, u"tcp:127.0.0.1:9"_qs, u"--timeout-ms"_qs,
                                                    u"soon"_qs};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QCOMPARE(runTest(args).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(tst_PosToolPrinterTest)
#include "tst_pos_tool_printer_test.moc"
