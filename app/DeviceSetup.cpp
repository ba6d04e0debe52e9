// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/DeviceSetup.h"

#include "app/AppLog.h"
#include "devices/DeviceHub.h"
#include "devices/discovery/DeviceEnumerator.h"
#include "devices/discovery/DeviceMonitor.h"
#include "devices/discovery/DriverRegistry.h"
#include "devices/escpos/PrinterProfiles.h"
#include "sales/PrintService.h"
#include "storage/LedgerPrintQueue.h"

#include <QSettings>
#include <QThreadPool>

namespace pos {
namespace app {
namespace {

QString settingsKey(DeviceRole role)
{
    switch (role) {
    case DeviceRole::ReceiptPrinter: return QStringLiteral("devices/printer");
    case DeviceRole::PinPad: return QStringLiteral("devices/pinpad");
    case DeviceRole::Scanner: return QStringLiteral("devices/scanner");
    }
    return {};
}

devices::PrinterProfile profileFromSettings(const QString& settingsFile)
{
    const QSettings settings(settingsFile, QSettings::IniFormat);
    const QString id =
        settings.value(QStringLiteral("devices/printerProfile"), QStringLiteral("generic-80mm")).toString();
    if (const std::optional<devices::PrinterProfile> profile = devices::PrinterProfiles::find(id))
        return *profile;
    qCWarning(lcApp).noquote() << "unknown printer profile" << id << "- using generic-80mm";
    return devices::PrinterProfiles::find(QStringLiteral("generic-80mm"))
        .value_or(devices::PrinterProfiles::all().first());
}

} // namespace

DeviceSetup::DeviceSetup(TerminalStatus& status, QString settingsFile, QObject* parent)
    : QObject(parent)
    , m_settingsFile(std::move(settingsFile))
    , m_printerProfile(profileFromSettings(m_settingsFile)) // read with the rest of the settings, at start-up
    , m_hub(std::make_unique<devices::DeviceHub>(status, devices::DeviceHub::Config{}))
{
    m_hub->setPrinterProfile(m_printerProfile);
    std::vector<std::unique_ptr<devices::DeviceEnumerator>> enumerators;
    enumerators.push_back(std::make_unique<devices::SerialEnumerator>());
    enumerators.push_back(std::make_unique<devices::UsbEnumerator>());
    const QSettings settings(m_settingsFile, QSettings::IniFormat);
    enumerators.push_back(std::make_unique<devices::NetworkPrinterList>(
        settings.value(QStringLiteral("devices/networkPrinters")).toStringList()));
    m_monitor = std::make_unique<devices::DeviceMonitor>(
        std::move(enumerators), devices::DriverRegistry::standard(), devices::DeviceMonitor::Config{});
    devices::DeviceHub* hub = m_hub.get();
    connect(m_monitor.get(), &devices::DeviceMonitor::deviceAdded, hub,
            [hub](const devices::DeviceCandidate& candidate) {
                qCInfo(lcApp).noquote() << "device found:" << candidate.id;
                hub->reconnectNow(candidate.id);
            });
    connect(m_monitor.get(), &devices::DeviceMonitor::deviceRemoved, this,
            [](const QString& id) { qCInfo(lcApp).noquote() << "device gone:" << id; });
    m_monitor->start();
}

DeviceSetup::~DeviceSetup()
{
    m_printService.reset();
    m_monitor.reset();
    m_hub.reset();
}

void DeviceSetup::openConfiguredDevices()
{
    const QSettings settings(m_settingsFile, QSettings::IniFormat);
    for (const DeviceRole role : {DeviceRole::ReceiptPrinter, DeviceRole::PinPad, DeviceRole::Scanner}) {
        const QString id = settings.value(settingsKey(role)).toString();
        if (!id.isEmpty())
            m_hub->setDevice(role, id);
    }
}

void DeviceSetup::useDemoDevices(quint16 printerPort, quint16 pinPadPort)
{
    m_demo = true;
    m_hub->setDevice(DeviceRole::ReceiptPrinter, QStringLiteral("tcp:127.0.0.1:%1").arg(printerPort));
    m_hub->setDevice(DeviceRole::PinPad, QStringLiteral("tcp:127.0.0.1:%1").arg(pinPadPort));
}

void DeviceSetup::chooseDevice(DeviceRole role, const QString& deviceId)
{
    m_hub->setDevice(role, deviceId);
    if (m_demo)
        return;
    const QString file = m_settingsFile;
    const QString key = settingsKey(role);
    QThreadPool::globalInstance()->start([file, key, deviceId] {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(key, deviceId);
        settings.sync();
    });
}

void DeviceSetup::attachLedger(storage::LedgerService& ledger)
{
    m_printQueue = std::make_unique<storage::LedgerPrintQueue>(ledger);
    const devices::PrinterProfile profile = m_printerProfile;
    m_printService = std::make_unique<sales::PrintService>(*m_printQueue, profile);
    connect(m_hub.get(), &devices::DeviceHub::printerAvailable, m_printService.get(),
            [this, profile](bool available) {
                m_printService->setPrinter(available ? m_hub.get() : nullptr, profile);
            });
    connect(m_printService.get(), &sales::PrintService::jobFinished, this,
            [](qint64 jobId, bool printed, const QString& message) {
                if (printed)
                    qCInfo(lcApp) << "print job" << jobId << "printed";
                else
                    qCWarning(lcApp).noquote() << "print job" << jobId << "failed:" << message;
            });
    m_printService->start();
}

} // namespace app
} // namespace pos
