// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/ApiClient.h"

#include "acquirer/AcquirerLog.h"
#include "acquirer/api/ApiSigner.h"
#include "acquirer/api/HttpsExchange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace pos {
namespace acquirer {
namespace {

class ApiClientText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::ApiClient)

public:
    static QString notSent() { return tr("The acquirer could not be reached. Nothing was sent."); }
    static QString unknown()
    {
        return tr("The acquirer's answer did not arrive or could not be trusted. The outcome is unknown.");
    }
    static QString badRequest() { return tr("The request to the acquirer could not be prepared."); }
};

Failure unknownOutcome(const QString& detail)
{
    return fail(ErrorCode::OutcomeUnknown, ApiClientText::unknown(), detail);
}

// Header values must not break the request's framing.
bool safeHeaderValue(const QByteArray& value)
{
    return !value.contains('\r') && !value.contains('\n');
}

} // namespace

ApiOutcome apiOutcomeOf(const Error& error)
{
    return error.code == ErrorCode::NetworkFailure ? ApiOutcome::NotSent : ApiOutcome::Unknown;
}

struct ApiClient::Pending
{
    QByteArray method;
    QByteArray path;
    QByteArray nonce;
    ApiSecret secret;
    QPointer<QObject> context;
    Completion done;
    QElapsedTimer elapsed;
};

namespace {

// Turns what the connection produced into the call's outcome class (see ApiClient.h).
Result<ApiResponse>
classify(const HttpsResult& http, const QByteArray& secret, const QByteArray& path, const QByteArray& nonce)
{
    if (http.kind == HttpsResult::Kind::NotSent)
        return fail(ErrorCode::NetworkFailure, ApiClientText::notSent(), http.detail);
    if (http.kind == HttpsResult::Kind::NoAnswer)
        return unknownOutcome(http.detail);
    const int status = http.status;
    if (status >= 500)
        return unknownOutcome(QStringLiteral("server error %1").arg(status));
    if ((status < 200 || status >= 300) && (status < 400 || status >= 500))
        return unknownOutcome(QStringLiteral("unexpected status %1").arg(status));
    const ApiResponseHeaders headers{http.headers.value("x-pos-nonce"), http.headers.value("x-pos-timestamp"),
                                     http.headers.value("x-pos-signature")};
    if (const Result<> verified = verifyApiResponse(secret, status, path, nonce, headers, http.body);
        !verified) {
        QString code;
        if (status >= 400) {
            if (const Result<ApiErrorBody> error = parseApiError(http.body); error)
                code = QLatin1Char(' ') + error.value().code;
        }
        return unknownOutcome(
            QStringLiteral("status %1%2: %3").arg(status).arg(code, verified.error().detail));
    }
    ApiResponse response{status, http.body, std::nullopt};
    if (status >= 400) {
        if (Result<ApiErrorBody> error = parseApiError(http.body); error)
            response.error = std::move(error).value();
        if (status == 401 && response.errorCode() == QLatin1String("NONCE_REPLAYED"))
            return unknownOutcome(
                QStringLiteral("401 NONCE_REPLAYED: an earlier copy of this request arrived"));
    }
    return response;
}

} // namespace

ApiClient::ApiClient(ApiConfig config, QObject* parent) : QObject(parent), m_config(std::move(config))
{}

ApiClient::~ApiClient()
{
    const QSet<QObject*> inFlight = m_inFlight;
    m_inFlight.clear();
    qDeleteAll(inFlight);
}

void ApiClient::setCredentials(const QString& keyId, const ApiSecret& secret)
{
    m_config.keyId = keyId;
    m_config.secret = secret;
}

qint64 ApiClient::now() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentMSecsSinceEpoch();
}

void ApiClient::call(ApiRequest request, QObject* context, Completion done)
{
    Q_ASSERT(context);
    auto pending = std::make_shared<Pending>();
    pending->method = request.method;
    pending->path = request.path.toUtf8();
    pending->secret = m_config.secret;
    pending->context = context;
    pending->done = std::move(done);

    const auto refuseLater = [&](const Error& error) {
        QTimer::singleShot(0, context, [pending, error] {
            if (pending->done)
                pending->done(Failure{error});
        });
    };
    const QUrl& base = m_config.baseUrl;
    bool headersOk = safeHeaderValue(pending->path) && pending->path.startsWith('/') &&
                     safeHeaderValue(m_config.keyId.toUtf8()) && safeHeaderValue(request.contentType);
    for (const auto& [name, value] : request.extraHeaders)
        headersOk = headersOk && safeHeaderValue(name) && safeHeaderValue(value);
    if (base.scheme() != QLatin1String("https") || base.host().isEmpty() || !headersOk ||
        (request.method != "GET" && request.method != "POST" && request.method != "PUT")) {
        refuseLater({ErrorCode::NetworkFailure, ApiClientText::badRequest(),
                     QStringLiteral("api request refused locally (base URL, method or header)")});
        return;
    }
    const Result<QByteArray> nonce = newApiNonce();
    const QByteArray timestamp = QByteArray::number(now());
    const Result<QByteArray> signature =
        nonce ? signApiRequest(pending->secret.bytes(), request.method, pending->path, timestamp,
                               nonce.value(), request.body)
              : Result<QByteArray>(Failure{nonce.error()});
    if (!signature) {
        // Nothing left the terminal.
        refuseLater({ErrorCode::NetworkFailure, signature.error().userMessage, signature.error().detail});
        return;
    }
    pending->nonce = nonce.value();

    const quint16 port = static_cast<quint16>(base.port(443));
    QByteArray http = request.method + ' ' + pending->path + " HTTP/1.1\r\n";
    http += "Host: " + base.host(QUrl::FullyEncoded).toUtf8();
    if (port != 443)
        http += ':' + QByteArray::number(port);
    http += "\r\nConnection: close\r\nAccept: application/json\r\n";
    if (request.method != "GET") {
        if (!request.body.isEmpty())
            http += "Content-Type: " + request.contentType + "\r\n";
        http += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    }
    for (const auto& [name, value] : request.extraHeaders)
        http += name + ": " + value + "\r\n";
    http += "X-Pos-Key-Id: " + m_config.keyId.toUtf8() + "\r\n";
    http += "X-Pos-Timestamp: " + timestamp + "\r\n";
    http += "X-Pos-Nonce: " + pending->nonce + "\r\n";
    http += "X-Pos-Signature: " + signature.value() + "\r\n\r\n";
    http += request.body;

    const int budget = request.budget == ApiBudget::Qr ? m_config.qrTimeoutMs : m_config.onboardingTimeoutMs;
    pending->elapsed.start();
    auto* exchange = new HttpsExchange(base.host(), port, apiTlsConfiguration(m_config),
                                       m_config.expectedPeerName, std::move(http), budget, {}, nullptr);
    m_inFlight.insert(exchange);
    // The exchange reports through this lambda; it is deleted (later) once it has.
    auto report = [this, exchange, pending](HttpsResult result) {
        if (!m_inFlight.remove(exchange))
            return;
        exchange->deleteLater();
        Result<ApiResponse> outcome =
            classify(result, pending->secret.bytes(), pending->path, pending->nonce);
        QString verdict = QStringLiteral("definite");
        if (!outcome)
            verdict = (apiOutcomeOf(outcome.error()) == ApiOutcome::NotSent ? QStringLiteral("not sent (%1)")
                                                                            : QStringLiteral("unknown (%1)"))
                          .arg(outcome.error().detail);
        qCInfo(lcAcquirer).noquote() << "api" << pending->method << QString::fromUtf8(pending->path)
                                     << "status" << result.status << "in" << pending->elapsed.elapsed()
                                     << "ms:" << verdict;
        if (!pending->context || !pending->done)
            return;
        QMetaObject::invokeMethod(
            pending->context,
            [pending, outcome = std::move(outcome)]() mutable { pending->done(std::move(outcome)); },
            Qt::QueuedConnection);
    };
    exchange->setCompletion(std::move(report));
    exchange->start();
}

} // namespace acquirer
} // namespace pos
