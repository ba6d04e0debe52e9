// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool host ping as a process against an in-process TLS server (TlsSimulatorServer, SimulatorPki): a
// completed handshake (exit 0, JSON fields), refusals with their reason (exit 1) and usage errors (exit 2).
// The server needs this process's event loop, so pos-tool runs asynchronously and the test waits with QTRY.
#include "simulators/SimulatorPki.h"
#include "simulators/TlsSimulatorServer.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace pos;
using namespace pos::sim;
using namespace Qt::StringLiterals;

namespace {

struct ToolRun
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs pos-tool host ping with arguments while this process's event loop keeps serving TLS.
ToolRun runHostPing(const QStringList& arguments)
{
    auto process = test::startProcess(test::builtExecutable(u"pos-tool"_qs),
                                      QStringList{u"host"_qs, u"ping"_qs} + arguments);
    ToolRun run;
    if (!QTest::qWaitFor([&process] { return process->state() == QProcess::NotRunning; }, 30000))
        return run;
    run.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    run.standardOutput = process->readAllStandardOutput();
    run.standardError = process->readAllStandardError();
    return run;
}

QJsonObject parseJson(const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

} // namespace

class tst_PosToolHost final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pingOk();
    void pingOkAsText();
    void refused_data();
    void refused();
    void usageErrorExitsTwo_data();
    void usageErrorExitsTwo();

private:
    QString endpoint() const { return u"127.0.0.1:%1"_qs.arg(m_server->serverPort()); }

    QTemporaryDir m_dir;
    SimulatorPki m_pki;
    QString m_otherCaPath;
    QString m_garbagePath;
    std::unique_ptr<TlsSimulatorServer> m_server;
    std::unique_ptr<TlsSimulatorServer> m_expiredServer;
};

void tst_PosToolHost::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto pki = loadOrCreateSimulatorPki(m_dir.filePath(u"sim"_qs));
    POS_VERIFY_RESULT(pki);
    m_pki = pki.value();
    auto otherCa = createCertificateAuthority(u"Other CA"_qs, {});
    POS_VERIFY_RESULT(otherCa);
    m_otherCaPath = m_dir.filePath(u"other-ca.pem"_qs);
    QVERIFY(writeFile(m_otherCaPath, otherCa.value().certificate.toPem()));
    m_garbagePath = m_dir.filePath(u"garbage.pem"_qs);
    QVERIFY(writeFile(m_garbagePath, "not a certificate\n"));

    m_server =
        std::make_unique<TlsSimulatorServer>(u"test-host"_qs, simulatorServerConfiguration(m_pki.server));
    POS_VERIFY_RESULT(m_server->listen(0));

    CertificateSpec expiredSpec;
    expiredSpec.commonName = u"pos-acquirer-sim"_qs;
    expiredSpec.ipAddresses = {u"127.0.0.1"_qs};
    expiredSpec.notBeforeSecs = -10 * 86400;
    expiredSpec.notAfterSecs = -86400;
    auto expired = issueServerCertificate(m_pki.ca, expiredSpec);
    POS_VERIFY_RESULT(expired);
    m_expiredServer = std::make_unique<TlsSimulatorServer>(u"expired-host"_qs,
                                                           simulatorServerConfiguration(expired.value()));
    POS_VERIFY_RESULT(m_expiredServer->listen(0));
}

void tst_PosToolHost::pingOk()
{
    const int acceptedBefore = m_server->acceptedConnectionCount();
    const ToolRun run = runHostPing({u"--host"_qs, endpoint(), u"--ca"_qs, m_pki.caPemPath, u"--json"_qs});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QVERIFY2(!json.isEmpty(), run.standardOutput.constData());
    QCOMPARE(json.value(u"ok"_qs).toBool(), true);
    QVERIFY(json.value(u"protocol"_qs).toString().startsWith(u"TLSv1."_qs));
    QVERIFY(!json.value(u"cipher"_qs).toString().isEmpty());
    QCOMPARE(json.value(u"peerSubject"_qs).toString(), u"pos-acquirer-sim"_qs);
    QCOMPARE(json.value(u"peerIssuer"_qs).toString(), m_pki.ca.certificate.subjectDisplayName());
    QCOMPARE(json.value(u"peerExpiry"_qs).toString(),
             m_pki.server.certificate.expiryDate().toUTC().toString(Qt::ISODate));
    QVERIFY(json.value(u"connectMs"_qs).toInteger(-1) >= 0);
    QVERIFY(json.value(u"handshakeMs"_qs).toInteger(-1) >= 0);
    QCOMPARE(m_server->acceptedConnectionCount(), acceptedBefore + 1); // the handshake really completed
}

void tst_PosToolHost::pingOkAsText()
{
    const ToolRun run =
        runHostPing({u"--host"_qs, endpoint(), u"--ca"_qs, m_pki.caPemPath, u"--name"_qs, u"localhost"_qs});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.standardOutput);
    QVERIFY2(text.contains(u"ok"_qs), qPrintable(text));
    QVERIFY(text.contains(u"pos-acquirer-sim"_qs));
    QVERIFY(text.contains(u"handshake"_qs));
}

void tst_PosToolHost::refused_data()
{
    QTest::addColumn<QString>("target"); // "server", "expired", "closed"
    QTest::addColumn<QString>("ca");     // "pinned", "other", "garbage"
    QTest::addColumn<QString>("peerName");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong CA") << u"server"_qs << u"other"_qs << QString() << u"certificate-untrusted"_qs
                              << u"NetworkFailure"_qs;
    QTest::newRow("expired certificate")
        << u"expired"_qs << u"pinned"_qs << QString() << u"certificate-expired"_qs << u"NetworkFailure"_qs;
    QTest::newRow("wrong host name") << u"server"_qs << u"pinned"_qs << u"acquirer.example"_qs
                                     << u"host-name-mismatch"_qs << u"NetworkFailure"_qs;
    QTest::newRow("nothing listening")
        << u"closed"_qs << u"pinned"_qs << QString() << u"connection-refused"_qs << u"NetworkFailure"_qs;
    QTest::newRow("CA file not PEM") << u"server"_qs << u"garbage"_qs << QString() << u"none"_qs
                                     << u"InvalidInput"_qs;
}

void tst_PosToolHost::refused()
{
    QFETCH(QString, target);
    QFETCH(QString, ca);
    QFETCH(QString, peerName);
    QFETCH(QString, cause);
    QFETCH(QString, code);
    QString host;
    if (target == u"server"_qs) {
        host = endpoint();
    } else if (target == u"expired"_qs) {
        host = u"127.0.0.1:%1"_qs.arg(m_expiredServer->serverPort());
    } else {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        host = u"127.0.0.1:%1"_qs.arg(probe.serverPort());
        probe.close(); // nothing listens there any more
    }
    const QString caPath = ca == u"pinned"_qs  ? m_pki.caPemPath
                           : ca == u"other"_qs ? m_otherCaPath
                                               : m_garbagePath;
    QStringList arguments{u"--host"_qs, host, u"--ca"_qs, caPath, u"--timeout"_qs, u"5000"_qs, u"--json"_qs};
    if (!peerName.isEmpty())
        arguments << u"--name"_qs << peerName;
    const int acceptedBefore = m_server->acceptedConnectionCount();

    const ToolRun run = runHostPing(arguments);
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = parseJson(run.standardOutput);
    QVERIFY2(!json.isEmpty(), run.standardOutput.constData());
    QCOMPARE(json.value(u"ok"_qs).toBool(true), false);
    QCOMPARE(json.value(u"cause"_qs).toString(), cause);
    QCOMPARE(json.value(u"code"_qs).toString(), code);
    QVERIFY(!json.value(u"error"_qs).toString().isEmpty());
    QCOMPARE(m_server->acceptedConnectionCount(), acceptedBefore);

    // Text mode names the reason on stderr.
    arguments.removeAll(u"--json"_qs);
    const ToolRun text = runHostPing(arguments);
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.standardError.contains(cause == u"none"_qs ? QByteArray("PEM") : cause.toUtf8()),
             text.standardError.constData());
}

void tst_PosToolHost::usageErrorExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no --host") << QStringList{u"--ca"_qs, u"ca.pem"_qs};
    QTest::newRow("no --ca") << QStringList{u"--host"_qs, u"127.0.0.1:1"_qs};
    QTest::newRow("no port") << QStringList{u"--host"_qs, u"127.0.0.1"_qs, u"--ca"_qs, u"ca.pem"_qs};
    QTest::newRow("port out of range")
        << QStringList{u"--host"_qs, u"127.0.0.1:70000"_qs, u"--ca"_qs, u"ca.pem"_qs};
    QTest::newRow("bad timeout") << QStringList{u"--host"_qs, u"127.0.0.1:1"_qs, u"--ca"_qs,
                                                u"ca.pem"_qs, u"--timeout"_qs,   u"soon"_qs};
    QTest::newRow("unknown option") << QStringList{u"--host"_qs, u"127.0.0.1:1"_qs, u"--ca"_qs, u"ca.pem"_qs,
                                                   u"--insecure"_qs};
}

void tst_PosToolHost::usageErrorExitsTwo()
{
    QFETCH(QStringList, arguments);
    const ToolRun run = runHostPing(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.standardError.isEmpty());
    QVERIFY(run.standardOutput.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PosToolHost)
#include "tst_pos_tool_host.moc"
