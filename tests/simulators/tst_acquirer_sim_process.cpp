// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The real pos-acquirer-sim process: readiness lines (card host, JSON API, CA), TLS with the pinned simulator
// CA on both listeners, sign-on and sale with
// a plain QSslSocket and the codec, a garbage fault, and "pos-tool sim acquirer-dump --json".
#include "simulators/SimTestTerminal.h"
#include "simulators/acquirer/DemoTerminal.h"
#include "simulators/acquirer/TestCards.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString demoTid = QString::fromLatin1(sim::demoTerminalId);
const QString demoMid = QString::fromLatin1(sim::demoMerchantId);

} // namespace

class tst_AcquirerSimProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void announcesListeningApiThenCa_data();
    void announcesListeningApiThenCa();
    void apiAnswersOverPinnedTls();
    void signOnAndSaleOverTls();
    void plainTcpClientIsRefused();
    void rejectsInvalidOptions_data();
    void rejectsInvalidOptions();
    void registersGivenTerminalInsteadOfDemo();
    void garbageFaultIsSentAndRecorded();

private:
    bool startSimulator(const QStringList& extra = {}, const QString& program = u"pos-acquirer-sim"_qs);
    bool connectTls(QSslSocket& socket, quint16 port = 0); // 0: the card host
    // Writes request and reads one response frame; empty on timeout or when the host closed first.
    QByteArray exchange(QSslSocket& socket, const QByteArray& request);
    QJsonObject dump();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    quint16 m_apiPort = 0;
    QString m_caPath;
};

void tst_AcquirerSimProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_AcquirerSimProcess::cleanup()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
    }
    m_process.reset();
    m_dir.reset();
}

bool tst_AcquirerSimProcess::startSimulator(const QStringList& extra, const QString& program)
{
    QStringList args = extra;
    args << u"--data-dir"_qs << m_dir->path();
    QStringList command = args;
    QString executable = builtExecutable(program);
    if (program == QLatin1String("pos-tool")) {
        command.prepend(u"acquirer"_qs);
        command.prepend(u"sim"_qs);
    }
    m_process = startProcess(executable, command);
    if (m_process->state() != QProcess::Running) {
        qWarning("%s did not start", qPrintable(program));
        return false;
    }
    const QString first = waitForLine(*m_process, u"^(.*)$"_qs, 20s);
    const QRegularExpressionMatch listening =
        QRegularExpression(u"^listening 127\\.0\\.0\\.1:(\\d+)$"_qs).match(first);
    if (!listening.hasMatch()) {
        qWarning("first line \"%s\"; stderr: %s", qPrintable(first),
                 m_process->readAllStandardError().constData());
        return false;
    }
    m_port = listening.captured(1).toUShort();
    const QString second = waitForLine(*m_process, u"^(.*)$"_qs, 5s);
    const QRegularExpressionMatch api =
        QRegularExpression(u"^api https://127\\.0\\.0\\.1:(\\d+)/$"_qs).match(second);
    if (!api.hasMatch()) {
        qWarning("second line \"%s\"", qPrintable(second));
        return false;
    }
    m_apiPort = api.captured(1).toUShort();
    const QString third = waitForLine(*m_process, u"^(.*)$"_qs, 5s);
    if (!third.startsWith(u"ca "_qs)) {
        qWarning("third line \"%s\"", qPrintable(third));
        return false;
    }
    m_caPath = third.mid(3);
    return true;
}

bool tst_AcquirerSimProcess::connectTls(QSslSocket& socket, quint16 port)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(m_caPath));
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(configuration);
    socket.connectToHostEncrypted(u"127.0.0.1"_qs, port == 0 ? m_port : port);
    if (!socket.waitForEncrypted(10000)) {
        qWarning("TLS failed: %s", qPrintable(socket.errorString()));
        return false;
    }
    return true;
}

QByteArray tst_AcquirerSimProcess::exchange(QSslSocket& socket, const QByteArray& request)
{
    socket.write(request);
    FrameReassembler reassembler;
    QDeadlineTimer deadline(10s);
    while (!deadline.hasExpired()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(200)) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                return {};
            continue;
        }
        const Result<QList<QByteArray>> frames = reassembler.feed(socket.readAll());
        if (!frames)
            return {};
        if (!frames.value().isEmpty()) {
            const Result<QByteArray> frame = FrameCodec().wrap(frames.value().first());
            return frame ? frame.value() : QByteArray();
        }
    }
    return {};
}

QJsonObject tst_AcquirerSimProcess::dump()
{
    const RunResult result =
        runProcess(builtExecutable(u"pos-tool"_qs),
                   {u"sim"_qs, u"acquirer-dump"_qs, u"--data-dir"_qs, m_dir->path(), u"--json"_qs}, 30s);
    if (result.exitCode != 0)
        qWarning("acquirer-dump failed: %s", result.standardError.constData());
    return QJsonDocument::fromJson(result.standardOutput).object();
}

void tst_AcquirerSimProcess::announcesListeningApiThenCa_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("pos-acquirer-sim") << u"pos-acquirer-sim"_qs;
    QTest::newRow("pos-tool sim acquirer") << u"pos-tool"_qs;
}

void tst_AcquirerSimProcess::announcesListeningApiThenCa()
{
    QFETCH(QString, program);
    QVERIFY(startSimulator({}, program));
    QVERIFY(m_port != 0);
    QVERIFY(m_apiPort != 0);
    QVERIFY(m_apiPort != m_port);
    QCOMPARE(m_caPath, QDir(m_dir->path()).filePath(u"ca.pem"_qs));
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_caPath);
    QCOMPARE(ca.size(), 1);
    QSslSocket socket;
    QVERIFY(connectTls(socket));
}

// An unsigned request over TLS pinned to the announced CA: the API answers 401 KEY_UNKNOWN (unsigned).
void tst_AcquirerSimProcess::apiAnswersOverPinnedTls()
{
    QVERIFY(startSimulator());
    QSslSocket socket;
    QVERIFY(connectTls(socket, m_apiPort));
    socket.write("GET /v1/qr/bill?date=2026-01-01 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray received;
    QDeadlineTimer deadline(10s);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(200);
        received += socket.readAll();
    }
    received += socket.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 401 "), received.constData());
    QVERIFY(received.contains("\"KEY_UNKNOWN\""));
}

void tst_AcquirerSimProcess::signOnAndSaleOverTls()
{
    QVERIFY(startSimulator());
    QSslSocket socket;
    QVERIFY(connectTls(socket));
    SimTestTerminal terminal(demoTid, demoMid, QByteArray::fromHex(sim::demoTmkHex));

    const Result<IsoMessage> signOn =
        terminal.codec.decodeFrame(exchange(socket, terminal.frame(terminal.signOn())));
    POS_VERIFY_RESULT(signOn);
    QCOMPARE(signOn.value().text(39), u"00"_qs);
    QVERIFY(terminal.adoptSignOn(signOn.value()));

    const sim::TestCard card = *sim::findTestCardByLabel(u"magstripe-approve"_qs);
    SimTestTerminal::SaleOptions options;
    options.pin = card.pin;
    const IsoMessage sale = terminal.sale(card, 12345, options);
    const Result<IsoMessage> response = terminal.codec.decodeFrame(exchange(socket, terminal.frame(sale)));
    POS_VERIFY_RESULT(response);
    QCOMPARE(response.value().mti(), u"0210"_qs);
    QCOMPARE(response.value().text(39), u"00"_qs);
    QCOMPARE(response.value().field(64), terminal.macOf(response.value()));

    const QJsonArray transactions = dump().value(u"transactions"_qs).toArray();
    QCOMPARE(transactions.size(), 1);
    const QJsonObject stored = transactions.first().toObject();
    QCOMPARE(stored.value(u"stan"_qs).toString(), sale.digits(11));
    QCOMPARE(stored.value(u"amount_fen"_qs).toInteger(), 12345);
    QCOMPARE(stored.value(u"state"_qs).toString(), u"approved"_qs);
    QCOMPARE(stored.value(u"rrn"_qs).toString(), response.value().text(37));
    QCOMPARE(stored.value(u"pan_masked"_qs).toString(), u"622588******3118"_qs);
    const QByteArray whole = QJsonDocument(dump()).toJson();
    QVERIFY2(!whole.contains(card.pan.toLatin1()), "the dump must never carry a full PAN");
    QVERIFY(!whole.contains(QByteArray(sim::demoTmkHex)));
}

void tst_AcquirerSimProcess::plainTcpClientIsRefused()
{
    QVERIFY(startSimulator());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
    QVERIFY(socket.waitForConnected(5000));
    // A cleartext sale frame (a terminal that forgot TLS): refused by the handshake, its content never
    // logged.
    SimTestTerminal terminal(demoTid, demoMid, QByteArray::fromHex(sim::demoTmkHex));
    terminal.layout = WorkKeyLayout::TripleDes003;
    const sim::TestCard card = *sim::findTestCardByLabel(u"magstripe-approve-2"_qs);
    IsoMessage sale = terminal.sale(card, 100, {});
    sale.removeField(64);
    socket.write(terminal.frame(sale));
    QDeadlineTimer deadline(10s);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
        socket.waitForReadyRead(200);
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(m_process->state(), QProcess::Running);
    QTest::qWait(200);
    const QByteArray standardError = m_process->readAllStandardError();
    QVERIFY2(!standardError.contains(card.pan.toLatin1()), "frame content must never be logged");
}

void tst_AcquirerSimProcess::rejectsInvalidOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown fault") << QStringList{u"--faults"_qs, u"explode"_qs};
    QTest::newRow("probabilities above 1") << QStringList{u"--faults"_qs, u"delay=0.7,garbage=0.7"_qs};
    QTest::newRow("bad seed") << QStringList{u"--seed"_qs, u"-1"_qs};
    QTest::newRow("bad fault MTI") << QStringList{u"--fault-mtis"_qs, u"02000"_qs};
    QTest::newRow("bad terminal") << QStringList{u"--terminal"_qs, u"1,2,3"_qs};
    QTest::newRow("bad limit") << QStringList{u"--single-limit-fen"_qs, u"0"_qs};
    QTest::newRow("unknown option") << QStringList{u"--no-such-option"_qs};
    QTest::newRow("unknown API fault") << QStringList{u"--api-faults"_qs, u"http-418:0.5"_qs};
    QTest::newRow("API faults above 1") << QStringList{u"--api-faults"_qs, u"delay:0.6,http-500:0.6"_qs};
    QTest::newRow("bad API fault path") << QStringList{u"--api-fault-paths"_qs, u"qr/pay"_qs};
    QTest::newRow("bad review delay") << QStringList{u"--review-delay-ms"_qs, u"soon"_qs};
}

void tst_AcquirerSimProcess::rejectsInvalidOptions()
{
    QFETCH(QStringList, args);
    const RunResult result = runProcess(builtExecutable(u"pos-acquirer-sim"_qs), args, 20s);
    QCOMPARE(result.timedOut, false);
    QCOMPARE(result.crashed, false);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.standardOutput, QByteArray());
    QVERIFY(!result.standardError.isEmpty());
}

void tst_AcquirerSimProcess::registersGivenTerminalInsteadOfDemo()
{
    QVERIFY(
        startSimulator({u"--terminal"_qs, u"20000001,898100012340002,00112233445566778899AABBCCDDEEFF,sm4"_qs,
                        u"--daily-limit-fen"_qs, u"123"_qs}));
    const QJsonArray terminals = dump().value(u"terminals"_qs).toArray();
    QCOMPARE(terminals.size(), 1);
    const QJsonObject terminal = terminals.first().toObject();
    QCOMPARE(terminal.value(u"tid"_qs).toString(), u"20000001"_qs);
    QCOMPARE(terminal.value(u"tmk_scheme"_qs).toString(), u"sm4"_qs);
    QCOMPARE(terminal.value(u"daily_limit_fen"_qs).toInteger(), 123);
    QVERIFY(!terminal.contains(u"tmk_hex"_qs));
}

void tst_AcquirerSimProcess::garbageFaultIsSentAndRecorded()
{
    QVERIFY(startSimulator({u"--faults"_qs, u"garbage"_qs, u"--seed"_qs, u"7"_qs}));
    QSslSocket socket;
    QVERIFY(connectTls(socket));
    SimTestTerminal terminal(demoTid, demoMid, QByteArray::fromHex(sim::demoTmkHex));
    // 0800 is not in the default fault MTIs.
    const Result<IsoMessage> signOn =
        terminal.codec.decodeFrame(exchange(socket, terminal.frame(terminal.signOn())));
    POS_VERIFY_RESULT(signOn);
    QVERIFY(terminal.adoptSignOn(signOn.value()));

    const IsoMessage sale = terminal.sale(*sim::findTestCardByLabel(u"magstripe-approve-2"_qs), 500, {});
    socket.write(terminal.frame(sale));
    QByteArray received;
    QDeadlineTimer deadline(10s);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(200);
        received += socket.readAll();
    }
    received += socket.readAll();
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(received.size() >= 16 && received.size() <= 64, qPrintable(QString::number(received.size())));
    QVERIFY(!terminal.codec.decodeFrame(received));

    const QJsonObject ledger = dump();
    const QJsonArray faults = ledger.value(u"faults"_qs).toArray();
    QCOMPARE(faults.size(), 1);
    QCOMPARE(faults.first().toObject().value(u"name"_qs).toString(), u"garbage"_qs);
    QCOMPARE(faults.first().toObject().value(u"stan"_qs).toString(), sale.digits(11));
    QCOMPARE(faults.first().toObject().value(u"mti"_qs).toString(), u"0200"_qs);
    // garbage is applied after processing: the sale itself was decided and committed.
    const QJsonArray transactions = ledger.value(u"transactions"_qs).toArray();
    QCOMPARE(transactions.size(), 1);
    QCOMPARE(transactions.first().toObject().value(u"stan"_qs).toString(), sale.digits(11));
}

QTEST_GUILESS_MAIN(tst_AcquirerSimProcess)
#include "tst_acquirer_sim_process.moc"
