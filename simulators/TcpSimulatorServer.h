// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTcpServer>

#include <chrono>
#include <functional>

class QTcpSocket;

namespace pos {
namespace sim {

// TCP listener of a simulator, on 127.0.0.1 only. Each simulator adds its behaviour through the connection
// handler. Connections without traffic for the idle timeout (60 s) are closed.
class TcpSimulatorServer final : public QObject
{
    Q_OBJECT

public:
    // Called once per accepted connection with a 1-based connection number. The server owns the socket and
    // deletes it (later) after it disconnected; connect to its signals with the socket as context.
    using ConnectionHandler = std::function<void(QTcpSocket& socket, int connectionNumber)>;

    // name only labels the log lines ("printer", "acquirer", ...).
    explicit TcpSimulatorServer(QString name, QObject* parent = nullptr);
    // Closes the open connections first, so their disconnected() handlers still run.
    ~TcpSimulatorServer() override;

    void setConnectionHandler(ConnectionHandler handler);
    void setIdleTimeout(std::chrono::milliseconds timeout);

    // Listens on 127.0.0.1:port; port 0 picks an ephemeral port.
    Result<void> listen(quint16 port);
    quint16 serverPort() const;

    int acceptedConnectionCount() const { return m_acceptedCount; }
    int openConnectionCount() const { return static_cast<int>(m_open.size()); }

    // Aborts every open connection; each emits disconnected() before this returns.
    void closeAllConnections();

Q_SIGNALS:
    void connectionAccepted(int connectionNumber);
    void connectionClosed(int connectionNumber);

private:
    void acceptPendingConnections();
    void setUpConnection(QTcpSocket* socket);

    QString m_name;
    QTcpServer m_server;
    ConnectionHandler m_handler;
    std::chrono::milliseconds m_idleTimeout;
    int m_acceptedCount = 0;
    QHash<QTcpSocket*, int> m_open;
};

} // namespace sim
} // namespace pos
