// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"
#include "ui/PageId.h"
#include "ui/ShellInfo.h"
#include "ui/pages/ActivationPage.h"

#include <QMainWindow>
#include <QMap>

#include <functional>

class QListWidget;
class QStackedWidget;

namespace pos {
namespace devices {
class DeviceHub;
class DeviceMonitor;
} // namespace devices
namespace sales {
class PrintService;
}

namespace ui {

class LanguageManager;
class Page;
class StatusPanel;

// The application shell: navigation sidebar, page stack, status bar. Holds no business logic; pages read
// TerminalStatus and ask services to act. status and languages are not owned and must outlive the window.
// Pages are built on first use (start-up cost is the first page only); page() builds one when asked.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(TerminalStatus* status,
               LanguageManager* languages,
               const ShellInfo& info,
               QWidget* parent = nullptr);

    void showPage(PageId page);
    PageId currentPage() const;
    Page* page(PageId page);
    // A barcode scan from any scanner goes to the sale, whichever page is shown (connect
    // ScanEventFilter::scanned and SerialScanner::scanned here).
    void addScannedCode(const QString& code);
    // The device hub and discovery the Devices page works with (not owned; must outlive the window).
    void attachDevices(devices::DeviceHub* hub, devices::DeviceMonitor* monitor);
    // The print queue (reprints on the Devices page); not owned, must outlive the window.
    void attachPrinting(sales::PrintService* printService);
    // The onboarding and activation services for the Activation page (null: unavailable); a requested test
    // sale opens the Sell page.
    void attachActivation(activation::OnboardingFlow* onboarding,
                          activation::ActivationService* activation,
                          ActivationPage::NetworkCheckRunner runNetworkCheck);
    // Why onboarding and activation are unavailable (translated; the Activation page shows it).
    void setActivationUnavailable(const QString& reason);

Q_SIGNALS:
    void currentPageChanged(pos::ui::PageId page);
    // The user chose the device for role on the Devices page (empty id: none).
    void deviceChosen(pos::DeviceRole role, const QString& deviceId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void addPage(PageId page, std::function<Page*()> factory);
    Page* ensurePage(PageId page);
    void retranslateUi();

    ShellInfo m_info;
    QListWidget* m_navigation;
    QStackedWidget* m_stack;
    StatusPanel* m_statusPanel;
    activation::OnboardingFlow* m_onboarding = nullptr;
    activation::ActivationService* m_activation = nullptr;
    ActivationPage::NetworkCheckRunner m_runNetworkCheck;
    QString m_activationUnavailable;
    QMap<PageId, Page*> m_pages;
    QMap<PageId, std::function<Page*()>> m_factories;
    devices::DeviceHub* m_deviceHub = nullptr;
    devices::DeviceMonitor* m_deviceMonitor = nullptr;
    sales::PrintService* m_printService = nullptr;
};

} // namespace ui
} // namespace pos
