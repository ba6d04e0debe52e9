// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// CardHostSession over plain TCP on 127.0.0.1 (the session takes any QTcpSocket): framing, pipelining and
// what each injected fault does on the wire and in the host ledger.
#include "simulators/SimTestTerminal.h"
#include "simulators/acquirer/CardHost.h"
#include "simulators/acquirer/CardHostSession.h"
#include "simulators/acquirer/DemoTerminal.h"
#include "simulators/acquirer/FaultInjector.h"
#include "simulators/acquirer/HostLedger.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pos;
using namespace pos::acquirer;
using namespace pos::sim;
using namespace pos::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString demoTid = QString::fromLatin1(demoTerminalId);
const QString demoMid = QString::fromLatin1(demoMerchantId);

// One client connection and everything it received.
struct Client
{
    QTcpSocket socket;
    QByteArray received;
    bool closed = false;

    explicit Client(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { closed = true; });
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    }

    // Complete frames received so far, decoded; stops at the first incomplete or bad one.
    QList<IsoMessage> frames(const Iso8583Codec& codec) const
    {
        QList<IsoMessage> messages;
        FrameReassembler reassembler;
        const auto bodies = reassembler.feed(received);
        if (!bodies)
            return messages;
        for (const QByteArray& body : bodies.value()) {
            const auto message = codec.decode(body);
            if (message)
                messages.append(message.value());
        }
        return messages;
    }
};

} // namespace

class tst_CardHostSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void answersPipelinedRequestsInOrder();
    void undecodableInputClosesTheConnection();
    void dropRequestIgnoresTheRequest();
    void dropResponseCommitsWithoutReply();
    void delayHoldsReplyAndLaterRequests();
    void lateReplyFollowsTheReversal();
    void duplicateWritesReplyTwice();
    void disconnectMidFrameSendsHalf();
    void badMacCorruptsTheMac();
    void responseCodeFaultsSkipProcessing_data();
    void responseCodeFaultsSkipProcessing();

private:
    void
    startHost(const QString& spec, const QStringList& mtis = {}, std::chrono::milliseconds delay = 300ms);
    std::unique_ptr<Client> connectedClient();
    IsoMessage signedOnSale(Client& client, qint64 amount = 1000);
    qint64 count(const QString& sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HostLedger> m_ledger;
    std::unique_ptr<CardHost> m_host;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<QTcpServer> m_server;
    std::unique_ptr<SimTestTerminal> m_terminal;
};

void tst_CardHostSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = HostLedger::open(m_dir->path());
    POS_VERIFY_RESULT(opened);
    m_ledger = std::move(opened).value();
    HostTerminal terminal;
    terminal.tid = demoTid;
    terminal.mid = demoMid;
    terminal.merchantName = u"Test"_qs;
    terminal.tmk = QByteArray::fromHex(demoTmkHex);
    terminal.singleLimitFen = 5'000'000;
    terminal.dailyLimitFen = 20'000'000;
    POS_VERIFY_RESULT(m_ledger->upsertTerminal(terminal));
    m_host = std::make_unique<CardHost>(*m_ledger);
    m_terminal = std::make_unique<SimTestTerminal>(demoTid, demoMid, terminal.tmk);
}

void tst_CardHostSession::cleanup()
{
    m_server.reset(); // sockets (and their sessions) go with the server
    m_faults.reset();
    m_host.reset();
    m_ledger.reset();
    m_terminal.reset();
    m_dir.reset();
}

void tst_CardHostSession::startHost(const QString& spec,
                                    const QStringList& mtis,
                                    std::chrono::milliseconds delay)
{
    FaultConfig config;
    config.rules = parseFaultSpec(spec).value();
    config.delay = delay;
    if (!mtis.isEmpty())
        config.mtis = mtis;
    m_faults = std::make_unique<FaultInjector>(config);
    m_server = std::make_unique<QTcpServer>();
    int connections = 0;
    connect(m_server.get(), &QTcpServer::newConnection, m_server.get(), [this, connections]() mutable {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            socket->setParent(m_server.get());
            new CardHostSession(*socket, ++connections, *m_host, *m_ledger,
                                m_faults->isActive() ? m_faults.get() : nullptr);
        }
    });
    QVERIFY(m_server->listen(QHostAddress(QHostAddress::LocalHost), 0));
}

std::unique_ptr<Client> tst_CardHostSession::connectedClient()
{
    auto client = std::make_unique<Client>(m_server->serverPort());
    if (!client->socket.waitForConnected(5000))
        qWarning("client did not connect");
    return client;
}

IsoMessage tst_CardHostSession::signedOnSale(Client& client, qint64 amount)
{
    if (!m_terminal->layout) {
        client.socket.write(m_terminal->frame(m_terminal->signOn()));
        QDeadlineTimer deadline(5s);
        while (client.frames(m_terminal->codec).isEmpty() && !deadline.hasExpired())
            QTest::qWait(10);
        const QList<IsoMessage> replies = client.frames(m_terminal->codec);
        if (replies.isEmpty() || !m_terminal->adoptSignOn(replies.first()))
            qWarning("sign-on failed");
        client.received.clear();
    }
    const auto card = findTestCardByLabel(u"magstripe-approve"_qs);
    return m_terminal->sale(*card, amount, {});
}

qint64 tst_CardHostSession::count(const QString& sql)
{
    const Result<qint64> value = m_ledger->database().queryInt64(sql);
    return value ? value.value() : -1;
}

void tst_CardHostSession::answersPipelinedRequestsInOrder()
{
    startHost(u"none"_qs);
    auto client = connectedClient();
    const IsoMessage first = signedOnSale(*client, 100);
    const IsoMessage second = m_terminal->sale(*findTestCardByLabel(u"lost"_qs), 200, {});
    client->socket.write(m_terminal->frame(first) + m_terminal->frame(second));
    QTRY_COMPARE_WITH_TIMEOUT(client->frames(m_terminal->codec).size(), 2, 5000);
    const QList<IsoMessage> replies = client->frames(m_terminal->codec);
    QCOMPARE(replies.at(0).digits(11), first.digits(11));
    QCOMPARE(replies.at(0).text(39), u"00"_qs);
    QCOMPARE(replies.at(1).digits(11), second.digits(11));
    QCOMPARE(replies.at(1).text(39), u"41"_qs);
    QCOMPARE(count(u"SELECT COUNT(*) FROM faults"_qs), qint64(0));
}

void tst_CardHostSession::undecodableInputClosesTheConnection()
{
    startHost(u"none"_qs);
    auto client = connectedClient();
    client->socket.write(QByteArray::fromHex("0004DEADBEEF"));
    QTRY_VERIFY_WITH_TIMEOUT(client->closed, 5000);
    QVERIFY(client->received.isEmpty());
}

void tst_CardHostSession::dropRequestIgnoresTheRequest()
{
    startHost(u"drop-request"_qs);
    auto client = connectedClient();
    const IsoMessage sale = signedOnSale(*client);
    client->socket.write(m_terminal->frame(sale));
    QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT COUNT(*) FROM faults WHERE name = 'drop-request'"_qs), qint64(1),
                              5000);
    QTest::qWait(200);
    QVERIFY(client->received.isEmpty());
    QVERIFY(!client->closed);
    QCOMPARE(count(u"SELECT COUNT(*) FROM transactions"_qs), qint64(0));
}

void tst_CardHostSession::dropResponseCommitsWithoutReply()
{
    startHost(u"drop-response"_qs);
    auto client = connectedClient();
    const IsoMessage sale = signedOnSale(*client);
    client->socket.write(m_terminal->frame(sale));
    QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT COUNT(*) FROM transactions WHERE state = 'approved'"_qs),
                              qint64(1), 5000);
    QTest::qWait(200);
    QVERIFY(client->received.isEmpty());
    QCOMPARE(count(u"SELECT COUNT(*) FROM faults WHERE name = 'drop-response'"_qs), qint64(1));
}

void tst_CardHostSession::delayHoldsReplyAndLaterRequests()
{
    startHost(u"delay"_qs, {u"0200"_qs}, 600ms);
    auto client = connectedClient();
    const IsoMessage sale = signedOnSale(*client);
    const IsoMessage echo = m_terminal->management(u"301"_qs);
    client->socket.write(m_terminal->frame(sale) + m_terminal->frame(echo));
    QTest::qWait(300);
    QVERIFY(client->received.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(client->frames(m_terminal->codec).size(), 2, 5000);
    QCOMPARE(client->frames(m_terminal->codec).at(0).mti(), u"0210"_qs);
    QCOMPARE(client->frames(m_terminal->codec).at(1).mti(), u"0830"_qs);
}

void tst_CardHostSession::lateReplyFollowsTheReversal()
{
    startHost(u"late-after-reversal"_qs, {u"0200"_qs});
    auto client = connectedClient();
    const IsoMessage sale = signedOnSale(*client);
    client->socket.write(m_terminal->frame(sale));
    QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT COUNT(*) FROM transactions"_qs), qint64(1), 5000);
    QTest::qWait(200);
    QVERIFY(client->received.isEmpty());

    auto reversing = connectedClient();
    reversing->socket.write(m_terminal->frame(m_terminal->reversalOf(sale, u"98"_qs)));
    QTRY_COMPARE_WITH_TIMEOUT(reversing->frames(m_terminal->codec).size(), 1, 5000);
    QCOMPARE(reversing->frames(m_terminal->codec).first().mti(), u"0410"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(client->frames(m_terminal->codec).size(), 1, 5000);
    const IsoMessage late = client->frames(m_terminal->codec).first();
    QCOMPARE(late.mti(), u"0210"_qs);
    QCOMPARE(late.digits(11), sale.digits(11));
    QCOMPARE(count(u"SELECT COUNT(*) FROM transactions WHERE state = 'reversed'"_qs), qint64(1));
}

void tst_CardHostSession::duplicateWritesReplyTwice()
{
    startHost(u"duplicate"_qs);
    auto client = connectedClient();
    client->socket.write(m_terminal->frame(signedOnSale(*client)));
    QTRY_COMPARE_WITH_TIMEOUT(client->frames(m_terminal->codec).size(), 2, 5000);
    const QList<IsoMessage> replies = client->frames(m_terminal->codec);
    QCOMPARE(replies.at(0), replies.at(1));
    QCOMPARE(count(u"SELECT COUNT(*) FROM transactions"_qs), qint64(1));
}

void tst_CardHostSession::disconnectMidFrameSendsHalf()
{
    startHost(u"disconnect-mid-frame"_qs);
    auto client = connectedClient();
    client->socket.write(m_terminal->frame(signedOnSale(*client)));
    QTRY_VERIFY_WITH_TIMEOUT(client->closed, 5000);
    QVERIFY(client->received.size() > 2);
    QVERIFY(client->frames(m_terminal->codec).isEmpty());
    const qsizetype announced =
        (static_cast<uchar>(client->received.at(0)) << 8) | static_cast<uchar>(client->received.at(1));
    QCOMPARE(client->received.size(), (announced + 2) / 2);
    QCOMPARE(count(u"SELECT COUNT(*) FROM transactions"_qs), qint64(1));
}

void tst_CardHostSession::badMacCorruptsTheMac()
{
    startHost(u"bad-mac"_qs);
    auto client = connectedClient();
    client->socket.write(m_terminal->frame(signedOnSale(*client)));
    QTRY_COMPARE_WITH_TIMEOUT(client->frames(m_terminal->codec).size(), 1, 5000);
    const IsoMessage reply = client->frames(m_terminal->codec).first();
    QCOMPARE(reply.text(39), u"00"_qs);
    QCOMPARE(reply.field(64).size(), 8);
    QVERIFY(reply.field(64) != m_terminal->macOf(reply));
}

void tst_CardHostSession::responseCodeFaultsSkipProcessing_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rc68") << u"rc68"_qs << u"68"_qs;
    QTest::newRow("rc91") << u"rc91"_qs << u"91"_qs;
    QTest::newRow("rc96") << u"rc96"_qs << u"96"_qs;
    QTest::newRow("rcA0") << u"rcA0"_qs << u"A0"_qs;
}

void tst_CardHostSession::responseCodeFaultsSkipProcessing()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    startHost(spec);
    auto client = connectedClient();
    const IsoMessage sale = signedOnSale(*client);
    client->socket.write(m_terminal->frame(sale));
    QTRY_COMPARE_WITH_TIMEOUT(client->frames(m_terminal->codec).size(), 1, 5000);
    const IsoMessage reply = client->frames(m_terminal->codec).first();
    QCOMPARE(reply.text(39), expected);
    QVERIFY(!reply.hasField(64));
    QCOMPARE(count(u"SELECT COUNT(*) FROM transactions"_qs), qint64(0));
    QCOMPARE(
        count(u"SELECT COUNT(*) FROM faults WHERE name = '%1' AND stan = '%2'"_qs.arg(spec, sale.digits(11))),
        qint64(1));
}

QTEST_GUILESS_MAIN(tst_CardHostSession)
#include "tst_card_host_session.moc"
