// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/NetworkCheck.h"

#include "activation/ActivationLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace pos {
namespace activation {

namespace {

struct CheckText
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::NetworkCheck)
};

} // namespace

bool NetworkReport::ok() const
{
    for (const EndpointResult& r : endpoints) {
        if (!r.ok())
            return false;
    }
    return !endpoints.isEmpty();
}

bool NetworkReport::slow() const
{
    for (const EndpointResult& r : endpoints) {
        if (r.ok() && !r.diagnosis.isEmpty())
            return true;
    }
    return false;
}

QString NetworkReport::summary() const
{
    QStringList lines;
    for (const EndpointResult& r : endpoints) {
        if (r.ok())
            lines << CheckText::tr("%1: reachable, secure connection in %2 ms.")
                         .arg(r.endpoint.label)
                         .arg(r.tcpMs + r.tlsMs);
        else
            lines << QStringLiteral("%1: %2").arg(r.endpoint.label, r.diagnosis);
        if (r.ok() && !r.diagnosis.isEmpty())
            lines.last() += QLatin1Char(' ') + r.diagnosis;
    }
    return lines.join(QLatin1Char('\n'));
}

// One endpoint's stages. Owned by NetworkCheck; the socket and timer are its children.
struct NetworkCheck::Probe
{
    QObject owner;
    EndpointResult result;
    QElapsedTimer clock;
    QSslSocket* socket = nullptr;
    QTimer* timeout = nullptr;
    int lookupId = -1;
    bool finished = false;
};

NetworkCheck::NetworkCheck(Config config, QObject* parent) : QObject(parent), m_config(config)
{}

NetworkCheck::~NetworkCheck()
{
    if (m_probe && m_probe->lookupId >= 0)
        QHostInfo::abortHostLookup(m_probe->lookupId);
}

void NetworkCheck::run(QList<NetworkEndpoint> endpoints, std::function<void(NetworkReport)> done)
{
    m_pending = std::move(endpoints);
    m_report = {};
    m_done = std::move(done);
    QTimer::singleShot(0, this, [this] { next(); });
}

void NetworkCheck::next()
{
    if (m_pending.isEmpty()) {
        m_probe.reset();
        if (m_done)
            std::exchange(m_done, {})(m_report);
        return;
    }
    m_probe = std::make_unique<Probe>();
    Probe* probe = m_probe.get();
    probe->result.endpoint = m_pending.takeFirst();
    const NetworkEndpoint& endpoint = probe->result.endpoint;
    probe->timeout = new QTimer(&probe->owner);
    probe->timeout->setSingleShot(true);
    probe->clock.start();

    const auto fail = [this, probe](const QString& diagnosis) {
        if (probe->finished)
            return;
        probe->finished = true;
        probe->result.diagnosis = diagnosis;
        qCInfo(lcActivation) << "network check" << probe->result.endpoint.host << "failed at stage"
                             << int(probe->result.reached);
        EndpointResult result = probe->result;
        QTimer::singleShot(0, this, [this, result] { finishProbe(result); });
    };

    QObject::connect(probe->timeout, &QTimer::timeout, &probe->owner, [probe, fail, endpoint] {
        switch (probe->result.reached) {
        case NetworkStage::Dns:
            fail(CheckText::tr("The name %1 could not be looked up in time (DNS). Check the shop's internet "
                               "connection and the router's DNS server.")
                     .arg(endpoint.host));
            break;
        case NetworkStage::Tcp:
            fail(CheckText::tr("The acquirer's server did not answer in time. The internet connection may be "
                               "down or unstable, or a firewall blocks port %1.")
                     .arg(endpoint.port));
            break;
        case NetworkStage::Tls:
        case NetworkStage::Done:
            fail(CheckText::tr("The secure connection was not completed in time. The network is very slow or "
                               "unstable; try again, or try another connection."));
            break;
        }
    });
    probe->timeout->start(m_config.stageTimeoutMs);

    probe->lookupId =
        QHostInfo::lookupHost(endpoint.host, &probe->owner, [this, probe, fail](const QHostInfo& info) {
            probe->lookupId = -1;
            if (probe->finished)
                return;
            const NetworkEndpoint& ep = probe->result.endpoint;
            if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
                fail(CheckText::tr(
                         "The name %1 could not be found (DNS). Check that the shop's internet connection "
                         "works and the router's DNS server answers.")
                         .arg(ep.host));
                return;
            }
            probe->result.dnsMs = probe->clock.restart();
            probe->result.reached = NetworkStage::Tcp;
            probe->timeout->start(m_config.stageTimeoutMs);

            probe->socket = new QSslSocket(&probe->owner);
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setProtocol(QSsl::TlsV1_2OrLater);
            tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
            tls.setCaCertificates(ep.pinnedCa);
            probe->socket->setSslConfiguration(tls);
            probe->socket->setPeerVerifyName(ep.peerName.isEmpty() ? ep.host : ep.peerName);
            QObject::connect(probe->socket, &QSslSocket::connected, &probe->owner, [this, probe] {
                probe->result.tcpMs = probe->clock.restart();
                probe->result.reached = NetworkStage::Tls;
                probe->timeout->start(m_config.stageTimeoutMs);
            });
            QObject::connect(probe->socket, &QSslSocket::encrypted, &probe->owner, [this, probe] {
                if (probe->finished)
                    return;
                probe->finished = true;
                probe->timeout->stop();
                probe->result.tlsMs = probe->clock.elapsed();
                probe->result.reached = NetworkStage::Done;
                if (probe->result.tcpMs + probe->result.tlsMs > m_config.slowThresholdMs)
                    probe->result.diagnosis =
                        CheckText::tr("The connection is slow (%1 ms); payments will take longer than usual.")
                            .arg(probe->result.tcpMs + probe->result.tlsMs);
                probe->socket->abort();
                EndpointResult result = probe->result;
                QTimer::singleShot(0, this, [this, result] { finishProbe(result); });
            });
            QObject::connect(
                probe->socket, &QSslSocket::errorOccurred, &probe->owner,
                [probe, fail](QAbstractSocket::SocketError error) {
                    const NetworkEndpoint& e = probe->result.endpoint;
                    if (probe->result.reached == NetworkStage::Tcp) {
                        fail(error == QAbstractSocket::ConnectionRefusedError
                                 ? CheckText::tr("The acquirer's server refused the connection on port "
                                                 "%1. The service may be down; try again later.")
                                       .arg(e.port)
                                 : CheckText::tr("The acquirer's server could not be reached (%1). "
                                                 "Check the internet connection and any firewall.")
                                       .arg(probe->socket->errorString()));
                        return;
                    }
                    fail(CheckText::tr("A secure connection to %1 could not be established (%2). The "
                                       "network may intercept secure connections, or this computer's "
                                       "clock is wrong.")
                             .arg(e.host, probe->socket->errorString()));
                });
            probe->socket->connectToHostEncrypted(ep.host, ep.port);
        });
}

void NetworkCheck::finishProbe(EndpointResult result)
{
    m_report.endpoints.append(std::move(result));
    next();
}

} // namespace activation
} // namespace pos
