// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// kill -9 of the terminal during the onboarding submission and during each step of the activation
// (journey-crash-child, wired like the app, against the real simulator, the PIN pad emulator over a pty and
// a real ledger file), then restarts until it reports done: the restart resumes at the step that was stored,
// the acquirer has exactly one application and one terminal, at most one approved activation, and no
// approval the terminal does not know about (an activation in flight at the kill is reversed).
#include "support/CardLinkFixture.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::test;

namespace {

const QString childProgram = QStringLiteral(POS_BINARY_DIR "/tests/journey-crash-child");

// What one child run printed and how it ended.
struct ChildRun
{
    QStringList lines;
    bool killed = false;
    bool done = false;
    int exitCode = -1;
    QString standardError;

    // The first word after prefix on a line starting with it ("resumed-step tmk_loaded" → "tmk_loaded").
    QString value(const QString& prefix) const
    {
        for (const QString& line : lines) {
            if (line.startsWith(prefix + u' '))
                return line.mid(prefix.size() + 1);
        }
        return {};
    }
};

// Decides, after the kill line was printed, when to kill (returns true to kill now).
using KillWhen = std::function<bool()>;

} // namespace

class tst_JourneyCrash final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_padProcess;
    QString m_padPty;
    int m_round = 0;

    bool startPad(const QString& dataDir)
    {
        m_padProcess =
            startProcess(builtExecutable(u"pos-pinpad-sim"_qs), {u"--pty"_qs, u"--data-dir"_qs, dataDir});
        if (!m_padProcess)
            return false;
        m_padPty = waitForLine(*m_padProcess, u"^listening pty (.+)$"_qs, std::chrono::seconds(20));
        return !m_padPty.isEmpty();
    }

    QStringList childArgs(const CardLinkFixture& host, const QString& dir, const QString& mode) const
    {
        QStringList args{u"--ledger"_qs, dir + u"/ledger.db"_qs,
                         u"--keys"_qs,   dir + u"/keys"_qs,
                         u"--api"_qs,    host.apiUrl(),
                         u"--ca"_qs,     host.caPath(),
                         u"--mode"_qs,   mode};
        if (mode == u"activate"_qs)
            args << u"--card-port"_qs << QString::number(host.hostPort()) << u"--pad"_qs << m_padPty;
        return args;
    }

    // Runs the child until it exits, or kills it (SIGKILL) once it printed killAfter and killWhen agrees.
    static ChildRun runChild(const QStringList& args,
                             const QString& killAfter = {},
                             const KillWhen& killWhen = {},
                             int timeoutMs = 60000)
    {
        ChildRun run;
        QProcess child;
        child.setProgram(childProgram);
        child.setArguments(args);
        child.start();
        if (!child.waitForStarted(10000))
            return run;
        QDeadlineTimer deadline(timeoutMs);
        bool armed = false;
        while (!deadline.hasExpired()) {
            if (armed && (!killWhen || killWhen())) {
                child.kill();
                child.waitForFinished(10000);
                run.killed = true;
                break;
            }
            if (!child.canReadLine() && !child.waitForReadyRead(armed ? 20 : 100)) {
                if (child.state() == QProcess::NotRunning)
                    break;
                continue;
            }
            while (child.canReadLine()) {
                const QString line = QString::fromUtf8(child.readLine()).trimmed();
                run.lines.append(line);
                run.done = run.done || line == u"done"_qs;
                if (!killAfter.isEmpty() && line == killAfter && !armed) {
                    armed = true;
                    break; // the rest stays unread: the kill decision comes first
                }
            }
        }
        if (!run.killed) {
            if (!child.waitForFinished(deadline.hasExpired() ? 1000 : 30000)) {
                child.kill();
                child.waitForFinished(5000);
            }
            while (child.canReadLine()) {
                const QString line = QString::fromUtf8(child.readLine()).trimmed();
                run.lines.append(line);
                run.done = run.done || line == u"done"_qs;
            }
            run.exitCode = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
        }
        run.standardError = QString::fromUtf8(child.readAllStandardError());
        return run;
    }

    // Restarts the child (no kill) until it reports done; the runs are returned (at most maxRuns).
    static QList<ChildRun> runUntilDone(const QStringList& args, int maxRuns = 4)
    {
        QList<ChildRun> runs;
        while (runs.size() < maxRuns) {
            runs.append(runChild(args));
            if (runs.last().done)
                break;
        }
        return runs;
    }

    static QString why(const QList<ChildRun>& runs)
    {
        QStringList text;
        for (const ChildRun& run : runs)
            text << run.lines.join(u" | "_qs) + u" || stderr: "_qs + run.standardError.right(600);
        return text.join(u"\n"_qs);
    }

    static QJsonArray rows(const CardLinkFixture& host, const QString& table)
    {
        return host.hostDump().value(table).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(childProgram), qPrintable(childProgram));
    }
    void cleanup() { m_padProcess.reset(); }

    void killDuringSubmissionMakesOneApplication_data()
    {
        QTest::addColumn<QString>("killAfter");
        QTest::addColumn<int>("killDelayMs"); // after the line, to land while its request is in flight
        QTest::addColumn<QString>("resumedStatus");
        QTest::addColumn<int>("minUploaded"); // documents whose id was committed before the kill
        QTest::newRow("progress 1") << u"progress 1"_qs << 0 << u"submitting"_qs << 0;
        QTest::newRow("progress 2") << u"progress 2"_qs << 0 << u"submitting"_qs << 1;
        QTest::newRow("progress 3") << u"progress 3"_qs << 0 << u"submitting"_qs << 2;
        QTest::newRow("progress 4") << u"progress 4"_qs << 0 << u"submitting"_qs << 3;
        QTest::newRow("progress 4 +40 ms") << u"progress 4"_qs << 40 << u"submitting"_qs << 3;
        QTest::newRow("status submitted") << u"status submitted"_qs << 0 << u"submitted"_qs << 3;
    }
    void killDuringSubmissionMakesOneApplication()
    {
        QFETCH(QString, killAfter);
        QFETCH(int, killDelayMs);
        QFETCH(QString, resumedStatus);
        QFETCH(int, minUploaded);
        // One simulator per row: the acquirer refuses a second application of the same merchant (licence).
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"300"_qs}));
        const QString dir = m_dir.filePath(u"onboard-%1"_qs.arg(++m_round));
        QVERIFY(QDir().mkpath(dir));
        const QStringList args = childArgs(host, dir, u"onboard"_qs);
        const qsizetype before = rows(host, u"applications"_qs).size();

        QDeadlineTimer delay;
        const ChildRun killed = runChild(args, killAfter, [&delay, killDelayMs] {
            if (delay.isForever())
                delay.setRemainingTime(killDelayMs);
            return delay.hasExpired();
        });
        QVERIFY2(killed.killed, qPrintable(why({killed})));
        QVERIFY(!killed.done);

        const QList<ChildRun> runs = runUntilDone(args);
        QVERIFY2(runs.last().done, qPrintable(why(runs)));
        // Negative control: the kill landed mid-way, the restart found the submission where it was stopped.
        const QStringList resumed = runs.first().value(u"resumed-status"_qs).split(u' ');
        QCOMPARE(resumed.size(), 2);
        QCOMPARE(resumed.at(0), resumedStatus);
        QVERIFY2(resumed.at(1).toInt() >= minUploaded && resumed.at(1).toInt() <= minUploaded + 1,
                 qPrintable(resumed.at(1)));

        const QJsonArray applications = rows(host, u"applications"_qs);
        QCOMPARE(applications.size(), before + 1);
        const QJsonObject application = applications.last().toObject();
        QCOMPARE(application.value(u"status"_qs).toString(), u"approved"_qs);
        int sameReference = 0;
        for (const QJsonValue& row : applications)
            sameReference +=
                row.toObject().value(u"client_reference"_qs) == application.value(u"client_reference"_qs);
        QCOMPARE(sameReference, 1);
    }

    void killDuringActivationResumes_data()
    {
        QTest::addColumn<QString>("killAfter");
        QTest::addColumn<bool>("inFlight"); // killed while the first swipe's request is at the host
        QTest::addColumn<QString>("resumedStep");
        QTest::newRow("registering") << u"step registering"_qs << false << u"registering"_qs;
        QTest::newRow("terminal_registered")
            << u"step terminal_registered"_qs << false << u"terminal_registered"_qs;
        QTest::newRow("tmk_loaded") << u"step tmk_loaded"_qs << false << u"tmk_loaded"_qs;
        QTest::newRow("signed_on") << u"step signed_on"_qs << false << u"signed_on"_qs;
        QTest::newRow("first_swipe_approved")
            << u"step first_swipe_approved"_qs << false << u"first_swipe_approved"_qs;
        QTest::newRow("first swipe in flight") << u"swiping"_qs << true << u"signed_on"_qs;
    }
    void killDuringActivationResumes()
    {
        QFETCH(QString, killAfter);
        QFETCH(bool, inFlight);
        QFETCH(QString, resumedStep);
        // One simulator per row: the PIN pad emulator's serial is bound to one terminal at the acquirer.
        CardLinkFixture host;
        QStringList simArgs{u"--review-delay-ms"_qs, u"0"_qs};
        if (inFlight) // the activation's reply is held, so the kill lands while it is outstanding
            simArgs << u"--faults"_qs << u"delay"_qs << u"--fault-mtis"_qs << u"0200"_qs
                    << u"--fault-delay-ms"_qs << u"2500"_qs;
        QVERIFY(host.startSimulator(simArgs));
        const QString dir = m_dir.filePath(u"activate-%1"_qs.arg(++m_round));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(startPad(dir + u"/pad"_qs));

        const QList<ChildRun> onboarded = runUntilDone(childArgs(host, dir, u"onboard"_qs), 1);
        QVERIFY2(onboarded.last().done, qPrintable(why(onboarded)));

        const QStringList args = childArgs(host, dir, u"activate"_qs);
        ChildRun killed;
        if (inFlight) {
            // Killed once the host has committed the activation and holds its reply.
            killed = runChild(args, killAfter, [&host] { return !rows(host, u"activations"_qs).isEmpty(); });
            QCOMPARE(rows(host, u"activations"_qs).size(), 1);
            QCOMPARE(rows(host, u"activations"_qs).first().toObject().value(u"state"_qs).toString(),
                     u"approved"_qs);
        } else {
            killed = runChild(args + QStringList{u"--hold-at"_qs, killAfter}, killAfter);
        }
        QVERIFY2(killed.killed, qPrintable(why({killed})));
        QVERIFY(!killed.done);

        const QList<ChildRun> runs = runUntilDone(args);
        QVERIFY2(runs.last().done, qPrintable(why(runs)));
        // Negative control: the restart resumed from the step the kill interrupted.
        QCOMPARE(runs.first().value(u"resumed-step"_qs), resumedStep);
        const QStringList terminal = runs.last().value(u"terminal"_qs).split(u' ');
        QCOMPARE(terminal.size(), 2);
        const QString tid = terminal.at(0);
        const QString mid = terminal.at(1);
        QCOMPARE(tid.size(), 8);

        // The stored step is activated: one more start reports it and has nothing left to do.
        const ChildRun again = runChild(args);
        QVERIFY2(again.done, qPrintable(why({again})));
        QCOMPARE(again.value(u"resumed-step"_qs), u"activated"_qs);
        QVERIFY(!again.lines.contains(u"swiping"_qs));

        const QJsonObject dump = host.hostDump();
        int terminals = 0;
        for (const QJsonValue& row : dump.value(u"terminals"_qs).toArray())
            terminals += row.toObject().value(u"mid"_qs).toString() == mid;
        QCOMPARE(terminals, 1);
        int approvedForTerminal = 0;
        int orphanApprovals = 0;
        for (const QJsonValue& value : dump.value(u"activations"_qs).toArray()) {
            const QJsonObject row = value.toObject();
            const bool approved = row.value(u"state"_qs).toString() == u"approved"_qs;
            if (row.value(u"tid"_qs).toString() == tid)
                approvedForTerminal += approved;
            else
                orphanApprovals += approved;
        }
        QCOMPARE(approvedForTerminal, 1);
        QCOMPARE(orphanApprovals, 0);
        if (inFlight) {
            // The approval in flight at the kill (its transaction) was reversed by the restart before the
            // swipe was repeated.
            int reversals = 0;
            for (const QJsonValue& value : dump.value(u"transactions"_qs).toArray()) {
                const QJsonObject row = value.toObject();
                reversals += row.value(u"tid"_qs).toString() == tid &&
                             row.value(u"kind"_qs).toString() == u"activation"_qs &&
                             row.value(u"state"_qs).toString() == u"reversed"_qs;
            }
            QVERIFY2(reversals >= 1, qPrintable(QString::fromUtf8(
                                         QJsonDocument(dump.value(u"transactions"_qs).toArray()).toJson())));
        }
    }
};

QTEST_GUILESS_MAIN(tst_JourneyCrash)
#include "tst_journey_crash.moc"
