// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace pos {
namespace devices {

enum class TransportKind { Serial, Usb, Tcp };

// "serial", "usb", "tcp" (the id scheme; also the JSON value of pos-tool devices list).
QString transportKindName(TransportKind kind);
// "printer", "pinpad", "scanner".
QString deviceRoleName(DeviceRole role);

// Which driver DriverRegistry picked for a candidate and how sure it is.
struct DriverMatch
{
    QString driver; // "escpos", "pinpad", "scanner"
    DeviceRole role = DeviceRole::ReceiptPrinter;
    int priority = 0; // higher wins; see DriverRegistry::standard()
    bool needsUserChoice =
        false;      // a guess (e.g. any serial port): the user confirms the role on the Devices page
    QString reason; // untranslated, for logs and pos-tool

    friend bool operator==(const DriverMatch&, const DriverMatch&) = default;
};

// One device a DeviceEnumerator found. Plain value; id is stable across scans and restarts for the same
// device (devices/discovery/DeviceId.h) and is what configuration stores and ByteTransport::open() takes.
struct DeviceCandidate
{
    QString id; // "serial:/dev/ttyUSB0", "usb:0483:5743:SN1", "usb:0416:5011@1-1.4", "tcp:10.0.0.5:9100"
    TransportKind transportKind = TransportKind::Serial;
    quint16 vendorId = 0; // USB, and USB-serial adapters; 0 when unknown
    quint16 productId = 0;
    QString serialNumber; // as the device reports it; empty when none
    QString portPath;     // USB "BUS-PORT.PORT" (e.g. "1-1.4"); serial: the system location
    QString description;  // manufacturer + product, or what the OS names the port
    QString ieee1284Id;   // canonical IEEE 1284 device id text of a USB printer; empty when unknown
    quint8 printerInterfaceClass = 0; // USB: 0x07 printer class, 0xFF allow-listed vendor class, 0 none
    bool hasBulkIn = false;           // USB printer interface can answer status queries
    bool allowListed = false;         // USB VID:PID on UsbAllowList
    std::optional<DriverMatch> match; // filled by DeviceMonitor / pos-tool from DriverRegistry

    friend bool operator==(const DeviceCandidate&, const DeviceCandidate&) = default;
};

} // namespace devices
} // namespace pos

Q_DECLARE_METATYPE(pos::devices::DeviceCandidate)
