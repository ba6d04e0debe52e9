// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "simulators/acquirer/FaultInjector.h"
#include "simulators/acquirer/HostLedger.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace pos {
namespace sim {

class CardHost;
class TlsSimulatorServer;

// The acquirer host simulator assembled: host ledger, card host, fault injector and the TLS card-host
// listener on 127.0.0.1 (certificate from the simulator PKI in the data directory). Lives on the thread that
// runs the event loop.
//
// Seam for the JSON onboarding/QR API (not implemented yet): it gets its own listener next to the card host
// in start(), shares the HostLedger (merchant/terminal registry), and its readiness line is printed by
// runAcquirerSimulator() after the "ca" line.
class AcquirerSimulator final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;                    // must exist or be creatable
        QList<HostTerminal> terminals;      // provisioned (upserted) at start
        bool provisionDemoWhenEmpty = true; // the demo terminal when terminals is empty and the registry too
        qint64 singleLimitFen = 5'000'000;  // for terminals provisioned now
        qint64 dailyLimitFen = 20'000'000;
        bool applyLimitsToAll = false; // also update every terminal already registered
        FaultConfig faults;
    };

    ~AcquirerSimulator() override;

    // Opens the ledger, provisions terminals, loads or creates the PKI and listens on port (0: ephemeral).
    static Result<std::unique_ptr<AcquirerSimulator>> start(Options options, quint16 port);

    quint16 cardHostPort() const;
    QString caPemPath() const { return m_caPemPath; }
    HostLedger& ledger() { return *m_ledger; }
    CardHost& cardHost() { return *m_cardHost; }

private:
    AcquirerSimulator() = default;

    std::unique_ptr<HostLedger> m_ledger;
    std::unique_ptr<CardHost> m_cardHost;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<TlsSimulatorServer> m_server;
    QString m_caPemPath;
};

// The demo terminal of DemoTerminal.h as a registry entry with these limits.
HostTerminal demoHostTerminal(qint64 singleLimitFen, qint64 dailyLimitFen);

// Parses one --terminal value "TID,MID,TMKHEX[,3des|sm4|des]" (TID 8 characters, MID 15, TMK of the
// scheme's key length). InvalidInput with a message naming the problem (never quoting the TMK).
Result<HostTerminal> parseTerminalOption(const QString& value, qint64 singleLimitFen, qint64 dailyLimitFen);

// The whole pos-acquirer-sim process after QCoreApplication exists: options (--data-dir, --terminal,
// --single-limit-fen, --daily-limit-fen, --faults, --seed, --fault-delay-ms, --fault-mtis, --port,
// --parent-pid), the readiness lines on stdout ("listening 127.0.0.1:PORT" first, then "ca PATH"), the event
// loop. arguments[0] is the program name. Returns the process exit code (SimulatorHost's codes; 2 usage).
// Without --data-dir a temporary directory is used and removed at exit. Shared by pos-acquirer-sim and
// "pos-tool sim acquirer".
int runAcquirerSimulator(QCoreApplication& application, const QStringList& arguments);

} // namespace sim
} // namespace pos
