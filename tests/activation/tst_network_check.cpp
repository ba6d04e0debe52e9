// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The network check before activation against real sockets on 127.0.0.1: the acquirer simulator's TLS
// endpoints (pinned CA), a closed port, a server that is not TLS, a server that never answers, a TLS server
// with another CA, and a name that does not resolve. Each failure must stop at its stage with a diagnosis
// that says what to check.

#include "activation/NetworkCheck.h"
#include "support/CardLinkFixture.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::activation;
using pos::test::CardLinkFixture;

namespace {

NetworkReport runCheck(const QList<NetworkEndpoint>& endpoints, NetworkCheck::Config config = {})
{
    NetworkCheck check(config);
    std::optional<NetworkReport> report;
    check.run(endpoints, [&report](NetworkReport r) { report = std::move(r); });
    if (!QTest::qWaitFor([&] { return report.has_value(); }, 30000))
        return {};
    return *report;
}

// A port on 127.0.0.1 with nothing listening (bound, then closed).
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class tst_NetworkCheck final : public QObject
{
    Q_OBJECT

private:
    CardLinkFixture m_host;
    QList<QSslCertificate> m_ca;

    NetworkEndpoint hostEndpoint(quint16 port, const QString& label = u"Card payments host"_qs) const
    {
        return NetworkEndpoint{label, u"127.0.0.1"_qs, port, m_ca, {}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_host.startSimulator({}));
        const Result<QList<QSslCertificate>> ca = acquirer::loadPinnedCa(m_host.caPath());
        QVERIFY(ca.hasValue());
        m_ca = ca.value();
    }

    void reachableEndpointsPassEveryStage()
    {
        const QUrl api(m_host.apiUrl());
        const NetworkReport report = runCheck(
            {hostEndpoint(quint16(api.port()), u"Onboarding service"_qs), hostEndpoint(m_host.hostPort())});
        QCOMPARE(report.endpoints.size(), 2);
        QVERIFY(report.ok());
        QVERIFY(!report.slow());
        for (const EndpointResult& result : report.endpoints) {
            QCOMPARE(result.reached, NetworkStage::Done);
            QVERIFY(result.dnsMs >= 0 && result.tcpMs >= 0 && result.tlsMs >= 0);
            QCOMPARE(result.diagnosis, QString());
        }
        QCOMPARE(report.endpoints.first().endpoint.label, u"Onboarding service"_qs); // in the order given
        const QString summary = report.summary();
        QVERIFY2(summary.contains(u"Onboarding service: reachable"_qs), qPrintable(summary));
        QVERIFY2(summary.contains(u"Card payments host: reachable"_qs), qPrintable(summary));
    }

    void slowButWorkingEndpointIsReportedSlow()
    {
        NetworkCheck::Config config;
        config.slowThresholdMs = -1; // any handshake is "slow": the report path, not the machine's speed
        const NetworkReport report = runCheck({hostEndpoint(m_host.hostPort())}, config);
        QCOMPARE(report.endpoints.size(), 1);
        QVERIFY(report.ok());
        QVERIFY(report.slow());
        QVERIFY2(report.endpoints.first().diagnosis.contains(u"slow"_qs),
                 qPrintable(report.endpoints.first().diagnosis));
    }

    void closedPortIsRefusedAtTcp()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const NetworkReport report = runCheck({hostEndpoint(port)});
        QCOMPARE(report.endpoints.size(), 1);
        QVERIFY(!report.ok());
        QCOMPARE(report.endpoints.first().reached, NetworkStage::Tcp);
        QVERIFY2(
            report.endpoints.first().diagnosis.contains(u"refused the connection on port %1"_qs.arg(port)),
            qPrintable(report.endpoints.first().diagnosis));
    }

    void unknownNameFailsAtDns()
    {
        NetworkEndpoint endpoint = hostEndpoint(443);
        endpoint.host = u"acquirer.invalid"_qs; // RFC 6761: never resolves
        const NetworkReport report = runCheck({endpoint});
        QCOMPARE(report.endpoints.size(), 1);
        QCOMPARE(report.endpoints.first().reached, NetworkStage::Dns);
        QVERIFY2(report.endpoints.first().diagnosis.contains(u"(DNS)"_qs),
                 qPrintable(report.endpoints.first().diagnosis));
    }

    void serverThatIsNotTlsFailsAtTls()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            QTcpSocket* socket = server.nextPendingConnection();
            socket->write("HTTP/1.0 400 Bad Request\r\n\r\n");
            socket->disconnectFromHost();
        });
        const NetworkReport report = runCheck({hostEndpoint(server.serverPort())});
        QCOMPARE(report.endpoints.size(), 1);
        QCOMPARE(report.endpoints.first().reached, NetworkStage::Tls);
        QVERIFY(report.endpoints.first().tcpMs >= 0);
        QVERIFY2(report.endpoints.first().diagnosis.contains(u"secure connection"_qs),
                 qPrintable(report.endpoints.first().diagnosis));
    }

    void silentServerTimesOutAtTls()
    {
        QTcpServer server; // accepts (the kernel does) and never answers the handshake
        QVERIFY(server.listen(QHostAddress::LocalHost));
        NetworkCheck::Config config;
        config.stageTimeoutMs = 600;
        const NetworkReport report = runCheck({hostEndpoint(server.serverPort())}, config);
        QCOMPARE(report.endpoints.size(), 1);
        QCOMPARE(report.endpoints.first().reached, NetworkStage::Tls);
        QVERIFY2(report.endpoints.first().diagnosis.contains(u"not completed in time"_qs),
                 qPrintable(report.endpoints.first().diagnosis));
    }

    // What a network that intercepts TLS looks like: a working TLS server whose certificate the pinned
    // acquirer CA did not issue.
    void otherCertificateAuthorityFailsAtTls()
    {
        CardLinkFixture other;
        QVERIFY(other.startSimulator({}));
        const NetworkReport report = runCheck({hostEndpoint(other.hostPort())}); // pinned: m_host's CA
        QCOMPARE(report.endpoints.size(), 1);
        QCOMPARE(report.endpoints.first().reached, NetworkStage::Tls);
        QVERIFY2(report.endpoints.first().diagnosis.contains(u"intercept secure connections"_qs),
                 qPrintable(report.endpoints.first().diagnosis));
    }

    void aFailureDoesNotStopTheNextEndpoint()
    {
        const quint16 port = closedPort();
        const NetworkReport report = runCheck({hostEndpoint(port), hostEndpoint(m_host.hostPort())});
        QCOMPARE(report.endpoints.size(), 2);
        QVERIFY(!report.ok());
        QCOMPARE(report.endpoints.at(0).reached, NetworkStage::Tcp);
        QCOMPARE(report.endpoints.at(1).reached, NetworkStage::Done);
    }
};

QTEST_GUILESS_MAIN(tst_NetworkCheck)
#include "tst_network_check.moc"
