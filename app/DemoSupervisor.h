// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QList>
#include <QObject>
#include <QProcess>
#include <QTimer>

namespace pos {
namespace app {

struct DemoEndpoints
{
    quint16 acquirerPort = 0;
    quint16 pinPadPort = 0;
    quint16 printerPort = 0;
    QString printerJobsDirectory;
    QString acquirerApiUrl; // "https://127.0.0.1:PORT/" (the simulator's "api …" line)
    QString acquirerCaPath; // the simulator's CA certificate (its "ca …" line), pinned by the POS
};

// Runs the demo simulators (acquirer host, PIN pad, printer) as child processes on 127.0.0.1 with ephemeral
// ports. Each child announces "listening 127.0.0.1:PORT" on stdout; ready() fires once all three have.
// No orphans: every child gets --parent-pid, so it dies with pos (PR_SET_PDEATHSIG) and also quits when its
// stdin closes. The environment variable POS_DEMO_ORPHAN_GUARD=off withholds that option; it exists only so
// tests can show that the orphan check can fail.
// Thread affinity: GUI thread. start() never blocks; stop() waits at most ~3 s per child and is meant for
// shutdown only.
class DemoSupervisor final : public QObject
{
    Q_OBJECT
public:
    DemoSupervisor(const QString& simulatorDirectory,
                   const QString& dataDirectory,
                   QObject* parent = nullptr);
    ~DemoSupervisor() override;

    // Before start(): the PIN pad emulator shows its customer-side window (pick a card, type the PIN) instead
    // of answering from its script. Only for an interactive display: nobody clicks in autopilot runs.
    void setCustomerWindow(bool shown);
    void start();
    void stop();
    bool isReady() const { return m_ready; }
    DemoEndpoints endpoints() const { return m_endpoints; }

Q_SIGNALS:
    void ready(const pos::app::DemoEndpoints& endpoints);
    void failed(const pos::Error& error);

private:
    struct Child
    {
        QString name;
        QString program;
        QStringList arguments;
        QProcess* process = nullptr;
        quint16 port = 0;
    };

    void launch(Child& child);
    void readAnnouncements(Child& child);
    void childFinished(Child& child, int exitCode, QProcess::ExitStatus status);
    void checkReady();
    void reportFailure(const Error& error);

    QString m_simulatorDirectory;
    QString m_dataDirectory;
    QList<Child> m_children;
    QTimer m_startupTimeout;
    DemoEndpoints m_endpoints;
    bool m_ready = false;
    bool m_failed = false;
    bool m_stopping = false;
};

} // namespace app
} // namespace pos

Q_DECLARE_METATYPE(pos::app::DemoEndpoints)
