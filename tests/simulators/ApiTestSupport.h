// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "simulators/SimulatorPki.h"
#include "simulators/acquirer/HostLedger.h"
#include "simulators/acquirer/api/ApiServer.h"
#include "simulators/acquirer/api/ApiStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// In-process JSON API of the acquirer simulator over real TLS on 127.0.0.1, and a test client with its own
// request signer and response verifier (written from the contract, independent of the server's code).
namespace pos {
namespace test {

inline const QString installerKeyId = QStringLiteral("demo-installer");
inline const QByteArray installerSecret =
    QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

// The test's signer: hex HMAC-SHA256 over the canonical text of the contract.
inline QByteArray testHmacHex(const QByteArray& secret, const QByteArray& text)
{
    return QMessageAuthenticationCode::hash(text, secret, QCryptographicHash::Sha256).toHex();
}

inline QByteArray testBodyHash(const QByteArray& body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
}

inline QByteArray testRequestSignature(const QByteArray& secret,
                                       const QByteArray& method,
                                       const QByteArray& path,
                                       const QByteArray& timestamp,
                                       const QByteArray& nonce,
                                       const QByteArray& body)
{
    return testHmacHex(secret,
                       method + '\n' + path + '\n' + timestamp + '\n' + nonce + '\n' + testBodyHash(body));
}

inline QByteArray testResponseSignature(const QByteArray& secret,
                                        int status,
                                        const QByteArray& path,
                                        const QByteArray& timestamp,
                                        const QByteArray& nonce,
                                        const QByteArray& body)
{
    return testHmacHex(secret, "RESPONSE\n" + QByteArray::number(status) + '\n' + path + '\n' + timestamp +
                                   '\n' + nonce + '\n' + testBodyHash(body));
}

inline QByteArray freshNonce()
{
    QByteArray bytes(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), 4);
    return bytes.toHex();
}

struct ApiTestResponse
{
    int status = 0; // 0: no response (connection closed or timeout)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto& [key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

// How a test request departs from a correctly signed one.
struct ApiRequestOverrides
{
    std::optional<QByteArray> timestamp;
    std::optional<QByteArray> nonce;
    std::optional<QByteArray> signature;
    QByteArray signedPath; // sign another path than the one sent
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    bool omitAuthentication = false;
};

// One keep-alive TLS connection to the API; the event loop runs while it waits, so the in-process server
// answers. Signs with keyId/secret unless told otherwise.
class ApiTestClient
{
public:
    using Overrides = ApiRequestOverrides;

    ApiTestClient(quint16 port, const QList<QSslCertificate>& ca) : m_port(port), m_ca(ca) {}

    QByteArray keyId = installerKeyId.toLatin1();
    QByteArray secret = installerSecret;
    std::function<qint64()> clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    QByteArray lastNonce;
    QByteArray lastTarget;

    bool connectToServer()
    {
        m_socket = std::make_unique<QSslSocket>();
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(m_ca);
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        m_socket->setSslConfiguration(configuration);
        m_received.clear();
        m_closed = false;
        QObject::connect(m_socket.get(), &QSslSocket::readyRead, m_socket.get(),
                         [this] { m_received += m_socket->readAll(); });
        QObject::connect(m_socket.get(), &QSslSocket::disconnected, m_socket.get(),
                         [this] { m_closed = true; });
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        return QTest::qWaitFor([this] { return m_socket->isEncrypted() || m_closed; }, 10000) &&
               m_socket->isEncrypted();
    }

    bool isClosed() const
    {
        return m_closed || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState;
    }

    ApiTestResponse send(const QByteArray& method,
                         const QByteArray& target,
                         const QByteArray& body = {},
                         const Overrides& overrides = {},
                         int timeoutMs = 10000)
    {
        const QByteArray timestamp = overrides.timestamp.value_or(QByteArray::number(clock()));
        const QByteArray nonce = overrides.nonce.value_or(freshNonce());
        const QByteArray signedPath = overrides.signedPath.isEmpty() ? target : overrides.signedPath;
        const QByteArray signature = overrides.signature.value_or(
            testRequestSignature(secret, method, signedPath, timestamp, nonce, body));
        QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!overrides.omitAuthentication) {
            request += "X-Pos-Key-Id: " + keyId + "\r\nX-Pos-Timestamp: " + timestamp +
                       "\r\nX-Pos-Nonce: " + nonce + "\r\nX-Pos-Signature: " + signature + "\r\n";
        }
        bool hasContentType = false;
        for (const auto& [name, value] : overrides.extraHeaders) {
            request += name + ": " + value + "\r\n";
            hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
        }
        if (!body.isEmpty() && !hasContentType)
            request += "Content-Type: application/json; charset=utf-8\r\n";
        if (method != "GET")
            request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        request += "\r\n" + body;
        lastNonce = nonce;
        lastTarget = target;
        return sendRaw(request, timeoutMs);
    }

    ApiTestResponse sendJson(const QByteArray& method, const QByteArray& target, const QJsonObject& body)
    {
        return send(method, target, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    // Writes bytes as they are and waits for one response (status 0 when none came).
    ApiTestResponse sendRaw(const QByteArray& bytes, int timeoutMs = 10000)
    {
        if (isClosed() && !connectToServer())
            return {};
        m_socket->write(bytes);
        ApiTestResponse response;
        (void)QTest::qWaitFor([&] { return takeResponse(response) || m_closed; }, timeoutMs);
        if (response.status == 0)
            takeResponse(response);
        return response;
    }

    // Whether the response carries the contract's signature for the last request (nonce echoed).
    bool responseVerifies(const ApiTestResponse& response) const
    {
        if (response.header("X-Pos-Nonce") != lastNonce)
            return false;
        const QByteArray expected =
            testResponseSignature(secret, response.status, lastTarget, response.header("X-Pos-Timestamp"),
                                  lastNonce, response.body);
        return response.header("X-Pos-Signature") == expected;
    }

private:
    bool takeResponse(ApiTestResponse& response)
    {
        const qsizetype headEnd = m_received.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QList<QByteArray> lines = m_received.left(headEnd).split('\n');
        ApiTestResponse parsed;
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        parsed.status = statusLine.value(1).toInt();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            parsed.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (m_received.size() < headEnd + 4 + length)
            return false;
        parsed.body = m_received.mid(headEnd + 4, length);
        m_received.remove(0, headEnd + 4 + length);
        response = parsed;
        return true;
    }

    quint16 m_port;
    QList<QSslCertificate> m_ca;
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

// A host ledger, the simulator PKI and an ApiServer in a temporary folder; restart() keeps the folder.
class ApiFixture
{
public:
    sim::ApiServerConfig config;
    QTemporaryDir dir;
    std::unique_ptr<sim::HostLedger> ledger;
    std::unique_ptr<sim::ApiServer> server;
    QList<QSslCertificate> ca;

    ApiFixture() { config.reviewDelay = std::chrono::milliseconds(50); }

    bool start()
    {
        auto opened = sim::HostLedger::open(dir.path());
        if (!opened)
            return false;
        ledger = std::move(opened).value();
        const Result<sim::SimulatorPki> pki = sim::loadOrCreateSimulatorPki(dir.path());
        if (!pki)
            return false;
        ca = {pki.value().ca.certificate};
        server = std::make_unique<sim::ApiServer>(
            *ledger, sim::simulatorServerConfiguration(pki.value().server), config);
        server->setCardHostPort(4242);
        return server->listen(0).hasValue();
    }

    void stop()
    {
        server.reset();
        ledger.reset();
    }

    bool restart()
    {
        stop();
        return start();
    }

    std::unique_ptr<ApiTestClient> client()
    {
        auto made = std::make_unique<ApiTestClient>(server->port(), ca);
        if (config.clock)
            made->clock = config.clock;
        made->connectToServer();
        return made;
    }

    // A terminal API key of merchant mid stored directly (the QR tests need no onboarding).
    bool
    addTerminalKey(const QString& keyId, const QByteArray& secret, const QString& tid, const QString& mid)
    {
        sim::ApiStore store(*ledger);
        return store.insertApiKey({keyId, secret, sim::apiscope::terminal, tid, mid}, 0).hasValue();
    }
};

} // namespace test
} // namespace pos
