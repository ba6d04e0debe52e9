// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "devices/discovery/DeviceCandidate.h"

#include <QList>
#include <QString>

namespace pos {
namespace devices {

// Stable USB device ids.
//
//   usb:VVVV:PPPP            a device without a serial number, the only one of its VID:PID present
//   usb:VVVV:PPPP:SERIAL     a device with a serial number (unique among those present)
//   ...@BUS-PORT.PORT        appended only when two present devices would otherwise get the same id (two
//                            identical printers without serial numbers, or cheap devices that all report the
//                            same serial); the suffix is the physical port path (libusb bus number and port
//                            numbers, the Linux sysfs name), so each keeps its id while it stays in its port.
//
// VVVV and PPPP are 4 lower-case hex digits. SERIAL is the device's serial string with every character
// outside [A-Za-z0-9._-] replaced by '_'. Opening an id without "@" takes the first device that matches
// VID:PID (and SERIAL when given); opening an id with "@" takes only the device in that port. So a stored
// plain id keeps working when a second identical printer is plugged in, and a stored "@" id keeps working
// when the other one is unplugged as long as the printer stays in its port.
struct UsbDeviceIdParts
{
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString serial;   // sanitised; empty when the id names none
    QString portPath; // empty when the id names none
};

QString sanitizedUsbSerial(const QString& serial);
QString usbDeviceId(quint16 vendorId, quint16 productId, const QString& serial, const QString& portPath = {});
// InvalidInput for anything but the forms above.
Result<UsbDeviceIdParts> parseUsbDeviceId(const QString& deviceId);
// Sets id of every USB candidate in candidates (from vendorId, productId, serialNumber, portPath) by the
// rules above; other candidates are left as they are.
void assignUsbDeviceIds(QList<DeviceCandidate>& candidates);

} // namespace devices
} // namespace pos
