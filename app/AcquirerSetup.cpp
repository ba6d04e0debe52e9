// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/AcquirerSetup.h"

#include "acquirer/api/ActivationClient.h"
#include "acquirer/api/ApiClient.h"
#include "acquirer/api/OnboardingClient.h"
#include "acquirer/engine/CardEngine.h"
#include "acquirer/link/AcquirerLink.h"
#include "activation/AcquirerAgreement.h"
#include "activation/ActivationService.h"
#include "activation/CardLinkAdapter.h"
#include "activation/OnboardingService.h"
#include "activation/PersonalDataKey.h"
#include "activation/PersonalDataKeyStore.h"
#include "app/AppLog.h"
#include "core/TerminalStatus.h"
#include "core/crypto/Aes256Gcm.h"
#include "core/crypto/CryptoPrimitives.h"
#include "devices/DeviceHub.h"
#include "sales/PrintService.h"
#include "storage/LedgerActivationStore.h"
#include "storage/LedgerCardJournal.h"
#include "storage/LedgerOnboardingStore.h"
#include "storage/LedgerService.h"

#include <QDateTime>
#include <QDir>
#include <QPointer>
#include <QSettings>
#include <QThreadPool>

namespace pos {
namespace app {

namespace {

const QByteArray apiSecretAad = QByteArrayLiteral("api-secret");

// The tenders the merchant asked for in the application, by their wire names.
QStringList requestedTenders(const activation::OnboardingDraft& draft)
{
    QStringList tenders;
    for (activation::Feature feature : draft.features) {
        if (activation::isTender(feature))
            tenders << activation::featureWire(feature);
    }
    return tenders;
}

// The personal-data key from the store settings.ini [security] personalDataKeyStore picks (auto, keyring or
// file; default auto; rules in activation/PersonalDataKeyStore.h); demo mode always uses the file, so demo
// runs leave nothing in the desktop keyring. Blocking: thread pool only. Logs which store holds the key,
// never the key.
Result<QByteArray> loadPersonalDataKey(const QString& keysDirectory, const QString& settingsFile, bool demo)
{
    const QString setting = QSettings(settingsFile, QSettings::IniFormat)
                                .value(QStringLiteral("security/personalDataKeyStore"))
                                .toString();
    const std::optional<activation::KeyStorePreference> preference =
        activation::parseKeyStorePreference(setting);
    if (!preference)
        return fail(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("AcquirerSetup",
                                        "The setting personalDataKeyStore=%1 is not auto, keyring or file.")
                .arg(setting),
            QStringLiteral("settings.ini [security] personalDataKeyStore=%1: expected auto, keyring or file")
                .arg(setting));
    activation::ChoosingKeyVault vault(keysDirectory,
                                       demo ? activation::KeyStorePreference::File : *preference);
    Result<QByteArray> key = vault.loadOrCreateKey();
    if (key)
        qCInfo(lcApp).noquote() << "personal-data key:" << vault.describe();
    return key;
}

} // namespace

AcquirerSetup::AcquirerSetup(TerminalStatus& status,
                             devices::DeviceHub& hub,
                             QString dataDirectory,
                             QObject* parent)
    : QObject(parent)
    , m_status(status)
    , m_hub(hub)
    , m_dataDirectory(std::move(dataDirectory))
{}

AcquirerSetup::~AcquirerSetup()
{
    // The services first: they hold references to the clients, the engine and the stores.
    m_activation.reset();
    m_onboarding.reset();
    m_engine.reset();
    if (m_loaded)
        crypto::secureWipe(m_loaded->key);
}

void AcquirerSetup::attachLedger(storage::LedgerService& ledger, sales::PrintService* printService)
{
    m_ledger = &ledger;
    m_print = printService;
    tryStart();
}

void AcquirerSetup::setEndpoints(const AcquirerEndpoints& endpoints)
{
    m_endpoints = endpoints;
    tryStart();
}

void AcquirerSetup::setUnavailable(const Error& error)
{
    qCWarning(lcApp).noquote() << "onboarding and activation unavailable:" << errorCodeName(error.code)
                               << error.detail;
    m_unavailableReason = error.userMessage;
    Q_EMIT unavailable(m_unavailableReason);
}

void AcquirerSetup::load()
{
    // The key (file or keyring) and the CA file are read on the thread pool: the GUI thread never waits.
    m_loading = true;
    const QString keys = QDir(m_dataDirectory).filePath(QStringLiteral("keys"));
    const QString caPath = m_endpoints.caPath;
    const QString settings = QDir(m_dataDirectory).filePath(QStringLiteral("settings.ini"));
    QPointer<AcquirerSetup> self(this);
    QThreadPool::globalInstance()->start([self, keys, caPath, settings, demo = m_status.demoMode()] {
        Result<QByteArray> key = loadPersonalDataKey(keys, settings, demo);
        Result<QList<QSslCertificate>> ca = acquirer::loadPinnedCa(caPath);
        QMetaObject::invokeMethod(qApp, [self, key = std::move(key), ca = std::move(ca)]() mutable {
            if (!self)
                return;
            self->m_loading = false;
            if (!key || !ca) {
                self->setUnavailable(!key ? key.error() : ca.error());
                return;
            }
            self->m_loaded = std::make_unique<Loaded>(Loaded{std::move(key).value(), ca.value()});
            self->tryStart();
        });
    });
}

void AcquirerSetup::tryStart()
{
    if (m_onboarding || !m_ledger || !m_endpoints.isComplete())
        return;
    if (!m_loaded) {
        if (!m_loading)
            load();
        return;
    }
    const QByteArray& key = m_loaded->key;

    acquirer::ApiConfig apiConfig;
    apiConfig.baseUrl = m_endpoints.apiUrl;
    apiConfig.pinnedCa = m_loaded->pinnedCa;
    apiConfig.keyId = m_endpoints.installerKeyId;
    apiConfig.secret = m_endpoints.installerSecret;
    m_api = std::make_unique<acquirer::ApiClient>(apiConfig);
    m_onboardingClient = std::make_unique<acquirer::OnboardingClient>(*m_api);
    m_activationClient = std::make_unique<acquirer::ActivationClient>(*m_api);

    acquirer::LinkConfig linkConfig;
    linkConfig.host = m_endpoints.cardHost;
    linkConfig.port = m_endpoints.cardPort;
    linkConfig.pinnedCa = m_loaded->pinnedCa;
    m_link = std::make_unique<acquirer::AcquirerLink>(linkConfig);
    m_cardJournal = std::make_unique<storage::LedgerCardJournal>(*m_ledger);
    acquirer::CardEngineConfig engineConfig;
    // The PAN reference key is derived from the personal-data key: kept outside the ledger, stable.
    engineConfig.panHashKey = crypto::hmacSha256(key, QByteArrayLiteral("pos pan reference v1")).value();
    acquirer::AcquirerLink* link = m_link.get();
    m_engine = std::make_unique<acquirer::CardEngine>(
        engineConfig,
        [link](QByteArray frame, QObject* context, std::function<void(Result<QByteArray>)> done) {
            link->exchange(std::move(frame), context, std::move(done));
        },
        m_hub.pinPad(), *m_cardJournal);

    m_onboardingStore = std::make_unique<storage::LedgerOnboardingStore>(*m_ledger);
    activation::OnboardingServiceConfig onboardingConfig;
    if (m_status.demoMode())
        onboardingConfig.pollIntervalMs = 1000;
    m_onboarding = std::make_unique<activation::OnboardingService>(
        *m_onboardingStore, key, *m_onboardingClient,
        activation::acquirerAgreementSource(*m_onboardingClient), onboardingConfig);

    m_activationStore = std::make_unique<storage::LedgerActivationStore>(*m_ledger);
    activation::ActivationService::Config activationConfig;
    sales::PrintService* print = m_print;
    m_activation = std::make_unique<activation::ActivationService>(
        activationConfig, *m_activationStore, *m_activationClient, m_hub.pinPad(),
        activation::cardLinkOperations(*m_engine),
        [key](const QByteArray& secret) { return crypto::aes256GcmSeal(key, secret, apiSecretAad); },
        [print](const receipt::ReceiptDocument& slip, std::function<void(Result<qint64>)> done) {
            if (!print) {
                done(fail(ErrorCode::DeviceOffline, QObject::tr("Printing is not available."),
                          QStringLiteral("no print service")));
                return;
            }
            print->submit({PrintJobKind::ActivationSlip, std::nullopt, slip.toJsonBytes(),
                           QDateTime::currentMSecsSinceEpoch()},
                          std::move(done));
        });

    connect(m_onboarding.get(), &activation::OnboardingFlow::statusChanged, this,
            &AcquirerSetup::publishStatus);
    connect(m_activation.get(), &activation::ActivationService::stepChanged, this,
            &AcquirerSetup::publishStatus);
    m_onboarding->start([this](Result<void> started) {
        if (!started)
            qCWarning(lcApp).noquote() << "onboarding record:" << started.error().detail;
        m_activation->start([this](Result<void> loaded) {
            if (!loaded) {
                qCWarning(lcApp).noquote() << "activation record:" << loaded.error().detail;
                return;
            }
            const TerminalActivation& record = m_activation->record();
            if (record.step >= ActivationStep::TerminalRegistered && !record.sealedApiSecret.isEmpty()) {
                Result<QByteArray> secret =
                    crypto::aes256GcmOpen(m_loaded->key, record.sealedApiSecret, apiSecretAad);
                if (secret) {
                    m_api->setCredentials(record.apiKeyId, acquirer::ApiSecret(secret.value()));
                    crypto::secureWipe(secret.value());
                }
            }
            m_activation->setRequestedTenders(requestedTenders(m_onboarding->draft()));
            publishStatus();
            qCInfo(lcApp) << "onboarding and activation services ready";
            Q_EMIT servicesReady();
        });
    });
}

void AcquirerSetup::publishStatus()
{
    if (!m_onboarding || !m_activation)
        return;
    using activation::OnboardingStatus;
    const ActivationStep step = m_activation->step();
    const OnboardingStatus onboarding = m_onboarding->status();
    m_activation->setRequestedTenders(requestedTenders(m_onboarding->draft()));
    m_status.setEnabledTenders(step == ActivationStep::Activated ? m_activation->record().enabledTenders
                                                                 : QStringList{QStringLiteral("cash")});
    if (step == ActivationStep::Activated)
        m_status.setActivation(ActivationState::Activated);
    else if (step > ActivationStep::NotStarted || onboarding == OnboardingStatus::Approved)
        m_status.setActivation(ActivationState::AwaitingActivation);
    else if (onboarding != OnboardingStatus::Draft || m_onboarding->draft().lastCompletedPage >= 0)
        m_status.setActivation(ActivationState::OnboardingInProgress);
    else
        m_status.setActivation(ActivationState::NotOnboarded);
}

void AcquirerSetup::runNetworkCheck(std::function<void(activation::NetworkReport)> done)
{
    if (!m_loaded || !m_endpoints.isComplete()) {
        done({});
        return;
    }
    if (!m_networkCheck)
        m_networkCheck = new activation::NetworkCheck({}, this);
    const QList<activation::NetworkEndpoint> endpoints{
        {tr("Onboarding and QR service"),
         m_endpoints.apiUrl.host(),
         quint16(m_endpoints.apiUrl.port(443)),
         m_loaded->pinnedCa,
         {}},
        {tr("Card payments host"), m_endpoints.cardHost, m_endpoints.cardPort, m_loaded->pinnedCa, {}},
    };
    m_networkCheck->run(endpoints, std::move(done));
}

} // namespace app
} // namespace pos
