// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/TlsSimulatorServer.h"

#include "simulators/ConnectionWatch.h"
#include "simulators/SimulatorLog.h"

#include <QHostAddress>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>

#include <utility>

using namespace std::chrono_literals;

namespace pos {
namespace sim {

TlsSimulatorServer::TlsSimulatorServer(QString name, QSslConfiguration configuration, QObject* parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_configuration(std::move(configuration))
    , m_idleTimeout(60s)
{
    m_server.setSslConfiguration(m_configuration);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this,
            &TlsSimulatorServer::acceptPendingConnections);
    connect(&m_server, &QSslServer::errorOccurred, this,
            [this](QSslSocket* socket, QAbstractSocket::SocketError) { onHandshakeError(socket); });
}

TlsSimulatorServer::~TlsSimulatorServer()
{
    closeAllConnections();
}

void TlsSimulatorServer::setConnectionHandler(ConnectionHandler handler)
{
    m_handler = std::move(handler);
}

void TlsSimulatorServer::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = timeout;
}

void TlsSimulatorServer::setRequireClientCertificate(const QList<QSslCertificate>& ca)
{
    m_configuration.setCaCertificates(ca);
    m_configuration.setPeerVerifyMode(ca.isEmpty() ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
    m_server.setSslConfiguration(m_configuration);
}

Result<void> TlsSimulatorServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress(QHostAddress::LocalHost), port)) {
        return fail(ErrorCode::NetworkFailure,
                    tr("The simulator could not listen on 127.0.0.1:%1.").arg(port), m_server.errorString());
    }
    qCInfo(lcSim).noquote() << m_name << "listening (TLS) on 127.0.0.1 port" << m_server.serverPort();
    return {};
}

quint16 TlsSimulatorServer::serverPort() const
{
    return m_server.serverPort();
}

void TlsSimulatorServer::closeAllConnections()
{
    const QList<QSslSocket*> sockets = m_open.keys();
    for (QSslSocket* socket : sockets)
        socket->abort();
}

void TlsSimulatorServer::acceptPendingConnections()
{
    while (QTcpSocket* pending = m_server.nextPendingConnection()) {
        if (auto* socket = qobject_cast<QSslSocket*>(pending))
            setUpConnection(socket);
        else
            pending->deleteLater();
    }
}

void TlsSimulatorServer::onHandshakeError(QSslSocket* socket)
{
    if (!socket || m_open.contains(socket))
        return; // errors of established connections end in disconnected()
    ++m_failedHandshakeCount;
    const QString reason = socket->errorString();
    qCWarning(lcSim).noquote() << m_name << "TLS handshake failed:" << reason;
    socket->disconnect(this);
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(m_idleTimeout, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    Q_EMIT handshakeFailed(reason);
}

void TlsSimulatorServer::setUpConnection(QSslSocket* socket)
{
    const int number = ++m_acceptedCount;
    m_open.insert(socket, number);
    qCDebug(lcSim).noquote() << m_name << "connection" << number << "opened with"
                             << socket->sessionCipher().protocolString() << "," << m_open.size() << "open";

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
