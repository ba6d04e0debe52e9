// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/SimulatorHost.h"

#include "simulators/SimulatorLog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstdio>

#if defined(Q_OS_UNIX)
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace pos {
namespace sim {
namespace {

#if defined(Q_OS_UNIX)
// Self-pipe: [0] is written by the signal handler, [1] is watched by the event loop.
int g_signalFds[2] = {-1, -1};

void onTerminationSignal(int signalNumber)
{
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_signalFds[0], &byte, 1);
    errno = savedErrno;
}
#endif

} // namespace

SimulatorHost::SimulatorHost(QObject* parent)
    : QObject(parent)
    , m_portOption(QStringLiteral("port"),
                   tr("TCP port on 127.0.0.1 to listen on; 0 picks a free port."),
                   tr("port"),
                   QStringLiteral("0"))
    , m_parentPidOption(QStringLiteral("parent-pid"),
                        tr("Process id of the parent; the simulator exits when that parent is gone or closes "
                           "the simulator's standard input."),
                        tr("pid"))
{}

SimulatorHost::~SimulatorHost()
{
#if defined(Q_OS_UNIX)
    if (m_signalNotifier) {
        struct sigaction action
        {};
        action.sa_handler = SIG_DFL;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGTERM, &action, nullptr);
        ::sigaction(SIGINT, &action, nullptr);
        ::close(g_signalFds[0]);
        ::close(g_signalFds[1]);
        g_signalFds[0] = -1;
        g_signalFds[1] = -1;
    }
#endif
}

void SimulatorHost::addOptions(QCommandLineParser& parser) const
{
    parser.addOption(m_portOption);
    parser.addOption(m_parentPidOption);
}

std::optional<int> SimulatorHost::start(const QCommandLineParser& parser)
{
    bool ok = false;
    const uint port = parser.value(m_portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        qCCritical(lcSim).noquote()
            << tr("Invalid --port value \"%1\": expected 0 to 65535.").arg(parser.value(m_portOption));
        return ExitUsage;
    }
    m_port = static_cast<quint16>(port);

    if (!installSignalHandling())
        return ExitStartFailed;

    if (parser.isSet(m_parentPidOption)) {
        const qint64 parentPid = parser.value(m_parentPidOption).toLongLong(&ok);
        if (!ok || parentPid <= 0) {
            qCCritical(lcSim).noquote() << tr("Invalid --parent-pid value \"%1\": expected a process id.")
                                               .arg(parser.value(m_parentPidOption));
            return ExitUsage;
        }
        return watchParent(parentPid);
    }
    if (m_stdinLineHandler)
        watchStdin();
    return std::nullopt;
}

void SimulatorHost::setStdinLineHandler(std::function<void(const QString& line)> handler)
{
    m_stdinLineHandler = std::move(handler);
}

void SimulatorHost::watchStdin()
{
#if defined(Q_OS_UNIX)
    if (m_stdinNotifier)
        return;
    m_stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdinNotifier, &QSocketNotifier::activated, this, &SimulatorHost::readStdin);
#endif
}

bool SimulatorHost::installSignalHandling()
{
#if defined(Q_OS_UNIX)
    Q_ASSERT_X(g_signalFds[0] < 0, "SimulatorHost", "only one SimulatorHost per process");
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) != 0) {
        qCCritical(lcSim) << "socketpair for signal handling failed, errno" << errno;
        return false;
    }
    ::fcntl(g_signalFds[0], F_SETFL, ::fcntl(g_signalFds[0], F_GETFL) | O_NONBLOCK);
    m_signalNotifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, &SimulatorHost::readSignal);

    struct sigaction action
    {};
    action.sa_handler = &onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
#endif
    return true;
}

std::optional<int> SimulatorHost::watchParent(qint64 parentPid)
{
#if defined(Q_OS_UNIX)
#if defined(Q_OS_LINUX)
    ::prctl(PR_SET_PDEATHSIG, static_cast<unsigned long>(SIGTERM));
#endif
    // After prctl: a parent that died before it took effect shows up here as a different parent pid.
    const qint64 actualParent = ::getppid();
    if (actualParent != parentPid) {
        qCWarning(lcSim) << "--parent-pid" << parentPid << "is not the parent process" << actualParent
                         << "- the parent is gone; exiting";
        return ExitParentGone;
    }
    m_quitOnStdinEof = true;
    watchStdin();
#else
    Q_UNUSED(parentPid);
#endif
    return std::nullopt;
}

void SimulatorHost::readSignal()
{
#if defined(Q_OS_UNIX)
    unsigned char signalNumber = 0;
    if (::read(g_signalFds[1], &signalNumber, 1) != 1)
        return;
    qCInfo(lcSim) << "signal" << signalNumber << "received; shutting down";
    QCoreApplication::quit();
#endif
}

void SimulatorHost::readStdin()
{
#if defined(Q_OS_UNIX)
    // Without a line handler whatever the parent writes is ignored; only end of file (parent gone) matters.
    char buffer[512];
    const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count > 0 && m_stdinLineHandler) {
        m_stdinPartialLine.append(buffer, count);
        qsizetype newline = -1;
        while ((newline = m_stdinPartialLine.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_stdinPartialLine.left(newline)).trimmed();
            m_stdinPartialLine.remove(0, newline + 1);
            m_stdinLineHandler(line);
        }
    }
    if (count > 0 || (count < 0 && (errno == EINTR || errno == EAGAIN)))
        return;
    if (!m_quitOnStdinEof) {
        m_stdinNotifier->setEnabled(false);
        return;
    }
    if (count == 0)
        qCInfo(lcSim) << "standard input closed by the parent; shutting down";
    else
        qCWarning(lcSim) << "reading standard input failed, errno" << errno << "; shutting down";
    m_stdinNotifier->setEnabled(false);
    QCoreApplication::quit();
#endif
}

void SimulatorHost::printLine(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void SimulatorHost::printError(const QString& message)
{
    const QByteArray bytes = message.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
}

void SimulatorHost::announceListening(quint16 port)
{
    printLine(QStringLiteral("listening 127.0.0.1:%1").arg(port));
}

} // namespace sim
} // namespace pos
