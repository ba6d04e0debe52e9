// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/crypto/SoftwareKeyStore.h"
#include "acquirer/engine/CardEngine.h"
#include "acquirer/link/AcquirerLink.h"
#include "acquirer/link/LinkConfig.h"
#include "simulators/acquirer/DemoCardTerminal.h"
#include "simulators/acquirer/DemoTerminal.h"
#include "simulators/acquirer/TestCards.h"
#include "storage/Ledger.h"
#include "storage/LedgerCardJournal.h"
#include "storage/LedgerService.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

// The whole card link as the terminal runs it, for integration tests: the real pos-acquirer-sim process
// (TLS on 127.0.0.1, its own data dir), AcquirerLink, a real ledger file behind LedgerService, the software
// key store with the demo TMK, and the CardEngine. Tests wait with await(), which spins the event loop.
namespace pos {
namespace test {

class CardLinkFixture
{
public:
    CardLinkFixture() { m_simDir = m_dir.filePath(QStringLiteral("host")); }
    ~CardLinkFixture() { stopSimulator(); }

    QString ledgerPath() const { return m_dir.filePath(QStringLiteral("ledger.db")); }
    QString simulatorDir() const { return m_simDir; }
    // The simulator's JSON API base URL ("https://127.0.0.1:PORT/") once started.
    QString apiUrl() const { return m_apiUrl; }

    // Starts (or restarts, on the same host data) the simulator with extra arguments.
    bool startSimulator(const QStringList& extra = {})
    {
        stopSimulator();
        QStringList args{QStringLiteral("--data-dir"), m_simDir};
        args << extra;
        m_sim = startProcess(builtExecutable(QStringLiteral("pos-acquirer-sim")), args);
        if (!m_sim)
            return false;
        const QString port = waitForLine(*m_sim, QStringLiteral("^listening 127\\.0\\.0\\.1:(\\d+)$"),
                                         std::chrono::seconds(20));
        // Readiness lines: "listening 127.0.0.1:PORT", "api https://127.0.0.1:PORT2/", "ca PATH".
        m_apiUrl = waitForLine(*m_sim, QStringLiteral("^api (https://127\\.0\\.0\\.1:\\d+/)$"),
                               std::chrono::seconds(5));
        const QString ca = waitForLine(*m_sim, QStringLiteral("^ca (.+)$"), std::chrono::seconds(5));
        if (port.isEmpty() || m_apiUrl.isEmpty() || ca.isEmpty())
            return false;
        m_hostPort = port.toUShort();
        m_caPath = ca;
        const Result<QList<QSslCertificate>> pinned = acquirer::loadPinnedCa(ca);
        if (!pinned)
            return false;
        acquirer::LinkConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = port.toUShort();
        config.pinnedCa = pinned.value();
        config.connectTimeoutMs = 3000;
        config.writeTimeoutMs = 3000;
        config.responseTimeoutMs = responseTimeoutMs;
        config.graceMs = 200;
        m_link = std::make_unique<acquirer::AcquirerLink>(config);
        return true;
    }

    void stopSimulator()
    {
        m_link.reset();
        if (m_sim && m_sim->state() != QProcess::NotRunning) {
            m_sim->terminate();
            if (!m_sim->waitForFinished(5000))
                m_sim->kill();
        }
        m_sim.reset();
    }

    // Opens the ledger (demo terminal identity) and builds the engine. Call after startSimulator().
    bool startTerminal(acquirer::CardEngineConfig config = {})
    {
        m_service = std::make_unique<storage::LedgerService>();
        bool opened = false;
        m_service->open(ledgerPath(), &m_context,
                        [&opened](const Result<>& result) { opened = result.hasValue(); });
        if (!QTest::qWaitFor([&] { return opened; }, 10000))
            return false;
        const Result<> identity = await<void>([this](auto done) {
            m_service->run<void>(
                [](storage::Ledger& ledger) {
                    return ledger.setTerminalIdentity(QString::fromLatin1(sim::demoTerminalId),
                                                      QString::fromLatin1(sim::demoMerchantId), 1);
                },
                &m_context, [done](const Result<>& result) { done(result); });
        });
        if (!identity)
            return false;
        m_journal = std::make_unique<storage::LedgerCardJournal>(*m_service);
        m_keys = std::make_unique<acquirer::SoftwareKeyStore>(KeyScheme::TripleDes,
                                                              QByteArray::fromHex(sim::demoTmkHex));
        if (config.panHashKey.isEmpty())
            config.panHashKey = QByteArray(32, '\x5A');
        config.retryPolicy.firstDelayMs = 0; // tests drain the queue at once
        config.retryPolicy.maxDelayMs = 0;
        m_engine = std::make_unique<acquirer::CardEngine>(
            config,
            [this](QByteArray frame, QObject* context, std::function<void(Result<QByteArray>)> done) {
                if (scriptedHost) {
                    done(scriptedHost(frame));
                    return;
                }
                if (!m_link) {
                    done(fail(ErrorCode::NetworkFailure, QStringLiteral("no link"),
                              QStringLiteral("not sent")));
                    return;
                }
                m_link->exchange(std::move(frame), context, std::move(done));
            },
            *m_keys, *m_journal);
        return true;
    }

    acquirer::CardEngine& engine() { return *m_engine; }
    acquirer::SoftwareKeyStore& keys() { return *m_keys; }
    storage::LedgerService& ledger() { return *m_service; }

    // What the emulated PIN pad returns for a test card: track 2 as read (clear under 003 keys), the PIN
    // block under the installed PIK. pin: the card's own PIN unless given.
    std::optional<CardRead> cardRead(const QString& label, const QString& pin = {}) const
    {
        return sim::testCardRead(label, *m_keys, pin);
    }

    // Runs start(done) and spins the event loop until done was called (or timeoutMs passed).
    template <typename T, typename Start>
    static Result<T> await(Start start, int timeoutMs = 60000)
    {
        return test::await<T>(std::move(start), timeoutMs);
    }

    // A query on the terminal's ledger (its writer thread).
    template <typename T>
    Result<T> onLedger(std::function<Result<T>(storage::Ledger&)> work)
    {
        return await<T>([this, work](auto done) {
            m_service->run<T>(work, &m_context, [done](const Result<T>& result) { done(result); });
        });
    }

    QJsonObject hostDump() const
    {
        const RunResult run = runProcess(builtExecutable(QStringLiteral("pos-tool")),
                                         {QStringLiteral("sim"), QStringLiteral("acquirer-dump"),
                                          QStringLiteral("--data-dir"), m_simDir, QStringLiteral("--json")},
                                         std::chrono::seconds(30));
        return QJsonDocument::fromJson(run.standardOutput).object();
    }

    // The running simulator's card host port and CA file (for client processes such as pos-tool card).
    quint16 hostPort() const { return m_hostPort; }
    QString caPath() const { return m_caPath; }

    int responseTimeoutMs = 1500;
    // When set, answers every request frame instead of the simulator (for responses it cannot be made to
    // send).
    std::function<Result<QByteArray>(const QByteArray& requestFrame)> scriptedHost;

private:
    QTemporaryDir m_dir;
    QString m_simDir;
    quint16 m_hostPort = 0;
    QString m_caPath;
    QString m_apiUrl;
    QObject m_context;
    std::unique_ptr<QProcess> m_sim;
    std::unique_ptr<acquirer::AcquirerLink> m_link;
    std::unique_ptr<storage::LedgerService> m_service;
    std::unique_ptr<storage::LedgerCardJournal> m_journal;
    std::unique_ptr<acquirer::SoftwareKeyStore> m_keys;
    std::unique_ptr<acquirer::CardEngine> m_engine;
};

} // namespace test
} // namespace pos
