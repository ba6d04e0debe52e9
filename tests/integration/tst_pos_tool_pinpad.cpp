// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool pinpad info against the PIN pad emulator process over a real pty and over TCP, and its refusals:
// nothing listening, a malformed device id, a missing --device.

#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos::test;

class tst_PosToolPinPad final : public QObject
{
    Q_OBJECT

private:
    static QJsonObject parseJson(const QByteArray& out)
    {
        return QJsonDocument::fromJson(out.trimmed()).object();
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void infoNamesTheEmulatedPad_data()
    {
        QTest::addColumn<bool>("tcp");
        QTest::newRow("pty") << false;
        QTest::newRow("tcp") << true;
    }
    void infoNamesTheEmulatedPad()
    {
        QFETCH(bool, tcp);
        const QStringList args =
            tcp ? QStringList{u"--tcp"_qs, u"--port"_qs, u"0"_qs} : QStringList{u"--pty"_qs};
        std::unique_ptr<QProcess> pad =
            startProcess(builtExecutable(u"pos-pinpad-sim"_qs),
                         args + QStringList{u"--data-dir"_qs, m_dir.filePath(u"pad"_qs)});
        QVERIFY(pad);
        const QString where =
            waitForLine(*pad, tcp ? u"^listening (127\\.0\\.0\\.1:\\d+)$"_qs : u"^listening pty (.+)$"_qs,
                        std::chrono::seconds(20));
        QVERIFY(!where.isEmpty());
        const QString device = (tcp ? u"tcp:"_qs : u"serial:"_qs) + where;
        const RunResult run = runProcess(builtExecutable(u"pos-tool"_qs),
                                         {u"pinpad"_qs, u"info"_qs, u"--device"_qs, device, u"--json"_qs},
                                         std::chrono::seconds(30));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = parseJson(run.standardOutput);
        QCOMPARE(info.value(u"ok"_qs).toBool(), true);
        QCOMPARE(info.value(u"device"_qs).toString(), device);
        QCOMPARE(info.value(u"serialNumber"_qs).toString(), u"SIMPAD00000001"_qs);
        QCOMPARE(info.value(u"keyAlgorithm"_qs).toString(), u"RSA-OAEP-SHA256"_qs);
        QCOMPARE(info.value(u"publicKeySha256"_qs).toString().size(), 64);
        QCOMPARE(info.value(u"tmkLoaded"_qs).toBool(true), false);
    }

    void infoRefuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("code");
        QTest::newRow("nothing listening")
            << QStringList{u"--device"_qs, u"tcp:127.0.0.1:1"_qs, u"--timeout-ms"_qs, u"1000"_qs} << 1
            << u"DeviceOffline"_qs;
        QTest::newRow("malformed id") << QStringList{u"--device"_qs, u"tcp:"_qs} << 1 << u"InvalidInput"_qs;
        QTest::newRow("no device") << QStringList{} << 2 << QString();
    }
    void infoRefuses()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, code);
        const RunResult run =
            runProcess(builtExecutable(u"pos-tool"_qs),
                       QStringList{u"pinpad"_qs, u"info"_qs, u"--json"_qs} + args, std::chrono::seconds(30));
        QCOMPARE(run.exitCode, exitCode);
        if (!code.isEmpty()) {
            const QJsonObject answer = parseJson(run.standardOutput);
            QCOMPARE(answer.value(u"ok"_qs).toBool(true), false);
            QCOMPARE(answer.value(u"code"_qs).toString(), code);
        }
    }
};

QTEST_GUILESS_MAIN(tst_PosToolPinPad)
#include "tst_pos_tool_pinpad.moc"
