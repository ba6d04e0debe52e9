// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos as a real process: version, refusal paths, single instance, autopilot, demo children and orphans.
#include "PosVersion.h"
#include "support/TestSupport.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace std::chrono_literals;
using pos::test::builtExecutable;
using pos::test::isProcessAlive;
using pos::test::runProcess;
using pos::test::startProcess;

namespace {

const QStringList noDisplay = {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"),
                               QStringLiteral("QT_QPA_PLATFORM")};

// Reads pos's stderr until the three demo simulators have announced themselves; returns their pids.
QList<qint64> waitForSimulatorPids(QProcess& pos)
{
    static const QRegularExpression ready(QStringLiteral("simulator (\\w+) ready pid=(\\d+) port=(\\d+)"));
    QList<qint64> pids;
    QByteArray seen;
    QDeadlineTimer deadline(20s);
    while (pids.size() < 3 && !deadline.hasExpired() && pos.state() == QProcess::Running) {
        pos.waitForReadyRead(200);
        seen += pos.readAllStandardError();
        pids.clear();
        auto matches = ready.globalMatch(QString::fromUtf8(seen));
        while (matches.hasNext())
            pids.append(matches.next().captured(2).toLongLong());
    }
    return pids;
}

} // namespace

class tst_PosProcess final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionNeedsNoDisplay_data();
    void versionNeedsNoDisplay();
    void refusesToStartWithoutDisplay();
    void startsAndPaintsWhenSelfTestPasses();
    void refusesToStartWhenSelfTestFails_data();
    void refusesToStartWhenSelfTestFails();
    void secondInstanceOnTheSameDataDirectoryIsRefused();
    void writesTheLogIntoTheDataDirectory();
    void acquirerSettingsProblemIsLogged_data();
    void acquirerSettingsProblemIsLogged();
    void autopilotSavesThePagesAndTheJourney();
    void createsTheLedgerInTheDataDirectory();
    void damagedLedgerIsKeptAndReported();
    void demoSimulatorsShutDownCleanly();
    void demoSimulatorsDieWithACrashedPos();
    void orphanCheckDetectsUnguardedSimulators();
};

void tst_PosProcess::versionNeedsNoDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("long") << u"--version"_qs;
    QTest::newRow("short") << u"-v"_qs;
}

void tst_PosProcess::versionNeedsNoDisplay()
{
    QFETCH(QString, option);
    const auto run = runProcess(builtExecutable(QStringLiteral("pos")), {option}, 20s, noDisplay);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.standardOutput, QByteArray("pos " POS_VERSION_STRING "\n"));
}

void tst_PosProcess::refusesToStartWithoutDisplay()
{
    QTemporaryDir dir;
    const auto run = runProcess(builtExecutable(QStringLiteral("pos")),
                                {QStringLiteral("--data-dir"), dir.path()}, 20s, noDisplay);
    QCOMPARE(run.exitCode, 6);
    QVERIFY(run.standardError.contains("no display"));
}

void tst_PosProcess::startsAndPaintsWhenSelfTestPasses()
{
    QTemporaryDir dir;
    const auto run =
        runProcess(builtExecutable(QStringLiteral("pos")),
                   {QStringLiteral("--quit-after-first-frame"), QStringLiteral("--data-dir"), dir.path()},
                   60s, noDisplay);
    QVERIFY2(run.exitCode == 0, run.standardError.constData());
    QVERIFY(!run.timedOut);
}

void tst_PosProcess::refusesToStartWhenSelfTestFails_data()
{
    QTest::addColumn<QString>("corrupt");
    QTest::newRow("sha256") << u"sha256-abc"_qs;
    QTest::newRow("sm4") << u"sm4-ecb-gbt32907"_qs;
    QTest::newRow("3des") << u"3des2-ecb-double-length"_qs;
}

void tst_PosProcess::refusesToStartWhenSelfTestFails()
{
    QFETCH(QString, corrupt);
    QTemporaryDir dir;
    const auto run = runProcess(builtExecutable(QStringLiteral("pos")),
                                {QStringLiteral("--quit-after-first-frame"), QStringLiteral("--language"),
                                 QStringLiteral("en"), QStringLiteral("--data-dir"), dir.path()},
                                60s, {QStringLiteral("POS_SELFTEST_CORRUPT=") + corrupt});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.standardError.contains("self-test failed"), run.standardError.constData());
    QVERIFY(run.standardError.contains(corrupt.toUtf8()));
}

void tst_PosProcess::secondInstanceOnTheSameDataDirectoryIsRefused()
{
    QTemporaryDir dir;
    auto first =
        startProcess(builtExecutable(QStringLiteral("pos")), {QStringLiteral("--data-dir"), dir.path()});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(QStringLiteral("logs/pos.log"))), 20000);
    const auto second = runProcess(
        builtExecutable(QStringLiteral("pos")),
        {QStringLiteral("--quit-after-first-frame"), QStringLiteral("--data-dir"), dir.path()}, 30s);
    QCOMPARE(second.exitCode, 4);
    QVERIFY2(second.standardError.contains(QByteArray::number(first->processId())),
             second.standardError.constData());
    first->kill();
    first->waitForFinished(5000);
    // A crashed first instance leaves its lock behind; the next start takes it over.
    const auto third = runProcess(
        builtExecutable(QStringLiteral("pos")),
        {QStringLiteral("--quit-after-first-frame"), QStringLiteral("--data-dir"), dir.path()}, 30s);
    QCOMPARE(third.exitCode, 0);
}

void tst_PosProcess::writesTheLogIntoTheDataDirectory()
{
    QTemporaryDir dir;
    const auto run = runProcess(
        builtExecutable(QStringLiteral("pos")),
        {QStringLiteral("--quit-after-first-frame"), QStringLiteral("--data-dir"), dir.path()}, 60s);
    QCOMPARE(run.exitCode, 0);
    QFile log(dir.filePath(QStringLiteral("logs/pos.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("[I] pos.app: pos " POS_VERSION_STRING " starting"), text.constData());
}

void tst_PosProcess::acquirerSettingsProblemIsLogged_data()
{
    QTest::addColumn<QByteArray>("settings"); // settings.ini; empty: no file
    QTest::addColumn<QByteArray>("expected"); // in the log
    QTest::newRow("not configured") << QByteArray()
                                    << QByteArray("unavailable: NotFound no [acquirer] section");
    QTest::newRow("http api") << QByteArray("[acquirer]\napiUrl=http://api.example.cn\ncardHost=h:1\n")
                              << QByteArray("unavailable: InvalidInput settings [acquirer] apiUrl invalid");
    QTest::newRow("no card host") << QByteArray("[acquirer]\napiUrl=https://api.example.cn\n")
                                  << QByteArray(
                                         "unavailable: InvalidInput settings [acquirer] cardHost missing");
}

// A production start (no --demo) reads settings.ini [acquirer]; a missing or wrong section is reported with
// the key, and the POS still starts (the Activation page says why it is unavailable).
void tst_PosProcess::acquirerSettingsProblemIsLogged()
{
    QFETCH(QByteArray, settings);
    QFETCH(QByteArray, expected);
    QTemporaryDir dir;
    if (!settings.isEmpty()) {
        QFile file(dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(settings);
    }
    const auto run = runProcess(
        builtExecutable(QStringLiteral("pos")),
        {QStringLiteral("--quit-after-first-frame"), QStringLiteral("--data-dir"), dir.path()}, 60s);
    QCOMPARE(run.exitCode, 0);
    QFile log(dir.filePath(QStringLiteral("logs/pos.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains(expected), text.constData());
}

void tst_PosProcess::autopilotSavesThePagesAndTheJourney()
{
    QTemporaryDir shots;
    const auto run =
        runProcess(builtExecutable(QStringLiteral("pos")),
                   {QStringLiteral("--demo"), QStringLiteral("--autopilot"), shots.path()}, 90s, noDisplay);
    QVERIFY2(run.exitCode == 0, run.standardError.constData());
    const QStringList expected = {QStringLiteral("01-sell.png"),       QStringLiteral("02-reports.png"),
                                  QStringLiteral("03-settlement.png"), QStringLiteral("04-devices.png"),
                                  QStringLiteral("05-settings.png"),   QStringLiteral("06-activation.png")};
    // Then the merchant's journey: every wizard page, the approval, the activation, the printed slip.
    const QStringList journey = {QStringLiteral("07-fill-merchant.png"),
                                 QStringLiteral("08-fill-licence.png"),
                                 QStringLiteral("09-fill-tax.png"),
                                 QStringLiteral("10-fill-legal.png"),
                                 QStringLiteral("11-fill-settlement.png"),
                                 QStringLiteral("12-fill-features.png"),
                                 QStringLiteral("13-fill-agreement.png"),
                                 QStringLiteral("14-wizard-review.png"),
                                 QStringLiteral("15-wizard-submitted.png"),
                                 QStringLiteral("16-activation-approved.png"),
                                 QStringLiteral("17-activation-signed-on.png"),
                                 QStringLiteral("18-activation-done.png"),
                                 QStringLiteral("19-activation-slip.png"),
                                 QStringLiteral("20-sell-enabled.png")};
    QCOMPARE(QDir(shots.path()).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name),
             expected + journey);
    for (const QString& name : expected + journey) {
        const QImage image(QDir(shots.path()).filePath(name));
        QVERIFY2(!image.isNull(), qPrintable(name));
        if (expected.contains(name) || (name.contains(u"activation-") && !name.contains(u"slip")))
            QCOMPARE(image.size(), QSize(1280, 800));
        QVERIFY(run.standardOutput.contains(
            QByteArray(QByteArray("screenshot ") + QDir(shots.path()).filePath(name).toUtf8())));
    }
}

void tst_PosProcess::createsTheLedgerInTheDataDirectory()
{
    QTemporaryDir dir;
    QTemporaryDir shots;
    const auto run = runProcess(
        builtExecutable(QStringLiteral("pos")),
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--autopilot"), shots.path()}, 90s);
    QVERIFY2(run.exitCode == 0, run.standardError.constData());
    QVERIFY(run.standardError.contains(
        QByteArray("ledger open: " + dir.filePath(QStringLiteral("pos.db")).toUtf8())));
    QFile ledger(dir.filePath(QStringLiteral("pos.db")));
    QVERIFY(ledger.open(QIODevice::ReadOnly));
    QVERIFY(ledger.read(16).startsWith("SQLite format 3"));
    // The daily backup is made as soon as the ledger is open.
    const QString backup =
        dir.filePath(QStringLiteral("backups/ledger-%1.db").arg(QDate::currentDate().toString(Qt::ISODate)));
    QVERIFY2(QFile::exists(backup), run.standardError.constData());
}

// Never a silent new database: a damaged ledger stays byte-identical and the problem is reported.
void tst_PosProcess::damagedLedgerIsKeptAndReported()
{
    QTemporaryDir dir;
    QTemporaryDir shots;
    QFile damaged(dir.filePath(QStringLiteral("pos.db")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    QByteArray garbage(16384, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>((i * 131 + 7) % 251);
    damaged.write(garbage);
    damaged.close();
    const auto run = runProcess(builtExecutable(QStringLiteral("pos")),
                                {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--language"),
                                 QStringLiteral("en"), QStringLiteral("--autopilot"), shots.path()},
                                90s);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.standardError.contains("damaged"), run.standardError.constData());
    QVERIFY(run.standardError.contains("pos-tool ledger restore"));
    QVERIFY(damaged.open(QIODevice::ReadOnly));
    QCOMPARE(damaged.readAll(), garbage);
}

void tst_PosProcess::demoSimulatorsShutDownCleanly()
{
    QTemporaryDir shots;
    const auto run = runProcess(builtExecutable(QStringLiteral("pos")),
                                {QStringLiteral("--demo"), QStringLiteral("--autopilot"), shots.path()}, 90s);
    QCOMPARE(run.exitCode, 0);
    for (const char* name : {"acquirer", "pinpad", "printer"}) {
        const QByteArray line = QByteArray("simulator \"") + name + "\" exited with 0";
        QVERIFY2(run.standardError.contains(line), line.constData());
    }
}

void tst_PosProcess::demoSimulatorsDieWithACrashedPos()
{
    QTemporaryDir dir;
    auto pos = startProcess(builtExecutable(QStringLiteral("pos")),
                            {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dir.path()});
    const QList<qint64> pids = waitForSimulatorPids(*pos);
    QCOMPARE(pids.size(), 3);
    for (qint64 pid : pids)
        QVERIFY(isProcessAlive(pid));
    ::kill(static_cast<pid_t>(pos->processId()), SIGKILL);
    QVERIFY(pos->waitForFinished(5000));
    for (qint64 pid : pids)
        QTRY_VERIFY_WITH_TIMEOUT(!isProcessAlive(pid), 5000);
}

// Negative control for the test above: with the guard withheld, the same crash leaves orphans behind,
// and the liveness check sees them.
void tst_PosProcess::orphanCheckDetectsUnguardedSimulators()
{
    QTemporaryDir dir;
    auto pos = startProcess(builtExecutable(QStringLiteral("pos")),
                            {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dir.path()},
                            {QStringLiteral("POS_DEMO_ORPHAN_GUARD=off")});
    const QList<qint64> pids = waitForSimulatorPids(*pos);
    QCOMPARE(pids.size(), 3);
    ::kill(static_cast<pid_t>(pos->processId()), SIGKILL);
    QVERIFY(pos->waitForFinished(5000));
    QTest::qWait(1000);
    int survivors = 0;
    for (qint64 pid : pids) {
        if (isProcessAlive(pid))
            ++survivors;
        ::kill(static_cast<pid_t>(pid), SIGKILL);
    }
    QCOMPARE(survivors, 3);
}

QTEST_GUILESS_MAIN(tst_PosProcess)
#include "tst_pos_process.moc"
