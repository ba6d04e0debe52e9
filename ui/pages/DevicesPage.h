// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"
#include "ui/pages/Page.h"

class QLabel;
class QTableWidget;

namespace pos {
namespace devices {
class DeviceHub;
class DeviceMonitor;
} // namespace devices
namespace sales {
class PrintService;
}

namespace ui {

class DeviceChooser;
class ReprintQueue;

// Devices and links the terminal uses, with live state from TerminalStatus (not owned).
class DevicesPage final : public Page
{
    Q_OBJECT
public:
    enum Column { NameColumn, ConnectionColumn, StateColumn, DetailColumn, ColumnCount };
    enum Row { AcquirerRow, PrinterRow, PinPadRow, ScannerRow, RowCount };

    explicit DevicesPage(TerminalStatus* status, QWidget* parent = nullptr);

    // The device hub (self-tests) and discovery (the lists to choose from); not owned, may be null.
    void attach(devices::DeviceHub* hub, devices::DeviceMonitor* monitor);
    // The print queue whose failed receipts the page lists for reprinting; not owned, may be null.
    void attachPrinting(sales::PrintService* printService);

Q_SIGNALS:
    // The user chose the device for role (empty id: none).
    void deviceChosen(pos::DeviceRole role, const QString& deviceId);

protected:
    void retranslateUi() override;

private:
    void refresh();
    void setRow(int row,
                const QString& name,
                const QString& connection,
                const QString& state,
                const QString& tone,
                const QString& detail);

    TerminalStatus* m_status;
    QTableWidget* m_table;
    QLabel* m_chooserTitle;
    DeviceChooser* m_chooser;
    QLabel* m_reprintTitle;
    ReprintQueue* m_reprints;
};

} // namespace ui
} // namespace pos
