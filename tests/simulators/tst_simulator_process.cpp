// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <csignal>
#include <memory>

#include <unistd.h>

using namespace std::chrono_literals;

namespace {

const QString AcquirerSim = QStringLiteral("pos-acquirer-sim");
const QString PrinterSim = QStringLiteral("pos-printer-sim");
const QString PinPadSim = QStringLiteral("pos-pinpad-sim");

} // namespace

class tst_SimulatorProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void announcesListeningAndAcceptsConnection_data();
    void announcesListeningAndAcceptsConnection();
    void rejectsInvalidPort_data();
    void rejectsInvalidPort();
    void exitsCleanlyWhenStdinCloses_data();
    void exitsCleanlyWhenStdinCloses();
    void ignoresStdinWithoutParentPid_data();
    void ignoresStdinWithoutParentPid();
    void exitsWhenParentPidIsNotItsParent_data();
    void exitsWhenParentPidIsNotItsParent();
    void exitsCleanlyOnTerminationSignal_data();
    void exitsCleanlyOnTerminationSignal();

    void printerStoresJobBytes();
    void printerAnswersStatusRequestOutsideJob_data();
    void printerAnswersStatusRequestOutsideJob();
    void printerNumbersJobs();

    void acquirerClosesConnectionOnOversizeFrame_data();
    void acquirerClosesConnectionOnOversizeFrame();

    void pinPadKeepsConnectionsOpen();

private:
    QString jobsDir() const { return m_dir->filePath(QStringLiteral("jobs")); }
    QStringList argsFor(const QString& simulator, const QStringList& extra = {}) const;
    // Starts simulator as m_process and waits for its first stdout line; fails the test unless it is the
    // readiness line.
    QProcess* startSimulator(const QString& simulator, const QStringList& extra = {});
    static void addSimulatorRows();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

namespace {

// Waits (running the event loop) until the process's stderr, accumulated in seen, contains needle.
bool waitForStandardError(QProcess& process,
                          QByteArray& seen,
                          const QByteArray& needle,
                          std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    for (;;) {
        seen += process.readAllStandardError();
        if (seen.contains(needle))
            return true;
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(10);
    }
}

bool connectTo(QTcpSocket& socket, quint16 port)
{
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    return socket.waitForConnected(5000);
}

bool writeAll(QTcpSocket& socket, const QByteArray& bytes)
{
    if (socket.write(bytes) != bytes.size())
        return false;
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(5000))
            return false;
    }
    return true;
}

} // namespace

void tst_SimulatorProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_port = 0;
}

void tst_SimulatorProcess::cleanup()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
    }
    m_process.reset();
}

QStringList tst_SimulatorProcess::argsFor(const QString& simulator, const QStringList& extra) const
{
    QStringList args = extra;
    // The printer never writes into the test's working folder.
    if (simulator == PrinterSim)
        args << QStringLiteral("--out") << jobsDir();
    return args;
}

QProcess* tst_SimulatorProcess::startSimulator(const QString& simulator, const QStringList& extra)
{
    // pos.sim debug output carries the connection events some tests wait for.
    m_process = pos::test::startProcess(pos::test::builtExecutable(simulator), argsFor(simulator, extra),
                                        {QStringLiteral("QT_LOGGING_RULES=pos.sim.debug=true")});
    QProcess* process = m_process.get();
    if (process->state() != QProcess::Running) {
        QTest::qFail(qPrintable(simulator + QStringLiteral(" did not start: ") + process->errorString()),
                     __FILE__, __LINE__);
        return process;
    }
    const QString firstLine = pos::test::waitForLine(*process, QStringLiteral("^(.*)$"), 10s);
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^listening 127\\.0\\.0\\.1:(\\d+)$")).match(firstLine);
    if (!match.hasMatch()) {
        QTest::qFail(
            qPrintable(QStringLiteral("first stdout line of %1 is \"%2\"; stderr: %3")
                           .arg(simulator, firstLine, QString::fromUtf8(process->readAllStandardError()))),
            __FILE__, __LINE__);
        return process;
    }
    m_port = match.captured(1).toUShort();
    return process;
}

void tst_SimulatorProcess::addSimulatorRows()
{
    QTest::addColumn<QString>("simulator");
    for (const QString& simulator : {AcquirerSim, PrinterSim, PinPadSim})
        QTest::newRow(qPrintable(simulator)) << simulator;
}

void tst_SimulatorProcess::announcesListeningAndAcceptsConnection_data()
{
    addSimulatorRows();
}

void tst_SimulatorProcess::announcesListeningAndAcceptsConnection()
{
    QFETCH(QString, simulator);
    startSimulator(simulator);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_port != 0);

    QTcpSocket socket;
    QVERIFY2(connectTo(socket, m_port), qPrintable(socket.errorString()));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void tst_SimulatorProcess::rejectsInvalidPort_data()
{
    addSimulatorRows();
}

void tst_SimulatorProcess::rejectsInvalidPort()
{
    QFETCH(QString, simulator);
    const pos::test::RunResult result =
        pos::test::runProcess(pos::test::builtExecutable(simulator),
                              argsFor(simulator, {QStringLiteral("--port"), QStringLiteral("70000")}), 10s);
    QCOMPARE(result.timedOut, false);
    QCOMPARE(result.crashed, false);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.standardOutput, QByteArray());
}

void tst_SimulatorProcess::exitsCleanlyWhenStdinCloses_data()
{
    addSimulatorRows();
}

void tst_SimulatorProcess::exitsCleanlyWhenStdinCloses()
{
    QFETCH(QString, simulator);
    QProcess* process = startSimulator(
        simulator, {QStringLiteral("--parent-pid"), QString::number(QCoreApplication::applicationPid())});
    if (QTest::currentTestFailed())
        return;

    process->closeWriteChannel();
    QVERIFY2(process->waitForFinished(5000), "still running 5 s after its stdin was closed");
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
}

void tst_SimulatorProcess::ignoresStdinWithoutParentPid_data()
{
    addSimulatorRows();
}

void tst_SimulatorProcess::ignoresStdinWithoutParentPid()
{
    QFETCH(QString, simulator);
    QProcess* process = startSimulator(simulator);
    if (QTest::currentTestFailed())
        return;

    process->closeWriteChannel();
    // Nothing to wait for but the absence of an exit; a simulator watching stdin quits within milliseconds.
    QVERIFY(!process->waitForFinished(300));
    QTcpSocket socket;
    QVERIFY2(connectTo(socket, m_port), qPrintable(socket.errorString()));
    QVERIFY(pos::test::isProcessAlive(process->processId()));
}

void tst_SimulatorProcess::exitsWhenParentPidIsNotItsParent_data()
{
    addSimulatorRows();
}

void tst_SimulatorProcess::exitsWhenParentPidIsNotItsParent()
{
    QFETCH(QString, simulator);
    // The test's own parent is alive but is not the simulator's parent: the check is about parenthood.
    const QString notTheParent = QString::number(::getppid());
    const pos::test::RunResult result =
        pos::test::runProcess(pos::test::builtExecutable(simulator),
                              argsFor(simulator, {QStringLiteral("--parent-pid"), notTheParent}), 10s);
    QCOMPARE(result.timedOut, false);
    QCOMPARE(result.crashed, false);
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(!result.standardOutput.contains("listening"), result.standardOutput.constData());
}

void tst_SimulatorProcess::exitsCleanlyOnTerminationSignal_data()
{
    QTest::addColumn<QString>("simulator");
    QTest::addColumn<int>("signalNumber");
    for (const QString& simulator : {AcquirerSim, PrinterSim, PinPadSim}) {
        QTest::addRow("%s SIGTERM", qPrintable(simulator)) << simulator << SIGTERM;
        QTest::addRow("%s SIGINT", qPrintable(simulator)) << simulator << SIGINT;
    }
}

void tst_SimulatorProcess::exitsCleanlyOnTerminationSignal()
{
    QFETCH(QString, simulator);
    QFETCH(int, signalNumber);
    QProcess* process = startSimulator(simulator);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(::kill(static_cast<pid_t>(process->processId()), signalNumber), 0);
    QVERIFY2(process->waitForFinished(5000), "still running 5 s after the signal");
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
}

void tst_SimulatorProcess::printerStoresJobBytes()
{
    QProcess* process = startSimulator(PrinterSim);
    if (QTest::currentTestFailed())
        return;
    const QByteArray job = QByteArrayLiteral("\x1b@Receipt 1\n\x00\xff\x10\x05\x1dV\x00");

    QTcpSocket socket;
    QVERIFY2(connectTo(socket, m_port), qPrintable(socket.errorString()));
    QVERIFY(writeAll(socket, job));
    socket.disconnectFromHost();

    const QString expectedPath = QDir(jobsDir()).filePath(QStringLiteral("job-0001.bin"));
    QCOMPARE(pos::test::waitForLine(*process, QStringLiteral("^(job .*)$"), 5s),
             QStringLiteral("job %1 %2").arg(expectedPath).arg(job.size()));
    QFile stored(expectedPath);
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), job);
}

void tst_SimulatorProcess::printerAnswersStatusRequestOutsideJob_data()
{
    QTest::addColumn<char>("n");
    for (char n = 1; n <= 4; ++n)
        QTest::addRow("DLE EOT %d", n) << n;
}

void tst_SimulatorProcess::printerAnswersStatusRequestOutsideJob()
{
    QFETCH(char, n);
    QProcess* process = startSimulator(PrinterSim);
    if (QTest::currentTestFailed())
        return;

    QTcpSocket socket;
    QVERIFY2(connectTo(socket, m_port), qPrintable(socket.errorString()));
    QVERIFY(writeAll(socket, QByteArrayLiteral("before\x10\x04") + n + QByteArrayLiteral("after")));
    QSignalSpy replied(&socket, &QTcpSocket::readyRead);
    QVERIFY(socket.bytesAvailable() > 0 || replied.wait(5000));
    QCOMPARE(socket.readAll(), QByteArray(1, '\x12'));
    socket.disconnectFromHost();

    const QString expectedPath = QDir(jobsDir()).filePath(QStringLiteral("job-0001.bin"));
    QCOMPARE(pos::test::waitForLine(*process, QStringLiteral("^(job .*)$"), 5s),
             QStringLiteral("job %1 11").arg(expectedPath));
    QFile stored(expectedPath);
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), QByteArrayLiteral("beforeafter"));
}

void tst_SimulatorProcess::printerNumbersJobs()
{
    QProcess* process = startSimulator(PrinterSim);
    if (QTest::currentTestFailed())
        return;

    for (const QByteArray& job : {QByteArrayLiteral("first"), QByteArrayLiteral("second job")}) {
        QTcpSocket socket;
        QVERIFY2(connectTo(socket, m_port), qPrintable(socket.errorString()));
        QVERIFY(writeAll(socket, job));
        socket.disconnectFromHost();
        QVERIFY(!pos::test::waitForLine(*process, QStringLiteral("^(job .*)$"), 5s).isEmpty());
    }
    QFile second(QDir(jobsDir()).filePath(QStringLiteral("job-0002.bin")));
    QVERIFY(second.open(QIODevice::ReadOnly));
    QCOMPARE(second.readAll(), QByteArrayLiteral("second job"));
}

// The acquirer simulator serves TLS since the card host exists; its frames are tested over TLS in
// tst_acquirer_sim_process.

void tst_SimulatorProcess::acquirerClosesConnectionOnOversizeFrame_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("0xFFFF") << QByteArrayLiteral("\xff\xff");
    QTest::newRow("8193") << QByteArrayLiteral("\x20\x01");
}

void tst_SimulatorProcess::acquirerClosesConnectionOnOversizeFrame()
{
    QFETCH(QByteArray, header);
    QProcess* process = startSimulator(AcquirerSim);
    if (QTest::currentTestFailed())
        return;

    QTcpSocket socket;
    QVERIFY2(connectTo(socket, m_port), qPrintable(socket.errorString()));
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    // Only the header: a frame of acceptable length would keep the connection open waiting for its body.
    QVERIFY(writeAll(socket, header));
    QVERIFY(closed.count() > 0 || closed.wait(5000));
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(process->state(), QProcess::Running);
}

void tst_SimulatorProcess::pinPadKeepsConnectionsOpen()
{
    QProcess* process = startSimulator(PinPadSim);
    if (QTest::currentTestFailed())
        return;

    QTcpSocket first;
    QTcpSocket second;
    QVERIFY2(connectTo(first, m_port), qPrintable(first.errorString()));
    QVERIFY2(connectTo(second, m_port), qPrintable(second.errorString()));
    QSignalSpy secondClosed(&second, &QTcpSocket::disconnected);
    QByteArray standardError;
    QVERIFY2(waitForStandardError(*process, standardError, "connection 2 opened", 5s),
             standardError.constData());

    first.disconnectFromHost();
    QVERIFY2(waitForStandardError(*process, standardError, "connection 1 closed, 1 open", 5s),
             standardError.constData());
    QCOMPARE(secondClosed.count(), 0);
    QCOMPARE(second.state(), QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(tst_SimulatorProcess)
#include "tst_simulator_process.moc"
