// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/DemoSupervisor.h"

#include "app/AppLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

namespace pos {
namespace app {
namespace {

struct DemoText
{
    Q_DECLARE_TR_FUNCTIONS(pos::app::DemoSupervisor)
};

constexpr int startupTimeoutMs = 15000;

} // namespace

DemoSupervisor::DemoSupervisor(const QString& simulatorDirectory,
                               const QString& dataDirectory,
                               QObject* parent)
    : QObject(parent)
    , m_simulatorDirectory(simulatorDirectory)
    , m_dataDirectory(dataDirectory)
{
    m_endpoints.printerJobsDirectory = QDir(dataDirectory).filePath(QStringLiteral("printer-jobs"));
    m_children = {
        {QStringLiteral("acquirer"), QStringLiteral("pos-acquirer-sim"), {}, nullptr, 0},
        {QStringLiteral("pinpad"), QStringLiteral("pos-pinpad-sim"), {}, nullptr, 0},
        {QStringLiteral("printer"),
         QStringLiteral("pos-printer-sim"),
         {QStringLiteral("--out"), m_endpoints.printerJobsDirectory},
         nullptr,
         0},
    };
    m_startupTimeout.setSingleShot(true);
    m_startupTimeout.setInterval(startupTimeoutMs);
    connect(&m_startupTimeout, &QTimer::timeout, this, [this] {
        reportFailure({ErrorCode::Timeout, DemoText::tr("The demo simulators did not start in time."),
                       QStringLiteral("simulators not ready after %1 ms").arg(startupTimeoutMs)});
    });
}

DemoSupervisor::~DemoSupervisor()
{
    stop();
}

void DemoSupervisor::setCustomerWindow(bool shown)
{
    QStringList& arguments = m_children[1].arguments; // the PIN pad
    arguments.removeAll(QStringLiteral("--window"));
    if (shown)
        arguments << QStringLiteral("--window");
}

void DemoSupervisor::start()
{
    const bool guard = qEnvironmentVariable("POS_DEMO_ORPHAN_GUARD") != QLatin1String("off");
    if (!guard)
        qCWarning(lcDemo) << "orphan guard disabled by POS_DEMO_ORPHAN_GUARD=off (tests only)";
    for (Child& child : m_children) {
        if (guard)
            child.arguments << QStringLiteral("--parent-pid")
                            << QString::number(QCoreApplication::applicationPid());
        launch(child);
    }
    m_startupTimeout.start();
}

void DemoSupervisor::launch(Child& child)
{
    child.process = new QProcess(this);
    child.process->setProgram(QDir(m_simulatorDirectory).filePath(child.program));
    child.process->setArguments(child.arguments);
    child.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString name = child.name;
    connect(child.process, &QProcess::readyReadStandardOutput, this, [this, name] {
        for (Child& c : m_children) {
            if (c.name == name)
                readAnnouncements(c);
        }
    });
    connect(child.process, &QProcess::finished, this,
            [this, name](int exitCode, QProcess::ExitStatus status) {
                for (Child& c : m_children) {
                    if (c.name == name)
                        childFinished(c, exitCode, status);
                }
            });
    connect(child.process, &QProcess::errorOccurred, this, [this, name](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        reportFailure({ErrorCode::NotFound, DemoText::tr("A demo simulator could not be started."),
                       QStringLiteral("%1 failed to start").arg(name)});
    });
    child.process->start();
}

void DemoSupervisor::readAnnouncements(Child& child)
{
    static const QRegularExpression listening(QStringLiteral("^listening 127\\.0\\.0\\.1:(\\d+)$"));
    while (child.process->canReadLine()) {
        const QString line = QString::fromUtf8(child.process->readLine()).trimmed();
        const QRegularExpressionMatch match = listening.match(line);
        static const QRegularExpression api(QStringLiteral("^api (https://\\S+)$"));
        static const QRegularExpression ca(QStringLiteral("^ca (.+)$"));
        if (child.name == QLatin1String("acquirer")) {
            if (const QRegularExpressionMatch m = api.match(line); m.hasMatch())
                m_endpoints.acquirerApiUrl = m.captured(1);
            if (const QRegularExpressionMatch m = ca.match(line); m.hasMatch())
                m_endpoints.acquirerCaPath = m.captured(1);
        }
        if (match.hasMatch() && child.port == 0) {
            child.port = static_cast<quint16>(match.captured(1).toUInt());
            qCInfo(lcDemo).noquote() << QStringLiteral("simulator %1 ready pid=%2 port=%3")
                                            .arg(child.name)
                                            .arg(child.process->processId())
                                            .arg(child.port);
        } else if (!line.isEmpty()) {
            qCInfo(lcDemo).noquote() << child.name << line;
        }
    }
    checkReady();
}

void DemoSupervisor::childFinished(Child& child, int exitCode, QProcess::ExitStatus status)
{
    qCInfo(lcDemo) << "simulator" << child.name << "exited with" << exitCode
                   << (status == QProcess::CrashExit ? "(crashed)" : "");
    if (m_stopping)
        return;
    reportFailure({ErrorCode::Internal, DemoText::tr("A demo simulator stopped unexpectedly."),
                   QStringLiteral("%1 exited with %2").arg(child.name).arg(exitCode)});
}

void DemoSupervisor::checkReady()
{
    for (const Child& child : m_children) {
        if (child.port == 0)
            return;
    }
    if (m_ready || m_endpoints.acquirerApiUrl.isEmpty() || m_endpoints.acquirerCaPath.isEmpty())
        return;
    m_startupTimeout.stop();
    m_endpoints.acquirerPort = m_children.at(0).port;
    m_endpoints.pinPadPort = m_children.at(1).port;
    m_endpoints.printerPort = m_children.at(2).port;
    m_ready = true;
    Q_EMIT ready(m_endpoints);
}

void DemoSupervisor::reportFailure(const Error& error)
{
    qCWarning(lcDemo).noquote() << error.detail;
    if (m_failed)
        return;
    m_failed = true;
    m_startupTimeout.stop();
    Q_EMIT failed(error);
}

void DemoSupervisor::stop()
{
    m_stopping = true;
    m_startupTimeout.stop();
    for (Child& child : m_children) {
        if (child.process && child.process->state() != QProcess::NotRunning)
            child.process->closeWriteChannel(); // EOF on stdin: the simulator quits cleanly
    }
    for (Child& child : m_children) {
        if (!child.process || child.process->state() == QProcess::NotRunning)
            continue;
        if (!child.process->waitForFinished(2000)) {
            child.process->terminate();
            if (!child.process->waitForFinished(1000))
                child.process->kill();
            child.process->waitForFinished(1000);
        }
    }
}

} // namespace app
} // namespace pos
