// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QString>

#include <chrono>
#include <functional>

class QObject;
class QTcpSocket;

namespace pos {
namespace sim {

// What every simulator server does with an accepted connection (TCP or TLS): an idle timer that closes it
// after idleTimeout without traffic, and, once it disconnected, onClosed (run with receiver as context) and
// a deleteLater() of the socket. name and number only label the log lines.
void watchConnection(QTcpSocket* socket,
                     const QString& name,
                     int number,
                     std::chrono::milliseconds idleTimeout,
                     QObject* receiver,
                     std::function<void()> onClosed);

} // namespace sim
} // namespace pos
