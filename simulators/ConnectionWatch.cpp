// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/ConnectionWatch.h"

#include "simulators/SimulatorLog.h"

#include <QTcpSocket>
#include <QTimer>

namespace pos {
namespace sim {

void watchConnection(QTcpSocket* socket,
                     const QString& name,
                     int number,
                     std::chrono::milliseconds idleTimeout,
                     QObject* receiver,
                     std::function<void()> onClosed)
{
    auto* idleTimer = new QTimer(socket);
    idleTimer->setSingleShot(true);
    idleTimer->setInterval(idleTimeout);
    QObject::connect(idleTimer, &QTimer::timeout, socket, [socket, name, number] {
        qCInfo(lcSim).noquote() << name << "connection" << number << "idle; closing";
        socket->disconnectFromHost();
    });
    QObject::connect(socket, &QTcpSocket::readyRead, idleTimer, qOverload<>(&QTimer::start));
    QObject::connect(socket, &QTcpSocket::bytesWritten, idleTimer, qOverload<>(&QTimer::start));
    QObject::connect(socket, &QTcpSocket::disconnected, receiver, [socket, onClosed = std::move(onClosed)] {
        if (onClosed)
            onClosed();
        socket->deleteLater();
    });
    idleTimer->start();
}

} // namespace sim
} // namespace pos
