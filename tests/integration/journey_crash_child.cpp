// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// journey-crash-child: the victim process of tst_journey_crash (test helper, never shipped).
//
// Usage: journey-crash-child --ledger FILE --keys DIR --api URL --ca FILE --card-port N --pad PTY
//                            --mode onboard|activate [--hold-at LINE] [--response-timeout-ms MS]
//
// Wired like the app (app/AcquirerSetup.cpp): the personal-data key from a FileKeyVault in DIR, the ledger's
// onboarding and activation stores, the acquirer's API with the installer key (the terminal's own once
// registered), the card engine over AcquirerLink and the PIN pad driver on PTY.
//
// onboard: starts the onboarding service; a fresh draft is filled with validTestDraft() and three small PNG
// scans attached through the service, saved and submitted; a stored Submitting application is submitted
// again; Submitted/UnderReview resume polling by themselves. Ends at Approved.
// activate: the activation code of the approved application, then registerTerminal() or resume() until
// SignedOn, then firstSwipe() until Activated.
//
// stdout, one line per milestone, flushed at once: "resumed-status <statusKey> <documentsUploaded>" and
// "resumed-step <stepKey>" (what was stored when started), "status <statusKey>", "progress <n>",
// "step <stepKey>", "swiping" (just before firstSwipe()), "terminal <tid> <mid>" (activate, at the end),
// "done". With --hold-at LINE the child stops right after printing LINE for the first time, inside the signal
// that reported it (so before the service's next step), and waits there to be killed: the kill lands exactly
// at that milestone.
//
// Exit codes: 0 done, 2 usage, 3 set-up failed, 4 a step failed for good (details on stderr).
#include "acquirer/api/ActivationClient.h"
#include "acquirer/api/OnboardingClient.h"
#include "acquirer/engine/CardEngine.h"
#include "acquirer/link/AcquirerLink.h"
#include "activation/AcquirerAgreement.h"
#include "activation/ActivationService.h"
#include "activation/CardLinkAdapter.h"
#include "activation/OnboardingService.h"
#include "activation/OnboardingTestDraft.h"
#include "activation/PersonalDataKey.h"
#include "core/crypto/Aes256Gcm.h"
#include "core/crypto/CryptoPrimitives.h"
#include "devices/pinpad/PinPadDriver.h"
#include "devices/transport/ByteTransport.h"
#include "storage/LedgerActivationStore.h"
#include "storage/LedgerCardJournal.h"
#include "storage/LedgerOnboardingStore.h"
#include "storage/LedgerService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace pos;
using namespace pos::activation;

namespace {

constexpr int exitUsage = 2;
constexpr int exitSetUp = 3;
constexpr int exitFailed = 4;

const QByteArray apiSecretAad = QByteArrayLiteral("api-secret"); // as app/AcquirerSetup.cpp

QString holdAt;
bool held = false;

// Prints one milestone line and flushes; stops for good when it is the --hold-at line.
void milestone(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
    if (!held && line == holdAt) {
        held = true;
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1)); // waiting for SIGKILL
    }
}

[[noreturn]] void quit(int code, const QString& why)
{
    if (!why.isEmpty())
        std::fprintf(stderr, "journey-crash-child: %s\n", qPrintable(why));
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(code);
}

QByteArray pngScan(char tag)
{
    return QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + tag +
           QByteArray(64, tag);
}

int uploadedDocuments(const OnboardingDraft& draft)
{
    int uploaded = 0;
    for (int k = 0; k < attachmentKindCount; ++k)
        uploaded += draft.attachment(static_cast<AttachmentKind>(k)).documentId.isEmpty() ? 0 : 1;
    return uploaded;
}

struct Options
{
    QString ledger;
    QString keys;
    QString api;
    QString ca;
    quint16 cardPort = 0;
    QString pad;
    QString mode;
    int responseTimeoutMs = 8000;
};

// The whole terminal side, built once per process.
class Journey final : public QObject
{
public:
    explicit Journey(Options options) : m_options(std::move(options)) {}

    void run()
    {
        const Result<QByteArray> key = FileKeyVault(m_options.keys).loadOrCreateKey();
        if (!key)
            quit(exitSetUp, QStringLiteral("key: %1").arg(key.error().detail));
        m_key = key.value();
        const Result<QList<QSslCertificate>> ca = acquirer::loadPinnedCa(m_options.ca);
        if (!ca)
            quit(exitSetUp, QStringLiteral("ca: %1").arg(ca.error().detail));
        m_ca = ca.value();
        m_ledger.open(m_options.ledger, this, [this](const Result<>& opened) {
            if (!opened)
                quit(exitSetUp, QStringLiteral("ledger: %1").arg(opened.error().detail));
            build();
        });
    }

private:
    void build()
    {
        acquirer::ApiConfig apiConfig;
        apiConfig.baseUrl = QUrl(m_options.api);
        apiConfig.pinnedCa = m_ca;
        apiConfig.keyId = acquirer::demoInstallerKeyId();
        apiConfig.secret = acquirer::demoInstallerSecret();
        apiConfig.onboardingTimeoutMs = 5000;
        m_api = std::make_unique<acquirer::ApiClient>(apiConfig);
        m_onboardingClient = std::make_unique<acquirer::OnboardingClient>(*m_api);
        m_activationClient = std::make_unique<acquirer::ActivationClient>(*m_api);
        m_onboardingStore = std::make_unique<storage::LedgerOnboardingStore>(m_ledger);
        OnboardingServiceConfig onboardingConfig;
        onboardingConfig.pollIntervalMs = 300;
        onboardingConfig.maxPollIntervalMs = 600;
        m_onboarding = std::make_unique<OnboardingService>(*m_onboardingStore, m_key, *m_onboardingClient,
                                                           acquirerAgreementSource(*m_onboardingClient),
                                                           onboardingConfig);
        connect(m_onboarding.get(), &OnboardingFlow::statusChanged, this, [this](OnboardingStatus status) {
            milestone(QStringLiteral("status %1").arg(onboardingStatusKey(status)));
            if (m_options.mode == QLatin1String("onboard") && status == OnboardingStatus::Approved)
                finish();
            if (status == OnboardingStatus::Rejected || status == OnboardingStatus::Draft)
                quit(exitFailed,
                     QStringLiteral("the application went back to %1").arg(onboardingStatusKey(status)));
        });
        connect(m_onboarding.get(), &OnboardingFlow::progress, this,
                [](int step, int, const QString&) { milestone(QStringLiteral("progress %1").arg(step)); });
        connect(m_onboarding.get(), &OnboardingFlow::failed, this, [this](const QString& message) {
            // A network failure leaves Submitting: try again shortly, as the merchant would.
            std::fprintf(stderr, "journey-crash-child: onboarding: %s\n", qPrintable(message));
            if (m_onboarding->status() == OnboardingStatus::Submitting)
                QTimer::singleShot(200, this, [this] { m_onboarding->submit(); });
        });
        m_onboarding->start([this](Result<void> started) {
            if (!started)
                quit(exitSetUp, QStringLiteral("onboarding start: %1").arg(started.error().detail));
            milestone(QStringLiteral("resumed-status %1 %2")
                          .arg(onboardingStatusKey(m_onboarding->status()))
                          .arg(uploadedDocuments(m_onboarding->draft())));
            if (m_options.mode == QLatin1String("onboard"))
                onboard();
            else
                startActivation();
        });
    }

    void onboard()
    {
        switch (m_onboarding->status()) {
        case OnboardingStatus::Approved: finish(); return;
        case OnboardingStatus::Submitting: m_onboarding->submit(); return;
        case OnboardingStatus::Submitted:
        case OnboardingStatus::UnderReview: return; // polling resumed by start()
        case OnboardingStatus::Draft: break;
        default:
            quit(exitFailed,
                 QStringLiteral("unexpected status %1").arg(onboardingStatusKey(m_onboarding->status())));
        }
        attachNext(test::validTestDraft(), 0);
    }

    void attachNext(OnboardingDraft draft, int kind)
    {
        if (kind == attachmentKindCount) {
            m_onboarding->savePage(OnboardingPage::Agreement, draft, [this](Result<void> saved) {
                if (!saved)
                    quit(exitFailed, QStringLiteral("save: %1").arg(saved.error().detail));
                m_onboarding->submit();
            });
            return;
        }
        const QString path =
            QFileInfo(m_options.ledger).dir().filePath(QStringLiteral("scan-%1.png").arg(kind));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(pngScan(char('a' + kind))) < 0)
            quit(exitSetUp, QStringLiteral("cannot write %1").arg(path));
        file.close();
        m_onboarding->attach(static_cast<AttachmentKind>(kind), path,
                             [this, draft, kind](Result<Attachment> attached) mutable {
                                 if (!attached)
                                     quit(exitFailed,
                                          QStringLiteral("attach: %1").arg(attached.error().detail));
                                 draft.attachment(static_cast<AttachmentKind>(kind)) = attached.value();
                                 attachNext(draft, kind + 1);
                             });
    }

    void buildActivation()
    {
        acquirer::LinkConfig linkConfig;
        linkConfig.host = QStringLiteral("127.0.0.1");
        linkConfig.port = m_options.cardPort;
        linkConfig.pinnedCa = m_ca;
        linkConfig.responseTimeoutMs = m_options.responseTimeoutMs;
        m_link = std::make_unique<acquirer::AcquirerLink>(linkConfig);
        Result<std::unique_ptr<devices::ByteTransport>> transport =
            devices::ByteTransport::open(QStringLiteral("serial:") + m_options.pad);
        if (!transport)
            quit(exitSetUp, QStringLiteral("pad: %1").arg(transport.error().detail));
        m_transport = std::move(transport).value();
        m_pad = std::make_unique<devices::PinPadDriver>(*m_transport, devices::PinPadDriver::Config{});
        m_journal = std::make_unique<storage::LedgerCardJournal>(m_ledger);
        acquirer::CardEngineConfig engineConfig;
        engineConfig.panHashKey =
            crypto::hmacSha256(m_key, QByteArrayLiteral("pos pan reference v1")).value();
        acquirer::AcquirerLink* link = m_link.get();
        m_engine = std::make_unique<acquirer::CardEngine>(
            engineConfig,
            [link](QByteArray frame, QObject* context, std::function<void(Result<QByteArray>)> done) {
                link->exchange(std::move(frame), context, std::move(done));
            },
            *m_pad, *m_journal);
        m_activationStore = std::make_unique<storage::LedgerActivationStore>(m_ledger);
        ActivationService::Config config;
        config.cardTimeoutSeconds = 20;
        config.pinTimeoutSeconds = 20;
        config.requestedTenders = {QStringLiteral("swipe"), QStringLiteral("qr")};
        const QByteArray key = m_key;
        m_activation = std::make_unique<ActivationService>(
            config, *m_activationStore, *m_activationClient, *m_pad, cardLinkOperations(*m_engine),
            [key](const QByteArray& secret) { return crypto::aes256GcmSeal(key, secret, apiSecretAad); },
            [](const receipt::ReceiptDocument&, std::function<void(Result<qint64>)> done) {
                QTimer::singleShot(0, [done] { done(qint64(1)); });
            });
    }

    void startActivation()
    {
        if (m_onboarding->status() != OnboardingStatus::Approved)
            quit(exitFailed, QStringLiteral("the application is not approved"));
        buildActivation();
        m_activation->start([this](Result<void> loaded) {
            if (!loaded)
                quit(exitSetUp, QStringLiteral("activation start: %1").arg(loaded.error().detail));
            const TerminalActivation& record = m_activation->record();
            milestone(QStringLiteral("resumed-step %1").arg(activationStepKey(record.step)));
            // As the app does: once registered, the API calls go with the terminal's own key.
            if (record.step >= ActivationStep::TerminalRegistered && !record.sealedApiSecret.isEmpty()) {
                Result<QByteArray> secret =
                    crypto::aes256GcmOpen(m_key, record.sealedApiSecret, apiSecretAad);
                if (!secret)
                    quit(exitSetUp, QStringLiteral("api secret: %1").arg(secret.error().detail));
                m_api->setCredentials(record.apiKeyId, acquirer::ApiSecret(secret.value()));
                crypto::secureWipe(secret.value());
            }
            // Connected only now: start() reports the loaded step, which is not a milestone of this run.
            connect(m_activation.get(), &ActivationService::stepChanged, this, [](ActivationStep step) {
                milestone(QStringLiteral("step %1").arg(activationStepKey(step)));
            });
            connect(m_activation.get(), &ActivationService::readyForFirstSwipe, this,
                    [this] { swipeSoon(); });
            connect(m_activation.get(), &ActivationService::firstSwipeDeclined, this,
                    [this](const QString& message) {
                        std::fprintf(stderr, "journey-crash-child: declined: %s\n", qPrintable(message));
                        swipeSoon();
                    });
            connect(m_activation.get(), &ActivationService::activated, this, [this] { finish(); });
            connect(m_activation.get(), &ActivationService::failed, this, [this](const QString& message) {
                std::fprintf(stderr, "journey-crash-child: activation: %s\n", qPrintable(message));
                if (++m_failures > 10)
                    quit(exitFailed, QStringLiteral("activation keeps failing"));
                QTimer::singleShot(300, this, [this] { continueActivation(); });
            });
            continueActivation();
        });
    }

    void continueActivation()
    {
        switch (m_activation->step()) {
        case ActivationStep::NotStarted:
            m_onboarding->activationCode([this](Result<QString> code) {
                if (!code)
                    quit(exitFailed, QStringLiteral("activation code: %1").arg(code.error().detail));
                m_activation->registerTerminal(code.value());
            });
            return;
        case ActivationStep::SignedOn: swipeSoon(); return;
        case ActivationStep::Activated: finish(); return;
        default: m_activation->resume(); return;
        }
    }

    void swipeSoon()
    {
        QTimer::singleShot(0, this, [this] {
            if (m_activation->isBusy() || m_activation->step() != ActivationStep::SignedOn)
                return;
            milestone(QStringLiteral("swiping"));
            m_activation->firstSwipe();
        });
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        if (m_activation)
            milestone(QStringLiteral("terminal %1 %2")
                          .arg(m_activation->record().terminalId, m_activation->record().merchantId));
        milestone(QStringLiteral("done"));
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
    }

    Options m_options;
    QByteArray m_key;
    QList<QSslCertificate> m_ca;
    storage::LedgerService m_ledger;
    std::unique_ptr<acquirer::ApiClient> m_api;
    std::unique_ptr<acquirer::OnboardingClient> m_onboardingClient;
    std::unique_ptr<acquirer::ActivationClient> m_activationClient;
    std::unique_ptr<storage::LedgerOnboardingStore> m_onboardingStore;
    std::unique_ptr<OnboardingService> m_onboarding;
    std::unique_ptr<acquirer::AcquirerLink> m_link;
    std::unique_ptr<devices::ByteTransport> m_transport;
    std::unique_ptr<devices::PinPadDriver> m_pad;
    std::unique_ptr<storage::LedgerCardJournal> m_journal;
    std::unique_ptr<acquirer::CardEngine> m_engine;
    std::unique_ptr<storage::LedgerActivationStore> m_activationStore;
    std::unique_ptr<ActivationService> m_activation;
    int m_failures = 0;
    bool m_finished = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption ledger(QStringLiteral("ledger"), QStringLiteral("Ledger file."),
                                    QStringLiteral("file"));
    const QCommandLineOption keys(QStringLiteral("keys"), QStringLiteral("Key directory."),
                                  QStringLiteral("dir"));
    const QCommandLineOption api(QStringLiteral("api"), QStringLiteral("API base URL."),
                                 QStringLiteral("url"));
    const QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("Pinned CA file."),
                                QStringLiteral("file"));
    const QCommandLineOption cardPort(QStringLiteral("card-port"), QStringLiteral("Card host port."),
                                      QStringLiteral("port"));
    const QCommandLineOption pad(QStringLiteral("pad"), QStringLiteral("PIN pad pty."),
                                 QStringLiteral("path"));
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("onboard or activate."),
                                  QStringLiteral("mode"));
    const QCommandLineOption hold(QStringLiteral("hold-at"), QStringLiteral("Stop after this line."),
                                  QStringLiteral("line"));
    const QCommandLineOption timeout(QStringLiteral("response-timeout-ms"),
                                     QStringLiteral("Card host response timeout."), QStringLiteral("ms"),
                                     QStringLiteral("8000"));
    parser.addOptions({ledger, keys, api, ca, cardPort, pad, mode, hold, timeout});
    parser.process(app);
    Options options;
    options.ledger = parser.value(ledger);
    options.keys = parser.value(keys);
    options.api = parser.value(api);
    options.ca = parser.value(ca);
    options.cardPort = parser.value(cardPort).toUShort();
    options.pad = parser.value(pad);
    options.mode = parser.value(mode);
    options.responseTimeoutMs = parser.value(timeout).toInt();
    holdAt = parser.value(hold);
    const bool activate = options.mode == QLatin1String("activate");
    if (options.ledger.isEmpty() || options.keys.isEmpty() || options.api.isEmpty() || options.ca.isEmpty() ||
        (options.mode != QLatin1String("onboard") && !activate) ||
        (activate && (options.cardPort == 0 || options.pad.isEmpty())))
        quit(exitUsage, QStringLiteral("usage: see the header of journey_crash_child.cpp"));
    Journey journey(options);
    QTimer::singleShot(0, &journey, [&journey] { journey.run(); });
    return app.exec();
}
