// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "simulators/acquirer/api/ActivationService.h"
#include "simulators/acquirer/api/ApiFaults.h"
#include "simulators/acquirer/api/ApiStore.h"
#include "simulators/acquirer/api/HttpResponse.h"
#include "simulators/acquirer/api/QrGateway.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace pos {
namespace sim {

class HostLedger;
class OnboardingService;
class TlsSimulatorServer;
struct HttpRequest;

struct ApiServerConfig
{
    // The installer key issued to the software vendor [A]: demo values published in docs/acquirer-api.md.
    QString installerKeyId = QStringLiteral("demo-installer");
    QByteArray installerSecret =
        QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    std::chrono::milliseconds reviewDelay{3000}; // [A] --review-delay-ms
    ActivationService::Settings activation;
    QrGateway::Settings qr;
    ApiFaultConfig faults;
    qint64 timestampWindowMs = 300'000; // |server time − X-Pos-Timestamp| allowed
    qint64 nonceMemoryMs = 600'000;     // how long a nonce stays refused per key
    std::function<qint64()> clock;      // Unix ms; empty: the system clock
};

// What the server does with one parsed request.
struct ApiOutcome
{
    enum class Action {
        Send,        // write response
        Close,       // close the connection without an answer (drop-request, drop-response)
        DelayedSend, // write response after delay
    };
    Action action = Action::Send;
    HttpResponse response;
    std::chrono::milliseconds delay{0};
};

// The simulator's HTTPS JSON API (docs/acquirer-api.md is the contract): its own TLS listener on 127.0.0.1
// with the simulator PKI, HTTP/1.1 with keep-alive, request signature checks (key id, timestamp window, HMAC,
// nonce replay cache per key), key scopes (the installer key only reaches /v1/onboarding/* and
// /v1/terminals/activate), signed responses, onboarding, activation, the QR gateway and seeded API faults.
// Shares the HostLedger (same thread) with the card host. Lives on the event loop's thread.
class ApiServer final : public QObject
{
    Q_OBJECT

public:
    ApiServer(HostLedger& ledger, QSslConfiguration tls, ApiServerConfig config, QObject* parent = nullptr);
    // Closes the open connections first.
    ~ApiServer() override;

    // Listens on 127.0.0.1:port (0: ephemeral) and schedules reviews left undecided by an earlier run.
    Result<> listen(quint16 port);
    quint16 port() const;

    // The card host's port as reported by activation ("cardHost": "127.0.0.1:PORT").
    void setCardHostPort(quint16 port);

    // Everything done for one parsed request: authentication, faults, scope, routing and the response
    // signature. Also the unit under test for the rules without sockets.
    ApiOutcome handle(const HttpRequest& request);

    OnboardingService& onboarding() { return *m_onboarding; }
    TlsSimulatorServer& tlsServer() { return *m_server; }
    const ApiFaultInjector& faults() const { return m_faults; }

private:
    qint64 nowMs() const;
    HttpResponse route(const HttpRequest& request, const ApiKeyRecord& key, qint64 now);
    bool rememberNonce(const QString& keyId, const QByteArray& nonce, qint64 now);
    void sign(HttpResponse& response, const HttpRequest& request, const QByteArray& secret, qint64 now) const;

    HostLedger& m_ledger;
    ApiServerConfig m_config;
    ApiStore m_store;
    std::unique_ptr<OnboardingService> m_onboarding;
    ActivationService m_activation;
    QrGateway m_qr;
    ApiFaultInjector m_faults;
    std::unique_ptr<TlsSimulatorServer> m_server;
    QHash<QString, QHash<QByteArray, qint64>> m_nonces; // key id → nonce → first seen (ms)
    qint64 m_lastNoncePruneMs = 0;
};

} // namespace sim
} // namespace pos
