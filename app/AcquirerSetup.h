// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/NetworkCheck.h"
#include "app/AcquirerEndpoints.h"

#include <QObject>
#include <QSslCertificate>

#include <functional>
#include <memory>

namespace pos {
class TerminalStatus;
namespace acquirer {
class AcquirerLink;
class ActivationClient;
class ApiClient;
class CardEngine;
class OnboardingClient;
} // namespace acquirer
namespace activation {
class ActivationService;
class OnboardingService;
} // namespace activation
namespace devices {
class DeviceHub;
}
namespace sales {
class PrintService;
}
namespace storage {
class LedgerActivationStore;
class LedgerCardJournal;
class LedgerOnboardingStore;
class LedgerService;
} // namespace storage

namespace app {

// The onboarding and activation services of the running app and what they stand on: the personal-data key
// (desktop keyring or a 0600 file under <data>/keys, loaded off the GUI thread), the pinned CA, the API
// client with the installer key (the terminal's own key once activated), the card link and engine with the
// PIN pad of the device hub as key holder, and the ledger's onboarding, activation and card stores. Services
// exist once the ledger is open, the endpoints are known and the key is loaded (servicesReady()). Keeps
// TerminalStatus' activation state and enabled tenders in step with the services. Thread affinity: the GUI
// thread.
class AcquirerSetup final : public QObject
{
    Q_OBJECT

public:
    AcquirerSetup(TerminalStatus& status,
                  devices::DeviceHub& hub,
                  QString dataDirectory,
                  QObject* parent = nullptr);
    ~AcquirerSetup() override;

    void attachLedger(storage::LedgerService& ledger, sales::PrintService* printService);
    void setEndpoints(const AcquirerEndpoints& endpoints);
    // The services cannot start (bad settings, key store or CA file): logged with its detail; the translated
    // message is kept for the Activation page (unavailableReason(), unavailable()).
    void setUnavailable(const Error& error);
    QString unavailableReason() const { return m_unavailableReason; }

    activation::OnboardingService* onboarding() const { return m_onboarding.get(); }
    activation::ActivationService* activation() const { return m_activation.get(); }
    // DNS, TCP and TLS to the API and the card host, with a plain diagnosis.
    void runNetworkCheck(std::function<void(activation::NetworkReport)> done);

Q_SIGNALS:
    void servicesReady();
    void unavailable(const QString& reason);

private:
    struct Loaded
    {
        QByteArray key;
        QList<QSslCertificate> pinnedCa;
    };
    void load();
    void tryStart();
    void publishStatus();

    TerminalStatus& m_status;
    devices::DeviceHub& m_hub;
    QString m_dataDirectory;
    storage::LedgerService* m_ledger = nullptr;
    sales::PrintService* m_print = nullptr;
    AcquirerEndpoints m_endpoints;
    std::unique_ptr<Loaded> m_loaded;
    bool m_loading = false;
    QString m_unavailableReason;

    std::unique_ptr<storage::LedgerOnboardingStore> m_onboardingStore;
    std::unique_ptr<storage::LedgerActivationStore> m_activationStore;
    std::unique_ptr<storage::LedgerCardJournal> m_cardJournal;
    std::unique_ptr<acquirer::ApiClient> m_api;
    std::unique_ptr<acquirer::OnboardingClient> m_onboardingClient;
    std::unique_ptr<acquirer::ActivationClient> m_activationClient;
    std::unique_ptr<acquirer::AcquirerLink> m_link;
    std::unique_ptr<acquirer::CardEngine> m_engine;
    std::unique_ptr<activation::OnboardingService> m_onboarding;
    std::unique_ptr<activation::ActivationService> m_activation;
    activation::NetworkCheck* m_networkCheck = nullptr;
};

} // namespace app
} // namespace pos
