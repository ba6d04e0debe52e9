// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/TcpSimulatorServer.h"

#include "simulators/ConnectionWatch.h"
#include "simulators/SimulatorLog.h"

#include <QHostAddress>
#include <QTcpSocket>

#include <utility>

using namespace std::chrono_literals;

namespace pos {
namespace sim {

TcpSimulatorServer::TcpSimulatorServer(QString name, QObject* parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_idleTimeout(60s)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpSimulatorServer::acceptPendingConnections);
}

TcpSimulatorServer::~TcpSimulatorServer()
{
    closeAllConnections();
}

void TcpSimulatorServer::setConnectionHandler(ConnectionHandler handler)
{
    m_handler = std::move(handler);
}

void TcpSimulatorServer::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = timeout;
}

Result<void> TcpSimulatorServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress(QHostAddress::LocalHost), port)) {
        return fail(ErrorCode::NetworkFailure,
                    tr("The simulator could not listen on 127.0.0.1:%1.").arg(port), m_server.errorString());
    }
    qCInfo(lcSim).noquote() << m_name << "listening on 127.0.0.1 port" << m_server.serverPort();
    return {};
}

quint16 TcpSimulatorServer::serverPort() const
{
    return m_server.serverPort();
}

void TcpSimulatorServer::closeAllConnections()
{
    const QList<QTcpSocket*> sockets = m_open.keys();
    for (QTcpSocket* socket : sockets)
        socket->abort();
}

void TcpSimulatorServer::acceptPendingConnections()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection())
        setUpConnection(socket);
}

void TcpSimulatorServer::setUpConnection(QTcpSocket* socket)
{
    const int number = ++m_acceptedCount;
    m_open.insert(socket, number);
    qCDebug(lcSim).noquote() << m_name << "connection" << number << "opened," << m_open.size() << "open";

    watchConnection(socket, m_name, number, m_idleTimeout, this, [this, socket, number] {
        m_open.remove(socket);
        qCDebug(lcSim).noquote() << m_name << "connection" << number << "closed," << m_open.size() << "open";
        Q_EMIT connectionClosed(number);
    });

    if (m_handler)
        m_handler(*socket, number);
    Q_EMIT connectionAccepted(number);
}

} // namespace sim
} // namespace pos
