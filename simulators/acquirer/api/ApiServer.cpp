// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/ApiServer.h"

#include "simulators/SimulatorLog.h"
#include "simulators/TlsSimulatorServer.h"
#include "simulators/acquirer/HostLedger.h"
#include "simulators/acquirer/api/AcquirerAgreement.h"
#include "simulators/acquirer/api/ApiJson.h"
#include "simulators/acquirer/api/ApiSignature.h"
#include "simulators/acquirer/api/HttpRequestParser.h"
#include "simulators/acquirer/api/OnboardingService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

namespace pos {
namespace sim {
namespace {

bool isLowerHex(QByteArrayView text, qsizetype length)
{
    if (text.size() != length)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

std::optional<qint64> decimalMs(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 16)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isApplicationId(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 32)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return false;
    }
    return true;
}

// One API connection: feeds the parser, answers requests one at a time (a delayed answer holds later
// requests), closes after "Connection: close", a parse error or a drop fault. Child of its socket.
class ApiSession final : public QObject
{
public:
    static constexpr qsizetype maxQueuedBytes = 16 * 1024 + 12 * 1024 * 1024;

    ApiSession(QSslSocket& socket, int number, ApiServer& server)
        : QObject(&socket)
        , m_socket(socket)
        , m_number(number)
        , m_server(server)
    {
        connect(&socket, &QSslSocket::readyRead, this, &ApiSession::onReadyRead);
        if (socket.bytesAvailable() > 0)
            QTimer::singleShot(0, this, &ApiSession::onReadyRead);
    }

private:
    void onReadyRead()
    {
        if (m_closing)
            return;
        m_parser.feed(m_socket.readAll());
        // While an answer is held (delay fault) further bytes only queue; bound them like one request.
        if (m_busy && m_parser.bufferedBytes() > maxQueuedBytes) {
            closeConnection();
            return;
        }
        processRequests();
    }

    void processRequests()
    {
        while (!m_busy && !m_closing && m_parser.state() == HttpRequestParser::State::Complete) {
            const HttpRequest request = m_parser.takeRequest();
            ApiOutcome outcome = m_server.handle(request);
            qCDebug(lcSim).noquote() << "api connection" << m_number << request.method << request.target
                                     << outcome.response.status;
            if (!request.keepAlive())
                outcome.response.closeAfter = true;
            switch (outcome.action) {
            case ApiOutcome::Action::Close: closeConnection(); return;
            case ApiOutcome::Action::Send: send(outcome.response); break;
            case ApiOutcome::Action::DelayedSend:
                m_busy = true;
                QTimer::singleShot(outcome.delay, this, [this, response = outcome.response] {
                    m_busy = false;
                    send(response);
                    processRequests();
                });
                return;
            }
        }
        if (!m_closing && m_parser.state() == HttpRequestParser::State::Failed) {
            qCInfo(lcSim).noquote() << "api connection" << m_number
                                    << "bad request:" << m_parser.errorReason();
            HttpResponse response =
                HttpResponse::error(m_parser.errorStatus(), "BAD_REQUEST",
                                    QCoreApplication::translate(
                                        "pos::sim::ApiServer", "The request is not acceptable HTTP/1.1 (%1).")
                                        .arg(QString::fromLatin1(m_parser.errorReason())));
            response.closeAfter = true;
            send(response);
        }
    }

    void send(const HttpResponse& response)
    {
        if (m_closing)
            return;
        m_socket.write(response.serialize());
        if (response.closeAfter)
            closeConnection();
    }

    void closeConnection()
    {
        m_closing = true;
        m_socket.disconnectFromHost();
    }

    QSslSocket& m_socket;
    int m_number;
    ApiServer& m_server;
    HttpRequestParser m_parser;
    bool m_busy = false;
    bool m_closing = false;
};

HttpResponse unauthorized(const char* code, const QString& message)
{
    return HttpResponse::error(401, code, message);
}

} // namespace

ApiServer::ApiServer(HostLedger& ledger, QSslConfiguration tls, ApiServerConfig config, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_config(std::move(config))
    , m_store(ledger)
    , m_onboarding(std::make_unique<OnboardingService>(m_store, m_config.reviewDelay, m_config.clock, this))
    , m_activation(m_store, m_config.activation)
    , m_qr(ledger, m_config.qr)
    , m_faults(m_config.faults)
    , m_server(std::make_unique<TlsSimulatorServer>(QStringLiteral("acquirer-api"), std::move(tls)))
{
    m_server->setConnectionHandler(
        [this](QSslSocket& socket, int number) { new ApiSession(socket, number, *this); });
}

ApiServer::~ApiServer()
{
    m_server.reset(); // sessions refer to this server
}

Result<> ApiServer::listen(quint16 port)
{
    if (const Result<> resumed = m_onboarding->resumeReviews(); !resumed)
        return resumed;
    return m_server->listen(port);
}

quint16 ApiServer::port() const
{
    return m_server->serverPort();
}

void ApiServer::setCardHostPort(quint16 port)
{
    m_activation.setCardHostPort(port);
}

qint64 ApiServer::nowMs() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentMSecsSinceEpoch();
}

bool ApiServer::rememberNonce(const QString& keyId, const QByteArray& nonce, qint64 now)
{
    if (now - m_lastNoncePruneMs > 60'000) {
        for (auto key = m_nonces.begin(); key != m_nonces.end();) {
            key->removeIf([&](const auto& entry) { return now - entry.value() > m_config.nonceMemoryMs; });
            key = key->isEmpty() ? m_nonces.erase(key) : std::next(key);
        }
        m_lastNoncePruneMs = now;
    }
    QHash<QByteArray, qint64>& seen = m_nonces[keyId];
    const auto found = seen.constFind(nonce);
    if (found != seen.constEnd() && now - found.value() <= m_config.nonceMemoryMs)
        return false;
    seen.insert(nonce, now);
    return true;
}

void ApiServer::sign(HttpResponse& response,
                     const HttpRequest& request,
                     const QByteArray& secret,
                     qint64 now) const
{
    const QByteArray nonce = request.header("x-pos-nonce");
    const QByteArray timestamp = QByteArray::number(now);
    const QByteArray canonical =
        apiResponseCanonical(response.status, request.target, timestamp, nonce, response.body);
    response.setHeader("X-Pos-Nonce", nonce);
    response.setHeader("X-Pos-Timestamp", timestamp);
    response.setHeader("X-Pos-Signature", apiSignatureHex(secret, canonical));
}

ApiOutcome ApiServer::handle(const HttpRequest& request)
{
    const qint64 now = nowMs();
    ApiOutcome outcome;

    // Authentication, in the contract's order: key, timestamp, signature, nonce.
    const QString keyId = QString::fromLatin1(request.header("x-pos-key-id"));
    std::optional<ApiKeyRecord> key;
    if (!keyId.isEmpty() && keyId == m_config.installerKeyId) {
        key = ApiKeyRecord{keyId, m_config.installerSecret, apiscope::installer, QString(), QString()};
    } else if (!keyId.isEmpty()) {
        const Result<std::optional<ApiKeyRecord>> stored = m_store.apiKey(keyId);
        if (!stored) {
            outcome.response = systemErrorResponse(); // no key to sign with
            return outcome;
        }
        key = stored.value();
    }
    if (!key) {
        outcome.response = unauthorized("KEY_UNKNOWN", tr("The API key is not known."));
        return outcome; // unsigned: there is no secret to sign with
    }
    const auto signedAnswer = [&](HttpResponse response) {
        sign(response, request, key->secret, now);
        outcome.response = std::move(response);
        return outcome;
    };
    const std::optional<qint64> timestamp = decimalMs(request.header("x-pos-timestamp"));
    if (!timestamp || std::abs(now - *timestamp) > m_config.timestampWindowMs)
        return signedAnswer(unauthorized("TIMESTAMP_SKEW", tr("The request time differs too much from the "
                                                              "acquirer's clock.")));
    const QByteArray nonce = request.header("x-pos-nonce");
    const QByteArray signature = request.header("x-pos-signature");
    const QByteArray expected = apiSignatureHex(
        key->secret, apiRequestCanonical(request.method, request.target, request.header("x-pos-timestamp"),
                                         nonce, request.body));
    if (!isLowerHex(nonce, 32) || !isLowerHex(signature, 64) || !apiSignaturesEqual(signature, expected))
        return signedAnswer(unauthorized("SIGNATURE_INVALID", tr("The request signature is not valid.")));
    if (!rememberNonce(key->keyId, nonce, now))
        return signedAnswer(unauthorized("NONCE_REPLAYED", tr("The request was already received.")));

    const QByteArray path = request.path();
    const ApiFaultKind fault = m_faults.draw(request.method, path);
    if (fault != ApiFaultKind::None)
        qCInfo(lcSim).noquote() << "api: fault" << apiFaultName(fault) << "on" << request.method << path;
    if (fault == ApiFaultKind::DropRequest) {
        outcome.action = ApiOutcome::Action::Close;
        return outcome;
    }
    if (fault == ApiFaultKind::Http500)
        return signedAnswer(systemErrorResponse());

    HttpResponse response;
    if (key->scope == apiscope::installer && !path.startsWith("/v1/onboarding/") &&
        path != "/v1/terminals/activate")
        response = HttpResponse::error(403, "KEY_SCOPE",
                                       tr("This API key may not call %1.").arg(QString::fromLatin1(path)));
    else
        response = route(request, *key, now);

    switch (fault) {
    case ApiFaultKind::DropResponse: outcome.action = ApiOutcome::Action::Close; return outcome;
    case ApiFaultKind::Http503After:
        response =
            HttpResponse::error(503, "SYSTEM_BUSY", tr("The acquirer is busy; the outcome is unknown."));
        break;
    case ApiFaultKind::Delay:
        outcome.action = ApiOutcome::Action::DelayedSend;
        outcome.delay = m_faults.config().delay;
        break;
    case ApiFaultKind::BadTmkKcv:
        if (path == "/v1/terminals/activate" && response.status == 200) {
            QJsonObject body = QJsonDocument::fromJson(response.body).object();
            body.insert(QStringLiteral("tmkKcv"), QStringLiteral("000000"));
            response = HttpResponse::json(200, body);
        }
        break;
    default: break;
    }
    signedAnswer(std::move(response));
    if (fault == ApiFaultKind::BadSignature) {
        QByteArray wrong = outcome.response.header("X-Pos-Signature");
        wrong[0] = wrong.at(0) == '0' ? '1' : '0';
        outcome.response.setHeader("X-Pos-Signature", wrong);
    }
    return outcome;
}

HttpResponse ApiServer::route(const HttpRequest& request, const ApiKeyRecord& key, qint64 now)
{
    const QByteArray path = request.path();
    const QByteArray& method = request.method;
    const auto methodNotAllowed = [this] {
        return HttpResponse::error(405, "METHOD_NOT_ALLOWED", tr("This method is not allowed here."));
    };
    if (path == "/v1/onboarding/agreement")
        return method == "GET" ? HttpResponse::json(200, currentAgreement().json()) : methodNotAllowed();
    if (path == "/v1/onboarding/documents")
        return method == "POST" ? m_onboarding->uploadDocument(request, now) : methodNotAllowed();
    if (path == "/v1/onboarding/applications")
        return method == "POST" ? m_onboarding->submitApplication(request.body, now) : methodNotAllowed();
    static constexpr QByteArrayView applicationsPrefix("/v1/onboarding/applications/");
    if (path.startsWith(applicationsPrefix) &&
        isApplicationId(QByteArrayView(path).sliced(applicationsPrefix.size()))) {
        const QString id = QString::fromLatin1(path.mid(applicationsPrefix.size()));
        if (method == "GET")
            return m_onboarding->applicationStatus(id);
        if (method == "PUT")
            return m_onboarding->resubmitApplication(id, request.body, now);
        return methodNotAllowed();
    }
    if (path == "/v1/terminals/activate")
        return method == "POST" ? m_activation.activate(request.body, now) : methodNotAllowed();
    if (path == "/v1/qr/bill")
        return method == "GET" ? m_qr.bill(key, request.target) : methodNotAllowed();
    using Handler = HttpResponse (QrGateway::*)(const ApiKeyRecord&, const QByteArray&, qint64);
    static const QList<QPair<QByteArray, Handler>> qrCalls = {
        {"/v1/qr/pay", &QrGateway::pay},       {"/v1/qr/query", &QrGateway::query},
        {"/v1/qr/close", &QrGateway::close},   {"/v1/qr/reverse", &QrGateway::reverse},
        {"/v1/qr/refund", &QrGateway::refund},
    };
    for (const auto& [qrPath, handler] : qrCalls) {
        if (path == qrPath)
            return method == "POST" ? (m_qr.*handler)(key, request.body, now) : methodNotAllowed();
    }
    return HttpResponse::error(404, "NOT_FOUND", tr("No such API call."));
}

} // namespace sim
} // namespace pos
