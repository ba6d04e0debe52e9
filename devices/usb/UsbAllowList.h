// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/TerminalStatus.h"

#include <QList>
#include <QString>

#include <optional>

namespace pos {
namespace devices {

struct UsbAllowListEntry
{
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString vendor;
    QString model;
    DeviceRole role = DeviceRole::ReceiptPrinter;
    QString source; // where the id was seen (public driver, issue, descriptor dump)
};

// USB devices recognised by VID:PID, as data (devices/usb/usb-devices.json, resource
// ":/devices/usb/usb-devices.json"). Only listed devices may be driven through a vendor-specific (0xFF)
// interface; listed printers get the highest "escpos" priority in DriverRegistry. Immutable after loading;
// safe to share between threads.
class UsbAllowList final
{
public:
    UsbAllowList() = default;
    explicit UsbAllowList(QList<UsbAllowListEntry> entries);

    // The built-in list from the resource; loaded once (thread-safe). Empty (and logged) if the resource is
    // broken, which tst_usb_allow_list rules out.
    static const UsbAllowList& builtIn();
    // InvalidInput naming the first bad entry: not JSON, no "devices" array, a VID/PID that is not 4 hex
    // digits, an unknown role ("printer", "pinpad", "scanner"), no source, or a duplicate VID:PID.
    static Result<UsbAllowList> fromJson(const QByteArray& json);

    std::optional<UsbAllowListEntry> find(quint16 vendorId, quint16 productId) const;
    bool contains(quint16 vendorId, quint16 productId) const { return find(vendorId, productId).has_value(); }
    const QList<UsbAllowListEntry>& entries() const { return m_entries; }

private:
    QList<UsbAllowListEntry> m_entries;
};

} // namespace devices
} // namespace pos
