// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslServer>
#include <QString>

#include <chrono>
#include <functional>

class QSslSocket;

namespace pos {
namespace sim {

// TLS listener of a simulator (QSslServer), on 127.0.0.1 only; the TLS counterpart of TcpSimulatorServer.
// A connection reaches the handler only after its TLS handshake completed; handshake failures (untrusted
// client, plaintext client, missing client certificate) are logged on pos.sim, counted and the socket is
// dropped. Connections without traffic for the idle timeout (60 s) are closed. Thread affinity: the thread
// it lives in.
class TlsSimulatorServer final : public QObject
{
    Q_OBJECT

public:
    // Called once per connection whose handshake completed, with a 1-based connection number. The server
    // owns the socket and deletes it (later) after it disconnected; connect to its signals with the socket
    // as context.
    using ConnectionHandler = std::function<void(QSslSocket& socket, int connectionNumber)>;

    // name only labels the log lines. configuration: see simulatorServerConfiguration() (SimulatorPki.h).
    TlsSimulatorServer(QString name, QSslConfiguration configuration, QObject* parent = nullptr);
    // Closes the open connections first, so their disconnected() handlers still run.
    ~TlsSimulatorServer() override;

    void setConnectionHandler(ConnectionHandler handler);
    void setIdleTimeout(std::chrono::milliseconds timeout);
    // Requests and verifies a client certificate issued by one of ca; connections without one fail their
    // handshake. An empty list turns the requirement off. Applies to connections accepted afterwards.
    void setRequireClientCertificate(const QList<QSslCertificate>& ca);

    // Listens on 127.0.0.1:port; port 0 picks an ephemeral port.
    Result<void> listen(quint16 port);
    quint16 serverPort() const;

    // Connections whose handshake completed, and those whose handshake failed.
    int acceptedConnectionCount() const { return m_acceptedCount; }
    int failedHandshakeCount() const { return m_failedHandshakeCount; }
    int openConnectionCount() const { return static_cast<int>(m_open.size()); }

    // Aborts every open connection; each emits disconnected() before this returns.
    void closeAllConnections();

Q_SIGNALS:
    void connectionAccepted(int connectionNumber);
    void connectionClosed(int connectionNumber);
    void handshakeFailed(const QString& reason);

private:
    void acceptPendingConnections();
    void setUpConnection(QSslSocket* socket);
    void onHandshakeError(QSslSocket* socket);

    QString m_name;
    QSslConfiguration m_configuration;
    QSslServer m_server;
    ConnectionHandler m_handler;
    std::chrono::milliseconds m_idleTimeout;
    int m_acceptedCount = 0;
    int m_failedHandshakeCount = 0;
    QHash<QSslSocket*, int> m_open;
};

} // namespace sim
} // namespace pos
