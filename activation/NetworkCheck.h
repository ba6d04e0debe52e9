// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>

#include <functional>
#include <memory>

// The network check before activation (product.md §3): can this shop reach the acquirer? For each endpoint:
// resolve the name (DNS), open TCP, complete the TLS handshake against the pinned acquirer CA, and measure
// the time of each stage. The report says in plain words which stage failed and what the merchant can do.
// Thread affinity: the GUI thread; nothing blocks (QHostInfo and QSslSocket are asynchronous).
namespace pos {
namespace activation {

struct NetworkEndpoint
{
    QString label; // translated, e.g. "Onboarding service"
    QString host;
    quint16 port = 0;
    QList<QSslCertificate> pinnedCa;
    QString peerName; // empty: host
};

enum class NetworkStage { Dns, Tcp, Tls, Done };

struct EndpointResult
{
    NetworkEndpoint endpoint;
    NetworkStage reached = NetworkStage::Dns; // Done when every stage passed
    qint64 dnsMs = -1;
    qint64 tcpMs = -1;
    qint64 tlsMs = -1; // the handshake alone
    QString diagnosis; // translated; empty when fine and fast (set for a slow but working endpoint too)
    bool ok() const { return reached == NetworkStage::Done; }
};

struct NetworkReport
{
    QList<EndpointResult> endpoints;
    bool ok() const;
    bool slow() const;       // reachable, but slower than NetworkCheck::Config::slowThresholdMs
    QString summary() const; // translated, one line per endpoint
};

class NetworkCheck final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        int stageTimeoutMs = 8000;  // per stage
        int slowThresholdMs = 1500; // TCP + TLS above this is reported as slow
    };

    explicit NetworkCheck(Config config, QObject* parent = nullptr);
    ~NetworkCheck() override;

    // Checks the endpoints one after the other; done runs once with the report (in this object's thread).
    void run(QList<NetworkEndpoint> endpoints, std::function<void(NetworkReport)> done);

private:
    struct Probe;
    void next();
    void finishProbe(EndpointResult result);

    Config m_config;
    QList<NetworkEndpoint> m_pending;
    NetworkReport m_report;
    std::function<void(NetworkReport)> m_done;
    std::unique_ptr<Probe> m_probe;
};

} // namespace activation
} // namespace pos
