// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/PtyEndpoint.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

namespace pos {
namespace sim {

PtyEndpoint::~PtyEndpoint()
{
    if (m_master >= 0)
        ::close(m_master);
    if (m_slaveKeeper >= 0)
        ::close(m_slaveKeeper);
}

bool PtyEndpoint::open(QString& slavePath, QString& error)
{
    m_master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0) {
        error = QStringLiteral("posix_openpt: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const char* name = ::ptsname(m_master);
    if (!name) {
        error = QStringLiteral("ptsname failed");
        return false;
    }
    slavePath = QString::fromLocal8Bit(name);
    m_slaveKeeper = ::open(name, O_RDWR | O_NOCTTY);
    if (m_slaveKeeper >= 0) {
        termios raw{};
        if (::tcgetattr(m_slaveKeeper, &raw) == 0) {
            ::cfmakeraw(&raw);
            (void)::tcsetattr(m_slaveKeeper, TCSANOW, &raw);
        }
    }
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] { readAvailable(); });
    return true;
}

void PtyEndpoint::write(const QByteArray& bytes)
{
    qsizetype written = 0;
    int attempts = 0;
    while (m_master >= 0 && written < bytes.size() && attempts < 100) {
        const ssize_t n =
            ::write(m_master, bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
        if (n > 0) {
            written += n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            return;
        ++attempts; // full: wait a little for the driver to read
        pollfd descriptor{m_master, POLLOUT, 0};
        (void)::poll(&descriptor, 1, 10);
    }
}

void PtyEndpoint::hangUp()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_master >= 0)
        ::close(m_master);
    m_master = -1;
}

void PtyEndpoint::readAvailable()
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0)
            return; // EAGAIN, or nothing more
        if (onBytes)
            onBytes(QByteArray(buffer, n));
        if (m_master < 0)
            return; // hung up by the callback
    }
}

} // namespace sim
} // namespace pos
