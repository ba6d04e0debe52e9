// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// AcquirerLink against a real in-process TLS server on 127.0.0.1 (TlsSimulatorServer with SimulatorPki
// certificates) that echoes each frame or misbehaves: framing across reads, CA pinning, expiry, host name,
// plaintext peers, timeouts with late replies, busy refusal, keep-alive, client certificates, bad frames.
#include "acquirer/iso8583/FrameCodec.h"
#include "acquirer/link/AcquirerLink.h"
#include "simulators/SimulatorPki.h"
#include "simulators/TlsSimulatorServer.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace pos;
using namespace pos::acquirer;
using namespace pos::sim;
using namespace Qt::StringLiterals;

namespace {

enum class Behaviour {
    Echo,
    EchoOneByteWrites,  // the response arrives one byte per TLS record
    EchoPlusExtraFrame, // the response and a second frame in one write
    Silent,
    DelayedEcho, // echo after TestHost::replyDelayMs
    ZeroLength,  // a frame with length 0
    OversizedLength,
    CloseAfterRequest,
};

const QByteArray extraBody = QByteArrayLiteral("EXTRA-FRAME");

QByteArray frameOf(const QByteArray& body)
{
    return FrameCodec().wrap(body).value();
}

// A distinctive request, so a plaintext peer can be searched for it.
QByteArray requestFrame(int number = 1)
{
    return frameOf(QByteArrayLiteral("\x60\x00\x03\x00\x00") + "0800-REQUEST-MARKER-" +
                   QByteArray::number(number));
}

QSslConfiguration withProtocol(QSslConfiguration configuration, QSsl::SslProtocol protocol)
{
    configuration.setProtocol(protocol);
    return configuration;
}

// The acquirer side: a TLS server that answers each received frame as behaviour says.
struct TestHost
{
    TestHost(const IssuedCertificate& certificate,
             Behaviour hostBehaviour,
             QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater)
        : server(u"test-host"_qs, withProtocol(simulatorServerConfiguration(certificate), protocol))
        , behaviour(hostBehaviour)
    {
        server.setConnectionHandler([this](QSslSocket& socket, int) { attach(socket); });
    }

    bool listen() { return server.listen(0).hasValue(); }

    void attach(QSslSocket& socket)
    {
        auto reassembler = std::make_shared<FrameReassembler>();
        QObject::connect(&socket, &QSslSocket::readyRead, &socket, [this, &socket, reassembler] {
            const auto frames = reassembler->feed(socket.readAll());
            if (!frames) {
                socket.abort();
                return;
            }
            for (const QByteArray& body : frames.value()) {
                received << body;
                respond(socket, frameOf(body));
            }
        });
    }

    void respond(QSslSocket& socket, const QByteArray& frame)
    {
        switch (behaviour) {
        case Behaviour::Echo: socket.write(frame); break;
        case Behaviour::EchoOneByteWrites: {
            auto* timer = new QTimer(&socket);
            auto position = std::make_shared<qsizetype>(0);
            QObject::connect(timer, &QTimer::timeout, &socket, [&socket, timer, position, frame] {
                socket.write(frame.mid(*position, 1));
                if (++*position >= frame.size())
                    timer->stop();
            });
            timer->start(1);
            break;
        }
        case Behaviour::EchoPlusExtraFrame: socket.write(frame + frameOf(extraBody)); break;
        case Behaviour::Silent: break;
        case Behaviour::DelayedEcho:
            QTimer::singleShot(replyDelayMs, &socket, [this, &socket, frame] {
                if (socket.state() == QAbstractSocket::ConnectedState) {
                    socket.write(frame);
                    ++lateRepliesWritten;
                }
            });
            break;
        case Behaviour::ZeroLength: socket.write(QByteArray(2, '\0')); break;
        case Behaviour::OversizedLength:
            socket.write(QByteArrayLiteral("\xFF\xFF") + QByteArray(64, 'x'));
            break;
        case Behaviour::CloseAfterRequest: socket.disconnectFromHost(); break;
        }
    }

    TlsSimulatorServer server;
    Behaviour behaviour;
    int replyDelayMs = 0;
    int lateRepliesWritten = 0;
    QList<QByteArray> received; // request bodies the host read
};

// Collects the completions of one exchange.
struct Outcome
{
    int calls = 0;
    std::optional<Result<QByteArray>> result;

    AcquirerLink::Completion callback()
    {
        return [this](Result<QByteArray> r) {
            ++calls;
            result.emplace(std::move(r));
        };
    }
    bool wait(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return calls > 0; }, timeoutMs);
    }
    bool ok() const { return result && result->hasValue(); }
    ErrorCode code() const { return result->error().code; }
    LinkFailure cause() const { return linkFailureOf(result->error()); }
};

} // namespace

Q_DECLARE_METATYPE(Behaviour)
Q_DECLARE_METATYPE(pos::acquirer::LinkFailure)
Q_DECLARE_METATYPE(pos::ErrorCode)

class tst_AcquirerLink final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exchangeRoundTrip();
    void responseAcrossReads_data();
    void responseAcrossReads();
    void certificateChecks_data();
    void certificateChecks();
    void plaintextServerNeverSeesTheRequest();
    void responseTimeout_data();
    void responseTimeout();
    void nothingListeningIsNotSent();
    void secondExchangeWhileBusyIsRefused();
    void keepAliveReusesTheConnection_data();
    void keepAliveReusesTheConnection();
    void clientCertificate_data();
    void clientCertificate();
    void badResponseFrame_data();
    void badResponseFrame();
    void connectionClosedAfterRequest();
    void abortBeforeAndAfterWrite_data();
    void abortBeforeAndAfterWrite();
    void loadPinnedCaReportsBadFiles();

private:
    LinkConfig configFor(quint16 port) const;

    QTemporaryDir m_dir;
    IssuedCertificate m_ca;
    IssuedCertificate m_otherCa;
    IssuedCertificate m_server;
    IssuedCertificate m_expiredServer;
    IssuedCertificate m_futureServer;
    IssuedCertificate m_otherHostServer;
    IssuedCertificate m_client;
    IssuedCertificate m_otherCaClient;
};

void tst_AcquirerLink::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto issue = [](const IssuedCertificate& ca, const QString& cn, const QStringList& dns,
                          const QStringList& ips, qint64 notBefore, qint64 notAfter) {
        CertificateSpec spec;
        spec.commonName = cn;
        spec.dnsNames = dns;
        spec.ipAddresses = ips;
        spec.notBeforeSecs = notBefore;
        spec.notAfterSecs = notAfter;
        return issueServerCertificate(ca, spec);
    };
    auto ca = createCertificateAuthority(u"Test Acquirer CA"_qs, {});
    auto otherCa = createCertificateAuthority(u"Some Other CA"_qs, {});
    POS_VERIFY_RESULT(ca);
    POS_VERIFY_RESULT(otherCa);
    m_ca = ca.value();
    m_otherCa = otherCa.value();
    const QStringList local{u"127.0.0.1"_qs};
    const qint64 day = 86400;
    const auto server = issue(m_ca, u"host"_qs, {u"localhost"_qs}, local, -day, 30 * day);
    const auto expired = issue(m_ca, u"host"_qs, {}, local, -10 * day, -day);
    const auto future = issue(m_ca, u"host"_qs, {}, local, day, 10 * day);
    const auto otherHost = issue(m_ca, u"other.example"_qs, {u"other.example"_qs}, {}, -day, 30 * day);
    const auto client = issue(m_ca, u"terminal-0001"_qs, {}, {}, -day, 30 * day);
    const auto otherCaClient = issue(m_otherCa, u"terminal-0001"_qs, {}, {}, -day, 30 * day);
    for (const auto* result : {&server, &expired, &future, &otherHost, &client, &otherCaClient})
        POS_VERIFY_RESULT(*result);
    m_server = server.value();
    m_expiredServer = expired.value();
    m_futureServer = future.value();
    m_otherHostServer = otherHost.value();
    m_client = client.value();
    m_otherCaClient = otherCaClient.value();
}

LinkConfig tst_AcquirerLink::configFor(quint16 port) const
{
    LinkConfig config;
    config.host = u"127.0.0.1"_qs;
    config.port = port;
    config.pinnedCa = {m_ca.certificate};
    config.connectTimeoutMs = 3000;
    config.writeTimeoutMs = 1000;
    config.responseTimeoutMs = 1500;
    config.graceMs = 1000; // wide margins either side: a loaded machine delays the test host's timers
    return config;
}

void tst_AcquirerLink::exchangeRoundTrip()
{
    TestHost host(m_server, Behaviour::Echo);
    QVERIFY(host.listen());
    AcquirerLink link(configFor(host.server.serverPort()));
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QCOMPARE(outcome.calls, 0); // never synchronously
    QVERIFY(link.isBusy());
    QVERIFY(outcome.wait());
    POS_VERIFY_RESULT(*outcome.result);
    QCOMPARE(outcome.result->value(), requestFrame());
    QCOMPARE(host.received.size(), 1);
    QVERIFY(!link.isBusy());
    QTest::qWait(50);
    QCOMPARE(outcome.calls, 1);
}

void tst_AcquirerLink::responseAcrossReads_data()
{
    QTest::addColumn<Behaviour>("behaviour");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("extraFrameExpected");
    QTest::newRow("1-byte writes") << Behaviour::EchoOneByteWrites << false << false;
    QTest::newRow("two frames merged") << Behaviour::EchoPlusExtraFrame << false << false;
    QTest::newRow("two frames merged, keep-alive") << Behaviour::EchoPlusExtraFrame << true << true;
}

void tst_AcquirerLink::responseAcrossReads()
{
    QFETCH(Behaviour, behaviour);
    QFETCH(bool, keepAlive);
    QFETCH(bool, extraFrameExpected);
    TestHost host(m_server, behaviour);
    QVERIFY(host.listen());
    LinkConfig config = configFor(host.server.serverPort());
    config.keepAlive = keepAlive;
    AcquirerLink link(config);
    QSignalSpy unexpected(&link, &AcquirerLink::unexpectedFrame);
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QVERIFY(outcome.wait());
    POS_VERIFY_RESULT(*outcome.result);
    QCOMPARE(outcome.result->value(), requestFrame());
    QVERIFY(outcome.result->value() != frameOf(extraBody));
    QTest::qWait(100);
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(unexpected.size(), extraFrameExpected ? 1 : 0);
    if (extraFrameExpected)
        QCOMPARE(unexpected.at(0).at(0).toByteArray(), frameOf(extraBody));
}

void tst_AcquirerLink::certificateChecks_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("pinOtherCa");
    QTest::addColumn<QString>("expectedPeerName");
    QTest::addColumn<LinkFailure>("cause");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("trusted (control)")
        << u"server"_qs << false << QString() << LinkFailure::None << QString();
    QTest::newRow("wrong CA pinned") << u"server"_qs << true << QString() << LinkFailure::CertificateUntrusted
                                     << u"not trusted"_qs;
    QTest::newRow("expired") << u"expired"_qs << false << QString() << LinkFailure::CertificateExpired
                             << u"expired"_qs;
    QTest::newRow("not yet valid") << u"future"_qs << false << QString()
                                   << LinkFailure::CertificateNotYetValid << u"not valid yet"_qs;
    QTest::newRow("wrong host name") << u"otherHost"_qs << false << QString() << LinkFailure::HostNameMismatch
                                     << u"another host name"_qs;
    QTest::newRow("expected peer name matches (control)")
        << u"otherHost"_qs << false << u"other.example"_qs << LinkFailure::None << QString();
    QTest::newRow("expected peer name differs") << u"server"_qs << false << u"acquirer.example"_qs
                                                << LinkFailure::HostNameMismatch << u"another host name"_qs;
}

void tst_AcquirerLink::certificateChecks()
{
    QFETCH(QString, server);
    QFETCH(bool, pinOtherCa);
    QFETCH(QString, expectedPeerName);
    QFETCH(LinkFailure, cause);
    QFETCH(QString, messagePart);
    const QHash<QString, const IssuedCertificate*> servers{{u"server"_qs, &m_server},
                                                           {u"expired"_qs, &m_expiredServer},
                                                           {u"future"_qs, &m_futureServer},
                                                           {u"otherHost"_qs, &m_otherHostServer}};
    TestHost host(*servers.value(server), Behaviour::Echo);
    QVERIFY(host.listen());
    LinkConfig config = configFor(host.server.serverPort());
    if (pinOtherCa)
        config.pinnedCa = {m_otherCa.certificate};
    config.expectedPeerName = expectedPeerName;
    AcquirerLink link(config);
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QVERIFY(outcome.wait());
    if (cause == LinkFailure::None) {
        POS_VERIFY_RESULT(*outcome.result);
        QCOMPARE(host.received.size(), 1);
        return;
    }
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.code(), ErrorCode::NetworkFailure);
    QCOMPARE(outcome.cause(), cause);
    QVERIFY2(outcome.result->error().userMessage.contains(messagePart),
             qPrintable(outcome.result->error().userMessage));
    QVERIFY2(outcome.result->error().detail.contains(u"not sent"_qs),
             qPrintable(outcome.result->error().detail));
    QTest::qWait(100);
    QCOMPARE(host.received.size(), 0);
    QCOMPARE(host.server.acceptedConnectionCount(), 0);
}

void tst_AcquirerLink::plaintextServerNeverSeesTheRequest()
{
    QTcpServer plaintext;
    QVERIFY(plaintext.listen(QHostAddress::LocalHost));
    QByteArray seen;
    connect(&plaintext, &QTcpServer::newConnection, this, [&plaintext, &seen] {
        while (QTcpSocket* socket = plaintext.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &seen] { seen += socket->readAll(); });
            socket->write(frameOf("PLAINTEXT-HELLO")); // a plaintext host talks first
        }
    });

    AcquirerLink link(configFor(plaintext.serverPort()));
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.code(), ErrorCode::NetworkFailure);
    QCOMPARE(outcome.cause(), LinkFailure::TlsHandshakeFailed);
    QVERIFY(outcome.result->error().detail.contains(u"not sent"_qs));
    QTest::qWait(100);
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.at(0), '\x16'); // a TLS handshake record is all the server got
    QVERIFY(!seen.contains("REQUEST-MARKER"));

    // Control: the same server does see the marker when a client writes it in plaintext.
    seen.clear();
    QTcpSocket plainClient;
    plainClient.connectToHost(QHostAddress::LocalHost, plaintext.serverPort());
    QTRY_COMPARE(plainClient.state(), QAbstractSocket::ConnectedState);
    plainClient.write(requestFrame());
    QTRY_VERIFY(seen.contains("REQUEST-MARKER"));
}

void tst_AcquirerLink::responseTimeout_data()
{
    QTest::addColumn<int>("replyDelayMs");
    QTest::addColumn<bool>("delivered");
    // configFor(): response 1500 ms + grace 1000 ms
    QTest::newRow("reply inside the grace window (control)") << 1900 << true;
    QTest::newRow("reply after the grace window") << 3400 << false;
}

void tst_AcquirerLink::responseTimeout()
{
    QFETCH(int, replyDelayMs);
    QFETCH(bool, delivered);
    TestHost host(m_server, Behaviour::DelayedEcho);
    host.replyDelayMs = replyDelayMs;
    QVERIFY(host.listen());
    AcquirerLink link(configFor(host.server.serverPort()));
    QSignalSpy unexpected(&link, &AcquirerLink::unexpectedFrame);
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QVERIFY(outcome.wait(5000));
    QTest::qWait(replyDelayMs + 300 - 1500); // past the (late) reply
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(unexpected.size(), 0);
    QCOMPARE(host.received.size(), 1);
    if (delivered) {
        POS_VERIFY_RESULT(*outcome.result);
        QCOMPARE(outcome.result->value(), requestFrame());
        return;
    }
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.code(), ErrorCode::OutcomeUnknown);
    QCOMPARE(outcome.cause(), LinkFailure::ResponseTimeout);
    QCOMPARE(host.lateRepliesWritten, 0); // the connection was aborted before the reply
}

void tst_AcquirerLink::nothingListeningIsNotSent()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    AcquirerLink link(configFor(port));
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.code(), ErrorCode::NetworkFailure);
    QCOMPARE(outcome.cause(), LinkFailure::ConnectionRefused);
    QVERIFY(outcome.result->error().detail.contains(u"not sent"_qs));
}

void tst_AcquirerLink::secondExchangeWhileBusyIsRefused()
{
    TestHost host(m_server, Behaviour::DelayedEcho);
    host.replyDelayMs = 200;
    QVERIFY(host.listen());
    AcquirerLink link(configFor(host.server.serverPort()));
    Outcome first;
    Outcome second;
    link.exchange(requestFrame(1), this, first.callback());
    link.exchange(requestFrame(2), this, second.callback());
    QCOMPARE(second.calls, 0); // refused asynchronously
    QVERIFY(second.wait());
    QVERIFY(!second.ok());
    QCOMPARE(second.code(), ErrorCode::Internal);
    QCOMPARE(second.cause(), LinkFailure::Busy);
    QVERIFY(first.wait());
    POS_VERIFY_RESULT(*first.result); // the first exchange was not disturbed
    QCOMPARE(first.result->value(), requestFrame(1));
    QCOMPARE(host.received.size(), 1);

    // Control: once idle, the link accepts the next exchange.
    Outcome third;
    link.exchange(requestFrame(3), this, third.callback());
    QVERIFY(third.wait());
    POS_VERIFY_RESULT(*third.result);
}

void tst_AcquirerLink::keepAliveReusesTheConnection_data()
{
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<int>("connections");
    QTest::newRow("keep-alive") << true << 1;
    QTest::newRow("one connection per exchange") << false << 3;
}

void tst_AcquirerLink::keepAliveReusesTheConnection()
{
    QFETCH(bool, keepAlive);
    QFETCH(int, connections);
    TestHost host(m_server, Behaviour::Echo);
    QVERIFY(host.listen());
    LinkConfig config = configFor(host.server.serverPort());
    config.keepAlive = keepAlive;
    AcquirerLink link(config);
    for (int i = 1; i <= 3; ++i) {
        Outcome outcome;
        link.exchange(requestFrame(i), this, outcome.callback());
        QVERIFY(outcome.wait());
        POS_VERIFY_RESULT(*outcome.result);
        QCOMPARE(outcome.result->value(), requestFrame(i));
    }
    QCOMPARE(host.server.acceptedConnectionCount(), connections);
    QCOMPARE(link.connectionCount(), connections);
    QCOMPARE(link.isConnected(), keepAlive);
    QTRY_COMPARE(host.server.openConnectionCount(), keepAlive ? 1 : 0);
}

void tst_AcquirerLink::clientCertificate_data()
{
    QTest::addColumn<QSsl::SslProtocol>("protocol");
    QTest::addColumn<QString>("client");
    QTest::addColumn<bool>("accepted");
    const auto add = [](const char* version, QSsl::SslProtocol protocol) {
        QTest::addRow("%s: client certificate from the required CA", version)
            << protocol << u"client"_qs << true;
        QTest::addRow("%s: no client certificate", version) << protocol << QString() << false;
        QTest::addRow("%s: client certificate from another CA", version)
            << protocol << u"otherCa"_qs << false;
    };
    add("TLS 1.2", QSsl::TlsV1_2);
    add("TLS 1.3", QSsl::TlsV1_3);
}

// TLS 1.2: the client's handshake ends after the host checked the client certificate, so a refusal is a
// handshake failure (NetworkFailure, not sent). TLS 1.3: the client finishes its handshake first and writes;
// QSslServer then closes without a TLS alert, so the link cannot tell the refusal from a host closing after
// the request and reports OutcomeUnknown (a host sending the certificate alert gives
// ClientCertificateRejected). Either way the host never reads the request.
void tst_AcquirerLink::clientCertificate()
{
    QFETCH(QSsl::SslProtocol, protocol);
    QFETCH(QString, client);
    QFETCH(bool, accepted);
    TestHost host(m_server, Behaviour::Echo, protocol);
    host.server.setRequireClientCertificate({m_ca.certificate});
    QVERIFY(host.listen());
    LinkConfig config = configFor(host.server.serverPort());
    if (client == u"client"_qs) {
        config.clientCertificate = m_client.certificate;
        config.clientKey = m_client.key;
    } else if (client == u"otherCa"_qs) {
        config.clientCertificate = m_otherCaClient.certificate;
        config.clientKey = m_otherCaClient.key;
    }
    AcquirerLink link(config);
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QVERIFY(outcome.wait());
    QTest::qWait(100);
    if (accepted) {
        POS_VERIFY_RESULT(*outcome.result);
        QCOMPARE(host.received.size(), 1);
        return;
    }
    QVERIFY(!outcome.ok());
    if (protocol == QSsl::TlsV1_2) {
        QCOMPARE(outcome.code(), ErrorCode::NetworkFailure);
        QVERIFY2(outcome.result->error().detail.contains(u"not sent"_qs),
                 qPrintable(outcome.result->error().detail));
    } else {
        QVERIFY2(outcome.code() == ErrorCode::NetworkFailure || outcome.code() == ErrorCode::OutcomeUnknown,
                 qPrintable(outcome.result->error().detail));
    }
    QCOMPARE(host.received.size(), 0);
    QCOMPARE(host.server.acceptedConnectionCount(), 0);
    QVERIFY(host.server.failedHandshakeCount() >= 1);
}

void tst_AcquirerLink::badResponseFrame_data()
{
    QTest::addColumn<Behaviour>("behaviour");
    QTest::newRow("zero length") << Behaviour::ZeroLength;
    QTest::newRow("oversized length") << Behaviour::OversizedLength;
}

void tst_AcquirerLink::badResponseFrame()
{
    QFETCH(Behaviour, behaviour);
    TestHost host(m_server, behaviour);
    QVERIFY(host.listen());
    AcquirerLink link(configFor(host.server.serverPort()));
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.code(), ErrorCode::ProtocolViolation);
    QCOMPARE(outcome.cause(), LinkFailure::ProtocolViolation);
    QVERIFY(!link.isConnected());
    QTRY_COMPARE(host.server.openConnectionCount(), 0); // aborted
}

void tst_AcquirerLink::connectionClosedAfterRequest()
{
    TestHost host(m_server, Behaviour::CloseAfterRequest);
    QVERIFY(host.listen());
    AcquirerLink link(configFor(host.server.serverPort()));
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.code(), ErrorCode::OutcomeUnknown);
    QCOMPARE(outcome.cause(), LinkFailure::ConnectionClosed);
    QCOMPARE(host.received.size(), 1);
}

void tst_AcquirerLink::abortBeforeAndAfterWrite_data()
{
    QTest::addColumn<bool>("afterWrite");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("before anything was written") << false << ErrorCode::Cancelled;
    QTest::newRow("after the request was written") << true << ErrorCode::OutcomeUnknown;
}

void tst_AcquirerLink::abortBeforeAndAfterWrite()
{
    QFETCH(bool, afterWrite);
    QFETCH(ErrorCode, code);
    TestHost host(m_server, Behaviour::Silent);
    QVERIFY(host.listen());
    AcquirerLink link(configFor(host.server.serverPort()));
    Outcome outcome;
    link.exchange(requestFrame(), this, outcome.callback());
    if (afterWrite)
        QTRY_COMPARE(host.received.size(), 1);
    link.abort();
    QCOMPARE(outcome.calls, 0);
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.code(), code);
    QCOMPARE(outcome.cause(), LinkFailure::Cancelled);
    QTest::qWait(100);
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(host.received.size(), afterWrite ? 1 : 0);
}

void tst_AcquirerLink::loadPinnedCaReportsBadFiles()
{
    const QString good = m_dir.filePath(u"ca.pem"_qs);
    const QString empty = m_dir.filePath(u"empty.pem"_qs);
    const QString garbage = m_dir.filePath(u"garbage.pem"_qs);
    QFile file(good);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_ca.certificate.toPem() + m_otherCa.certificate.toPem());
    file.close();
    QFile emptyFile(empty);
    QVERIFY(emptyFile.open(QIODevice::WriteOnly));
    emptyFile.close();
    QFile garbageFile(garbage);
    QVERIFY(garbageFile.open(QIODevice::WriteOnly));
    garbageFile.write("not a certificate\n");
    garbageFile.close();

    const auto loaded = loadPinnedCa(good);
    POS_VERIFY_RESULT(loaded);
    QCOMPARE(loaded.value().size(), 2);
    QCOMPARE(loaded.value().first(), m_ca.certificate);
    QCOMPARE(loadPinnedCa(m_dir.filePath(u"missing.pem"_qs)).error().code, ErrorCode::NotFound);
    QCOMPARE(loadPinnedCa(empty).error().code, ErrorCode::InvalidInput);
    QCOMPARE(loadPinnedCa(garbage).error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(tst_AcquirerLink)
#include "tst_acquirer_link.moc"
