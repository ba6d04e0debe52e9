// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"

#include <QMap>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace pos {
namespace devices {
class DeviceHub;
class DeviceMonitor;
} // namespace devices

namespace ui {

// The "which device does the shop use" part of the Devices page: for the printer, the PIN pad and the
// scanner a list of what discovery found (the devices whose driver suits the role first; any address may be
// typed, e.g. tcp:192.168.1.50:9100 for a network printer), a Use button and a Self-test button with its
// result. Choosing only emits deviceChosen (the application applies and saves it); the self-test asks the
// hub. The hub and the monitor are not owned and may be null (the list is then only what is configured).
class DeviceChooser final : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceChooser(QWidget* parent = nullptr);

    void attach(devices::DeviceHub* hub, devices::DeviceMonitor* monitor);
    void retranslateUi();

Q_SIGNALS:
    void deviceChosen(pos::DeviceRole role, const QString& deviceId);

private:
    struct RoleRow
    {
        QLabel* name = nullptr;
        QComboBox* devices = nullptr;
        QPushButton* use = nullptr;
        QPushButton* selfTest = nullptr;
        QLabel* result = nullptr;
    };

    void refreshCandidates();
    void choose(DeviceRole role);
    void runSelfTest(DeviceRole role);
    void showResult(DeviceRole role, const QString& text, bool ok);

    QPointer<devices::DeviceHub> m_hub;
    QPointer<devices::DeviceMonitor> m_monitor;
    QMap<DeviceRole, RoleRow> m_rows;
    QStringList m_shownSignature; // what the lists were built from
};

} // namespace ui
} // namespace pos
