// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"
#include "devices/escpos/PrinterProfiles.h"

#include <QObject>
#include <QString>

#include <memory>

namespace pos {
namespace devices {
class DeviceHub;
class DeviceMonitor;
} // namespace devices
namespace sales {
class PrintService;
}
namespace storage {
class LedgerPrintQueue;
class LedgerService;
} // namespace storage

namespace app {

// The devices of this terminal and the print queue, wired together: the device hub (device I/O thread), the
// print service over the ledger's print queue, and the shop's choice of devices kept in settings.ini
// ([devices] printer, pinpad, scanner = device ids; printerProfile = a PrinterProfiles id, default
// generic-80mm; networkPrinters = tcp: ids offered for choice). Demo mode uses the emulators' addresses
// instead and does not save them.
// Thread affinity: GUI thread. Destroy before the ledger service and the terminal status.
class DeviceSetup final : public QObject
{
    Q_OBJECT

public:
    DeviceSetup(TerminalStatus& status, QString settingsFile, QObject* parent = nullptr);
    ~DeviceSetup() override;

    devices::DeviceHub& hub() { return *m_hub; }
    // Discovery: serial ports, USB printers (hot-plug) and the network printers listed in settings.ini
    // ([devices] networkPrinters = tcp:HOST:PORT list). A configured device that reappears is reconnected
    // at once.
    devices::DeviceMonitor& monitor() { return *m_monitor; }
    sales::PrintService* printService() { return m_printService.get(); }

    // Opens the devices chosen in settings.ini (read once, at start-up).
    void openConfiguredDevices();
    // Demo mode: the emulators on 127.0.0.1.
    void useDemoDevices(quint16 printerPort, quint16 pinPadPort);
    // The shop chose a device for role (empty: none): used at once and saved, off the GUI thread.
    void chooseDevice(DeviceRole role, const QString& deviceId);
    // Starts the print queue on the open ledger (must outlive this object).
    void attachLedger(storage::LedgerService& ledger);

private:
    QString m_settingsFile;
    devices::PrinterProfile m_printerProfile;
    bool m_demo = false;
    std::unique_ptr<devices::DeviceHub> m_hub;
    std::unique_ptr<devices::DeviceMonitor> m_monitor;
    std::unique_ptr<storage::LedgerPrintQueue> m_printQueue;
    std::unique_ptr<sales::PrintService> m_printService;
};

} // namespace app
} // namespace pos
