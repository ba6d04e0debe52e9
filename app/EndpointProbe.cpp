// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/EndpointProbe.h"

namespace pos {
namespace app {

EndpointProbe::EndpointProbe(QString host, quint16 port, std::chrono::milliseconds interval, QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_socket(this)
    , m_interval(this)
    , m_connectTimeout(this)
{
    m_interval.setInterval(interval);
    m_connectTimeout.setSingleShot(true);
    m_connectTimeout.setInterval(std::chrono::seconds(3));
    connect(&m_interval, &QTimer::timeout, this, &EndpointProbe::probe);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        m_socket.abort();
        setState(LinkState::Offline);
    });
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_connectTimeout.stop();
        setState(LinkState::Online);
        m_socket.disconnectFromHost();
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return;
        m_connectTimeout.stop();
        setState(LinkState::Offline);
    });
}

void EndpointProbe::start()
{
    if (m_state == LinkState::Unknown)
        setState(LinkState::Connecting);
    probe();
    m_interval.start();
}

QString EndpointProbe::endpoint() const
{
    return QStringLiteral("tcp:%1:%2").arg(m_host).arg(m_port);
}

void EndpointProbe::probe()
{
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    m_connectTimeout.start();
    m_socket.connectToHost(m_host, m_port);
}

void EndpointProbe::setState(LinkState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace app
} // namespace pos
