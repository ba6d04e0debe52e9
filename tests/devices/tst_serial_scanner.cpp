// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Serial barcode scanners: the line splitting on its own (data-driven), then SerialScanner over a real
// pseudo-terminal pair opened through ByteTransport ("serial:/dev/pts/N"), the test writing the scanner's
// bytes into the master side.
#include "devices/scanner/SerialScanner.h"
#include "devices/transport/ByteTransport.h"
#include "support/TestSupport.h"

#include <QSignalSpy>

#include <cerrno>
#include <cstdlib>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::devices;

namespace {

// A pty pair: the test writes into master; the slave path is the "scanner's" serial port. A raw-mode
// keeper descriptor on the slave keeps the line discipline from translating CR or echoing.
class PtyPair
{
public:
    PtyPair()
    {
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
            return;
        const char* name = ::ptsname(m_master);
        if (!name)
            return;
        m_slavePath = QString::fromLocal8Bit(name);
        m_keeper = ::open(name, O_RDWR | O_NOCTTY);
        termios raw{};
        if (m_keeper >= 0 && ::tcgetattr(m_keeper, &raw) == 0) {
            ::cfmakeraw(&raw);
            (void)::tcsetattr(m_keeper, TCSANOW, &raw);
        }
    }
    ~PtyPair()
    {
        if (m_keeper >= 0)
            ::close(m_keeper);
        if (m_master >= 0)
            ::close(m_master);
    }
    Q_DISABLE_COPY_MOVE(PtyPair)

    bool isOpen() const { return m_master >= 0 && m_keeper >= 0; }
    QString slavePath() const { return m_slavePath; }
    bool write(const QByteArray& bytes)
    {
        return ::write(m_master, bytes.constData(), static_cast<size_t>(bytes.size())) == bytes.size();
    }

private:
    int m_master = -1;
    int m_keeper = -1;
    QString m_slavePath;
};

} // namespace

class tst_SerialScanner final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsLines_data();
    void splitsLines();
    void scansOverARealPty_data();
    void scansOverARealPty();
    void overlongLineIsDroppedOverAPty();
};

void tst_SerialScanner::splitsLines_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("dropped");

    QTest::newRow("CR") << QByteArrayList{"6901234567892\r"} << QStringList{u"6901234567892"_qs} << 0;
    QTest::newRow("LF") << QByteArrayList{"ABC-123\n"} << QStringList{u"ABC-123"_qs} << 0;
    QTest::newRow("CR LF is one code") << QByteArrayList{"12345678\r\n"} << QStringList{u"12345678"_qs} << 0;
    QTest::newRow("CR LF split across reads")
        << QByteArrayList{"1234", "5678\r", "\n9999\r\n"} << QStringList{u"12345678"_qs, u"9999"_qs} << 0;
    QTest::newRow("two codes in one read")
        << QByteArrayList{"111\r222\r"} << QStringList{u"111"_qs, u"222"_qs} << 0;
    QTest::newRow("no terminator yet") << QByteArrayList{"123456"} << QStringList{} << 0;
    QTest::newRow("empty lines are skipped") << QByteArrayList{"\r\n\r\n\n"} << QStringList{} << 0;
    QTest::newRow("UTF-8 QR content")
        << QByteArrayList{QByteArray("\xE4\xB8\xAD\xE6\x96\x87\n")} << QStringList{u"中文"_qs} << 0;
    QTest::newRow("exactly the limit is kept")
        << QByteArrayList{QByteArray(16, '7') + "\r"} << QStringList{QString(16, u'7')} << 0;
    QTest::newRow("one over the limit is dropped, the next line is kept")
        << QByteArrayList{QByteArray(17, '7') + "\r\n", "42\r\n"} << QStringList{u"42"_qs} << 1;
    QTest::newRow("an overlong line split across reads is dropped whole")
        << QByteArrayList{QByteArray(10, '1'), QByteArray(10, '2'), "tail\rok\r"} << QStringList{u"ok"_qs}
        << 1;
}

void tst_SerialScanner::splitsLines()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, expected);
    QFETCH(int, dropped);
    ScanLineBuffer lines(16);
    QStringList codes;
    for (const QByteArray& chunk : chunks)
        codes += lines.append(chunk);
    QCOMPARE(codes, expected);
    QCOMPARE(lines.droppedLines(), dropped);
}

void tst_SerialScanner::scansOverARealPty_data()
{
    QTest::addColumn<QByteArrayList>("writes");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("EAN-13 with CR") << QByteArrayList{"6901234567892\r"} << QStringList{u"6901234567892"_qs};
    QTest::newRow("two codes, CR LF, in pieces") << QByteArrayList{"69012", "34567892\r", "\nABC-42\r\n"}
                                                 << QStringList{u"6901234567892"_qs, u"ABC-42"_qs};
    QTest::newRow("no terminator: nothing") << QByteArrayList{"6901234567892"} << QStringList{};
}

void tst_SerialScanner::scansOverARealPty()
{
    QFETCH(QByteArrayList, writes);
    QFETCH(QStringList, expected);
    PtyPair pty;
    QVERIFY(pty.isOpen());
    Result<std::unique_ptr<ByteTransport>> transport = ByteTransport::open(u"serial:"_qs + pty.slavePath());
    POS_VERIFY_RESULT(transport);
    SerialScanner scanner(*transport.value());
    QSignalSpy scanned(&scanner, &SerialScanner::scanned);
    for (const QByteArray& bytes : writes) {
        QVERIFY(pty.write(bytes));
        QTest::qWait(20); // separate reads on the port side
    }
    if (expected.isEmpty()) {
        QVERIFY(!scanned.wait(300));
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), expected.size(), 5000);
    QStringList codes;
    for (const QList<QVariant>& arguments : scanned)
        codes << arguments.first().toString();
    QCOMPARE(codes, expected);
}

void tst_SerialScanner::overlongLineIsDroppedOverAPty()
{
    PtyPair pty;
    QVERIFY(pty.isOpen());
    Result<std::unique_ptr<ByteTransport>> transport = ByteTransport::open(u"serial:"_qs + pty.slavePath());
    POS_VERIFY_RESULT(transport);
    SerialScanner scanner(*transport.value(), SerialScanner::Config{32});
    QSignalSpy scanned(&scanner, &SerialScanner::scanned);
    QTest::ignoreMessage(QtWarningMsg, "scanner: dropped 1 line(s) longer than the limit");
    QVERIFY(pty.write(QByteArray(100, 'X') + "\r\n" + "12345\r\n"));
    QVERIFY(scanned.wait(5000));
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned.first().first().toString(), u"12345"_qs);
}

QTEST_GUILESS_MAIN(tst_SerialScanner)
#include "tst_serial_scanner.moc"
