// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <functional>

namespace pos {
namespace acquirer {

// An API secret (raw bytes, e.g. the 32 bytes of a 64-hex apiSecret). Copies are deep; every copy is wiped
// (OPENSSL_cleanse) when it is destroyed or reassigned. Never logged, never in an Error.
class ApiSecret final
{
public:
    ApiSecret() = default;
    explicit ApiSecret(const QByteArray& bytes);
    ApiSecret(const ApiSecret& other);
    ApiSecret& operator=(const ApiSecret& other);
    ~ApiSecret();

    const QByteArray& bytes() const { return m_bytes; }
    bool isEmpty() const { return m_bytes.isEmpty(); }

private:
    QByteArray m_bytes;
};

// The demo installer key of the simulator (docs/acquirer-api.md; published test value, simulator only).
QString demoInstallerKeyId();
ApiSecret demoInstallerSecret();

// Where and how the POS talks to the acquirer's JSON API. Times are milliseconds, positive.
struct ApiConfig
{
    // Scheme and authority only, e.g. https://127.0.0.1:8443 (paths come from the calls). Must be https.
    QUrl baseUrl;
    // The acquirer CA(s): the ONLY trust anchors (system CAs off), as for the card link.
    QList<QSslCertificate> pinnedCa;
    // Name the server certificate must carry; empty means baseUrl's host.
    QString expectedPeerName;
    // The installer key before activation, the terminal's key after (X-Pos-Key-Id).
    QString keyId;
    ApiSecret secret;
    // [A] Whole-call budget (connect + TLS + request + response) of onboarding and activation calls.
    int onboardingTimeoutMs = 15000;
    // [A] Whole-call budget of the QR calls (pay, query, close, reverse, refund, bill).
    int qrTimeoutMs = 10000;
    // Unix ms for X-Pos-Timestamp; default QDateTime::currentMSecsSinceEpoch.
    std::function<qint64()> clock;
};

// The TLS configuration of every API request: TLS 1.2 or newer, VerifyPeer against exactly config.pinnedCa
// (system CAs and on-demand root loading off). The peer verify name is set on the socket (expectedPeerName,
// or the base URL's host).
QSslConfiguration apiTlsConfiguration(const ApiConfig& config);

} // namespace acquirer
} // namespace pos
