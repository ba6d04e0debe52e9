// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/PrinterStatus.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QImage>
#include <QRegularExpression>
#include <QSerialPort>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// pos-printer-sim as a process over TCP and over a real pty: a sample receipt becomes job files, DLE EOT is
// answered, and after "paper out" on stdin the status says so and nothing is printed.
namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray sampleReceipt()
{
    return readFile(QStringLiteral(POS_TEST_DATA_DIR "/receipts/sample-58mm.bin"));
}

// One host connection to the emulator, TCP or serial, with blocking helpers for the test.
class HostLink
{
public:
    virtual ~HostLink() = default;
    virtual QIODevice& device() = 0;

    bool send(const QByteArray& bytes)
    {
        if (device().write(bytes) != bytes.size())
            return false;
        while (device().bytesToWrite() > 0) {
            if (!device().waitForBytesWritten(5000))
                return false;
        }
        return true;
    }

    // Reads until count bytes arrived or the timeout passed.
    QByteArray receive(qsizetype count, std::chrono::milliseconds timeout = 5s)
    {
        QDeadlineTimer deadline(timeout);
        QByteArray bytes;
        while (bytes.size() < count && !deadline.hasExpired()) {
            if (device().bytesAvailable() == 0)
                device().waitForReadyRead(
                    static_cast<int>(std::clamp<qint64>(deadline.remainingTime(), 1, 100)));
            bytes += device().read(count - bytes.size());
        }
        return bytes;
    }
};

class TcpLink final : public HostLink
{
public:
    bool open(const QString& where)
    {
        const QStringList parts = where.split(u':');
        m_socket.connectToHost(QHostAddress(parts.value(0)), parts.value(1).toUShort());
        return m_socket.waitForConnected(5000);
    }
    QIODevice& device() override { return m_socket; }

private:
    QTcpSocket m_socket;
};

class SerialLink final : public HostLink
{
public:
    bool open(const QString& path)
    {
        m_port.setPortName(path);
        m_port.setBaudRate(QSerialPort::Baud9600);
        return m_port.open(QIODevice::ReadWrite);
    }
    QIODevice& device() override { return m_port; }

private:
    QSerialPort m_port;
};

} // namespace

class tst_PrinterSimProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void printsSampleReceipt_data();
    void printsSampleReceipt();
    void paperOutStopsPrinting_data();
    void paperOutStopsPrinting();
    void startStateAndFaultsFromOptions();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void posToolRendersSample_data();
    void posToolRendersSample();
    void posToolRenderUsage();

private:
    // Starts pos-printer-sim (pty or TCP) and opens the host side; "" on failure (the test has failed).
    bool start(bool pty, const QStringList& extra = {});
    QString jobPath(int number, const QString& suffix) const
    {
        return QDir(m_dir->filePath(u"jobs"_qs))
            .filePath(u"job-%1.%2"_qs.arg(number, 4, 10, QLatin1Char('0')).arg(suffix));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<HostLink> m_link;
};

void tst_PrinterSimProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_PrinterSimProcess::cleanup()
{
    m_link.reset();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
    }
    m_process.reset();
}

bool tst_PrinterSimProcess::start(bool pty, const QStringList& extra)
{
    QStringList args{pty ? u"--pty"_qs : u"--tcp"_qs};
    if (!pty)
        args << u"0"_qs;
    args << u"--out"_qs << m_dir->filePath(u"jobs"_qs) << u"--profile"_qs << u"58mm"_qs << extra;
    m_process = pos::test::startProcess(pos::test::builtExecutable(u"pos-printer-sim"_qs), args);
    if (m_process->state() != QProcess::Running)
        return false;
    const QString where = pos::test::waitForLine(
        *m_process, pty ? u"^listening pty (/dev/.+)$"_qs : u"^listening (127\\.0\\.0\\.1:\\d+)$"_qs, 10s);
    if (where.isEmpty()) {
        qWarning() << "no readiness line; stderr:" << m_process->readAllStandardError();
        return false;
    }
    if (pty) {
        auto link = std::make_unique<SerialLink>();
        if (!link->open(where))
            return false;
        m_link = std::move(link);
    } else {
        auto link = std::make_unique<TcpLink>();
        if (!link->open(where))
            return false;
        m_link = std::move(link);
    }
    return true;
}

void tst_PrinterSimProcess::printsSampleReceipt_data()
{
    QTest::addColumn<bool>("pty");
    QTest::newRow("tcp") << false;
    QTest::newRow("pty") << true;
}

void tst_PrinterSimProcess::printsSampleReceipt()
{
    QFETCH(bool, pty);
    QVERIFY(start(pty));
    const QByteArray receipt = sampleReceipt();
    QVERIFY(!receipt.isEmpty());
    QVERIFY(m_link->send(receipt + pos::devices::dleEotQuery(1)));
    const QByteArray reply = m_link->receive(1);
    QCOMPARE(reply.size(), 1);
    pos::devices::PrinterStatus status;
    POS_VERIFY_RESULT(pos::devices::applyDleEotReply(1, quint8(reply.at(0)), status));
    QVERIFY(!status.offline);

    // The job ends at the cut (plus the FS . after it), without closing the connection.
    QCOMPARE(pos::test::waitForLine(*m_process, u"^(job .*)$"_qs, 10s),
             u"job %1 %2"_qs.arg(jobPath(1, u"bin"_qs)).arg(receipt.size()));
    QCOMPARE(readFile(jobPath(1, u"bin"_qs)), receipt);
    const QImage image(jobPath(1, u"png"_qs));
    QCOMPARE(image.width(), 384);
    const QStringList text = QString::fromUtf8(readFile(jobPath(1, u"txt"_qs))).split(u'\n');
    QVERIFY(text.contains(u"好又多便利店"_qs));
    QVERIFY(text.contains(u"[QR: https://pos.example.cn/r/S0728-0042]"_qs));
}

void tst_PrinterSimProcess::paperOutStopsPrinting_data()
{
    printsSampleReceipt_data();
}

void tst_PrinterSimProcess::paperOutStopsPrinting()
{
    QFETCH(bool, pty);
    QVERIFY(start(pty));
    m_process->write("paper out\n");
    QCOMPARE(pos::test::waitForLine(*m_process, u"^(state .*)$"_qs, 5s), u"state paper out"_qs);

    const QByteArray receipt = sampleReceipt();
    QVERIFY(m_link->send(receipt + pos::devices::dleEotQuery(4)));
    const QByteArray reply = m_link->receive(1);
    QCOMPARE(reply.size(), 1);
    pos::devices::PrinterStatus status;
    POS_VERIFY_RESULT(pos::devices::applyDleEotReply(4, quint8(reply.at(0)), status));
    QVERIFY(status.paperEnd);
    QCOMPARE(pos::test::waitForLine(*m_process, u"^lost (\\d+)$"_qs, 5s), QString::number(receipt.size()));

    // Paper back in: the next receipt prints, and it is job 1 (nothing was stored while out of paper).
    m_process->write("paper in\n");
    QCOMPARE(pos::test::waitForLine(*m_process, u"^(state .*)$"_qs, 5s), u"state paper in"_qs);
    QVERIFY(m_link->send(receipt + pos::devices::dleEotQuery(4)));
    QCOMPARE(m_link->receive(1), QByteArray(1, '\x12'));
    QCOMPARE(pos::test::waitForLine(*m_process, u"^(job .*)$"_qs, 10s),
             u"job %1 %2"_qs.arg(jobPath(1, u"bin"_qs)).arg(receipt.size()));
}

void tst_PrinterSimProcess::startStateAndFaultsFromOptions()
{
    QVERIFY(start(false, {u"--state"_qs, u"cover-open"_qs, u"--faults"_qs, u"disconnect@5"_qs}));
    QVERIFY(m_link->send(pos::devices::dleEotQuery(2)));
    const QByteArray reply = m_link->receive(1);
    QCOMPARE(reply.size(), 1);
    pos::devices::PrinterStatus status;
    POS_VERIFY_RESULT(pos::devices::applyDleEotReply(2, quint8(reply.at(0)), status));
    QVERIFY(status.coverOpen);
    auto& socket = static_cast<QTcpSocket&>(m_link->device());
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    QVERIFY(m_link->send("abc"_ba)); // bytes 4-6: the emulator hangs up at byte 5
    QVERIFY(closed.count() > 0 || closed.wait(5000));
}

void tst_PrinterSimProcess::rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("profile") << QStringList{u"--profile"_qs, u"76mm"_qs};
    QTest::newRow("state") << QStringList{u"--state"_qs, u"jammed"_qs};
    QTest::newRow("faults") << QStringList{u"--faults"_qs, u"paper-out"_qs};
    QTest::newRow("tcp and pty") << QStringList{u"--tcp"_qs, u"0"_qs, u"--pty"_qs};
}

void tst_PrinterSimProcess::rejectsBadOptions()
{
    QFETCH(QStringList, args);
    const pos::test::RunResult result =
        pos::test::runProcess(pos::test::builtExecutable(u"pos-printer-sim"_qs),
                              args << u"--out"_qs << m_dir->filePath(u"jobs"_qs), 10s);
    QCOMPARE(result.timedOut, false);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(!result.standardOutput.contains("listening"));
}

void tst_PrinterSimProcess::posToolRendersSample_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("width");
    QTest::newRow("58mm") << u"58mm"_qs << 384;
    QTest::newRow("80mm") << u"80mm"_qs << 576;
}

// receipt sample -> printer render: the bytes pos-tool makes, drawn by pos-tool.
void tst_PrinterSimProcess::posToolRendersSample()
{
    QFETCH(QString, profile);
    QFETCH(int, width);
    const QString tool = pos::test::builtExecutable(u"pos-tool"_qs);
    const QString bin = m_dir->filePath(u"sample.bin"_qs);
    const QString png = m_dir->filePath(u"sample.png"_qs);
    const QString txt = m_dir->filePath(u"sample.txt"_qs);
    const pos::test::RunResult sample = pos::test::runProcess(
        tool, {u"receipt"_qs, u"sample"_qs, u"--profile"_qs, profile, u"--out"_qs, bin}, 30s);
    QCOMPARE(sample.exitCode, 0);
    const pos::test::RunResult rendered =
        pos::test::runProcess(tool,
                              {u"printer"_qs, u"render"_qs, u"--in"_qs, bin, u"--png"_qs, png, u"--text"_qs,
                               txt, u"--profile"_qs, profile},
                              30s, {u"QT_QPA_PLATFORM"_qs}); // unset: pos-tool picks offscreen by itself
    QCOMPARE(rendered.exitCode, 0);
    QVERIFY2(rendered.standardOutput.startsWith("rendered "), rendered.standardOutput.constData());
    QCOMPARE(QImage(png).width(), width);
    const QString text = QString::fromUtf8(readFile(txt));
    QVERIFY(text.startsWith(u"[IMAGE 96x48]\n好又多便利店\n"_qs));
    QVERIFY(text.endsWith(u"[CUT]\n"_qs));
}

void tst_PrinterSimProcess::posToolRenderUsage()
{
    const pos::test::RunResult missing =
        pos::test::runProcess(pos::test::builtExecutable(u"pos-tool"_qs),
                              {u"printer"_qs, u"render"_qs, u"--in"_qs, u"x.bin"_qs}, 30s);
    QCOMPARE(missing.exitCode, 2);
    const pos::test::RunResult unreadable = pos::test::runProcess(
        pos::test::builtExecutable(u"pos-tool"_qs),
        {u"printer"_qs, u"render"_qs, u"--in"_qs, m_dir->filePath(u"none.bin"_qs), u"--png"_qs,
         m_dir->filePath(u"o.png"_qs), u"--text"_qs, m_dir->filePath(u"o.txt"_qs)},
        30s);
    QCOMPARE(unreadable.exitCode, 1);
    QVERIFY(!QFile::exists(m_dir->filePath(u"o.png"_qs)));
}

QTEST_GUILESS_MAIN(tst_PrinterSimProcess)
#include "tst_printer_sim_process.moc"
