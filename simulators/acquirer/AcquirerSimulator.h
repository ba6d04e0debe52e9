// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "simulators/acquirer/FaultInjector.h"
#include "simulators/acquirer/HostLedger.h"
#include "simulators/acquirer/api/ApiFaults.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>

namespace pos {
namespace sim {

class ApiServer;
class CardHost;
class TlsSimulatorServer;

// The acquirer host simulator assembled: host ledger, card host, fault injector, the TLS card-host listener
// on 127.0.0.1 and the HTTPS JSON API (api/ApiServer.h: onboarding, terminal activation, QR payments) on a
// second ephemeral listener; both present the server certificate of the simulator PKI in the data directory,
// so a terminal pins one CA (ca.pem) for both. The API shares the HostLedger: an activated terminal is in the
// card host's registry at once. Lives on the thread that runs the event loop.
//
// The JSON API, simulator side (the wire contract is docs/acquirer-api.md; code in api/):
//   - Listener: "api https://127.0.0.1:PORT/" on stdout (second readiness line), ephemeral port, TLS 1.2+
//   with
//     the same ca.pem as the card host. HTTP/1.1 keep-alive, Content-Length bodies only (no chunked), header
//     block ≤ 16 KiB (431), body ≤ 12 MiB (413); malformed HTTP is answered unsigned and the connection
//     closed.
//   - Keys: the installer key "demo-installer" (published test secret 00 01 … 1f, simulator only) reaches
//     /v1/onboarding/* and /v1/terminals/activate; each activation issues a terminal key ("term-" + TID,
//     random 32-byte secret) stored in host.db (api_keys). Timestamp window ±300 s, nonces remembered per
//     key for 600 s (in memory: a restart forgets them, the timestamp window still bounds replays).
//   - Onboarding: documents in host.db (api_documents, by SHA-256); applications are under_review at once
//     and decided --review-delay-ms later (default 3000; reviews pending at a restart are rescheduled).
//     Rejection checks (api/ChineseIdentifiers.h): USCC per GB 32100-2015, resident ID per GB 11643-1999,
//     blacklist {11010519491231002X}, duplicate licence, settlement account name. Approval: merchant
//     8981000nnnnnnnn and an 8-character activation code.
//   - Activation: TID 2nnnnnnn (skipping TIDs already registered), random 16-byte TMK (3DES for
//     RSA-OAEP-SHA256 pads ≥ 2048 bits, SM4 for SM2 pads), registered with HostLedger::upsertTerminal and
//     the simulator's limits (--single-limit-fen/--daily-limit-fen).
//   - QR: orders per merchant in host.db (qr_orders, qr_refunds); behaviour by the payment code's last digit
//     (see api/QrGateway.h); reversal allowed 7 days after the pay [A], later 409 REVERSE_EXPIRED.
//   - Faults: --api-faults "kind:p,…" (drop-request, drop-response, delay, http-500, http-503-after,
//     bad-signature), seeded by --seed, delay --fault-delay-ms; by default only POST/PUT under /v1/qr/ and
//     /v1/terminals/, or every method on the paths of --api-fault-paths
//     ("/v1/qr/*,/v1/onboarding/documents").
//   - "pos-tool sim acquirer-dump --json" adds merchants, applications, apiTerminals, documents, qrOrders and
//     qrRefunds (no secrets, codes, document contents or payment codes).
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
        std::chrono::milliseconds reviewDelay{3000}; // onboarding review (--review-delay-ms)
        ApiFaultConfig apiFaults;
        quint16 apiPort = 0; // 0: ephemeral
    };

    ~AcquirerSimulator() override;

    // Opens the ledger, provisions terminals, loads or creates the PKI and listens on port (0: ephemeral).
    static Result<std::unique_ptr<AcquirerSimulator>> start(Options options, quint16 port);

    quint16 cardHostPort() const;
    quint16 apiPort() const;
    ApiServer& api() { return *m_api; }
    QString caPemPath() const { return m_caPemPath; }
    HostLedger& ledger() { return *m_ledger; }
    CardHost& cardHost() { return *m_cardHost; }

private:
    AcquirerSimulator() = default;

    std::unique_ptr<HostLedger> m_ledger;
    std::unique_ptr<CardHost> m_cardHost;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<TlsSimulatorServer> m_server;
    std::unique_ptr<ApiServer> m_api;
    QString m_caPemPath;
};

// The demo terminal of DemoTerminal.h as a registry entry with these limits.
HostTerminal demoHostTerminal(qint64 singleLimitFen, qint64 dailyLimitFen);

// Parses one --terminal value "TID,MID,TMKHEX[,3des|sm4|des[,pending]]" (pending: registered pending first
// swipe, as the JSON API's activation registers terminals) (TID 8 characters, MID 15, TMK of the
// scheme's key length). InvalidInput with a message naming the problem (never quoting the TMK).
Result<HostTerminal> parseTerminalOption(const QString& value, qint64 singleLimitFen, qint64 dailyLimitFen);

// The whole pos-acquirer-sim process after QCoreApplication exists: options (--data-dir, --terminal,
// --single-limit-fen, --daily-limit-fen, --faults, --seed, --fault-delay-ms, --fault-mtis, --review-delay-ms,
// --api-faults, --api-fault-paths, --port, --parent-pid), the readiness lines on stdout, exactly:
//   listening 127.0.0.1:PORT          (the card host)
//   api https://127.0.0.1:PORT2/      (the JSON API)
//   ca PATH                           (the CA both present, to pin)
// and the event loop. arguments[0] is the program name. Returns the process exit code (SimulatorHost's codes;
// 2 usage). Without --data-dir a temporary directory is used and removed at exit. Shared by pos-acquirer-sim
// and "pos-tool sim acquirer".
int runAcquirerSimulator(QCoreApplication& application, const QStringList& arguments);

} // namespace sim
} // namespace pos
