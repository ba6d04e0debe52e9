// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/MainWindow.h"

#include "ui/ShellText.h"
#include "ui/StatusPanel.h"
#include "ui/pages/ActivationPage.h"
#include "ui/pages/DevicesPage.h"
#include "ui/pages/ReportsPage.h"
#include "ui/pages/SellPage.h"
#include "ui/pages/SettingsPage.h"
#include "ui/pages/SettlementPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>

namespace pos {
namespace ui {

MainWindow::MainWindow(TerminalStatus* status,
                       LanguageManager* languages,
                       const ShellInfo& info,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_info(info)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_statusPanel(new StatusPanel(status, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/pos.svg")));
    setMinimumSize(1000, 700);

    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setFixedWidth(200);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack->setObjectName(QStringLiteral("pageStack"));

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_statusPanel, 1);
    statusBar()->setSizeGripEnabled(false);

    addPage(PageId::Sell, [=, this] { return new SellPage(status, this); });
    addPage(PageId::Reports, [this] { return new ReportsPage(this); });
    addPage(PageId::Settlement, [this] { return new SettlementPage(this); });
    addPage(PageId::Devices, [=, this] {
        auto* devicesPage = new DevicesPage(status, this);
        devicesPage->attach(m_deviceHub, m_deviceMonitor);
        devicesPage->attachPrinting(m_printService);
        connect(devicesPage, &DevicesPage::deviceChosen, this, &MainWindow::deviceChosen);
        return devicesPage;
    });
    addPage(PageId::Settings, [=, this] { return new SettingsPage(languages, info, this); });
    addPage(PageId::Activation, [=, this] {
        auto* activationPage = new ActivationPage(status, this);
        if (m_onboarding || m_activation)
            activationPage->attach(m_onboarding, m_activation, m_runNetworkCheck);
        activationPage->setUnavailableReason(m_activationUnavailable);
        connect(activationPage, &ActivationPage::testSaleRequested, this, [this] { showPage(PageId::Sell); });
        return activationPage;
    });

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        ensurePage(allPages().at(row));
        m_stack->setCurrentIndex(row);
        Q_EMIT currentPageChanged(currentPage());
    });
    m_navigation->setCurrentRow(0);
    retranslateUi();
}

void MainWindow::addPage(PageId page, std::function<Page*()> factory)
{
    auto* scroller = new QScrollArea(m_stack);
    scroller->setObjectName(pageKey(page) + QStringLiteral("ScrollArea"));
    scroller->setWidgetResizable(true);
    scroller->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(scroller);
    auto* item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(pageKey(page))), QString(),
                                     m_navigation);
    item->setData(Qt::UserRole, pageKey(page));
    m_factories.insert(page, std::move(factory));
}

Page* MainWindow::ensurePage(PageId id)
{
    if (Page* existing = m_pages.value(id))
        return existing;
    Page* created = m_factories.value(id)();
    m_pages.insert(id, created);
    static_cast<QScrollArea*>(m_stack->widget(static_cast<int>(allPages().indexOf(id))))->setWidget(created);
    connect(created, &Page::navigationRequested, this, &MainWindow::showPage);
    return created;
}

void MainWindow::showPage(PageId page)
{
    m_navigation->setCurrentRow(static_cast<int>(allPages().indexOf(page)));
}

PageId MainWindow::currentPage() const
{
    const int row = m_navigation->currentRow();
    return row >= 0 ? allPages().at(row) : PageId::Sell;
}

Page* MainWindow::page(PageId page)
{
    return ensurePage(page);
}

void MainWindow::addScannedCode(const QString& code)
{
    static_cast<SellPage*>(ensurePage(PageId::Sell))->addScannedCode(code);
}

void MainWindow::attachDevices(devices::DeviceHub* hub, devices::DeviceMonitor* monitor)
{
    m_deviceHub = hub;
    m_deviceMonitor = monitor;
    if (Page* built = m_pages.value(PageId::Devices))
        static_cast<DevicesPage*>(built)->attach(hub, monitor);
}

void MainWindow::attachActivation(activation::OnboardingFlow* onboarding,
                                  activation::ActivationService* activation,
                                  ActivationPage::NetworkCheckRunner runNetworkCheck)
{
    m_onboarding = onboarding;
    m_activation = activation;
    m_runNetworkCheck = std::move(runNetworkCheck);
    if (Page* built = m_pages.value(PageId::Activation))
        static_cast<ActivationPage*>(built)->attach(m_onboarding, m_activation, m_runNetworkCheck);
}

void MainWindow::setActivationUnavailable(const QString& reason)
{
    m_activationUnavailable = reason;
    if (Page* built = m_pages.value(PageId::Activation))
        static_cast<ActivationPage*>(built)->setUnavailableReason(reason);
}

void MainWindow::attachPrinting(sales::PrintService* printService)
{
    m_printService = printService;
    if (Page* built = m_pages.value(PageId::Devices))
        static_cast<DevicesPage*>(built)->attachPrinting(printService);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(m_info.demoMode ? tr("Merchant POS — Demo") : tr("Merchant POS"));
    const QList<PageId> pages = allPages();
    for (int row = 0; row < pages.size(); ++row) {
        QListWidgetItem* item = m_navigation->item(row);
        const QString title = ShellText::pageTitle(pages.at(row));
        item->setText(title);
        item->setToolTip(title);
    }
}

} // namespace ui
} // namespace pos
