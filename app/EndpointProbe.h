// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"

#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>

namespace pos {
namespace app {

// Watches whether a TCP endpoint accepts connections: connects, reports Online, disconnects, and tries again
// every interval. Fully asynchronous (never blocks its thread). A placeholder for the real link states the
// acquirer engine and the device drivers will report; it only proves reachability.
class EndpointProbe final : public QObject
{
    Q_OBJECT
public:
    EndpointProbe(QString host, quint16 port, std::chrono::milliseconds interval, QObject* parent = nullptr);

    void start();
    LinkState state() const { return m_state; }
    QString endpoint() const;

Q_SIGNALS:
    void stateChanged(pos::LinkState state);

private:
    void probe();
    void setState(LinkState state);

    QString m_host;
    quint16 m_port;
    QTcpSocket m_socket;
    QTimer m_interval;
    QTimer m_connectTimeout;
    LinkState m_state = LinkState::Unknown;
};

} // namespace app
} // namespace pos
