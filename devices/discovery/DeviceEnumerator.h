// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "devices/discovery/DeviceCandidate.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

struct libusb_device;

namespace pos {
namespace devices {

class UsbContext;

// One source of device candidates (Odoo's "interface" idea): serial ports, USB devices, configured network
// printers. snapshot() returns what is present now; it may do short bounded I/O (sysfs reads, a USB control
// request with a timeout), so DeviceMonitor calls it on its scan thread, never on the UI thread.
// changed() may be emitted from any thread (e.g. the libusb hot-plug callback) to ask for a scan now.
// Thread affinity: snapshot() is called from one thread at a time.
class DeviceEnumerator : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual QString name() const = 0; // "serial", "usb", "network" (logs)
    virtual QList<DeviceCandidate> snapshot() = 0;

Q_SIGNALS:
    void changed();
};

// Serial ports from QSerialPortInfo: id "serial:<system location>", VID/PID of USB-serial adapters.
class SerialEnumerator final : public DeviceEnumerator
{
    Q_OBJECT

public:
    using DeviceEnumerator::DeviceEnumerator;
    QString name() const override { return QStringLiteral("serial"); }
    QList<DeviceCandidate> snapshot() override;
};

// Configured network printers: one candidate per "tcp:HOST:PORT" id (not probed: a configured printer is
// listed whether or not it answers; the transport reports a failed connect).
class NetworkPrinterList final : public DeviceEnumerator
{
    Q_OBJECT

public:
    // Ids that do not parse as tcp:HOST:PORT are dropped with a warning; use validIds() to check input.
    explicit NetworkPrinterList(QStringList ids, QObject* parent = nullptr);
    QString name() const override { return QStringLiteral("network"); }
    QList<DeviceCandidate> snapshot() override;
    // Whether id is "tcp:HOST:PORT" with a port 1..65535.
    static bool isValidId(const QString& id);

private:
    QStringList m_ids;
};

// USB devices through libusb: every device with a printer-class (0x07) interface that has a bulk OUT
// endpoint, and every allow-listed VID:PID (UsbAllowList::builtIn()). Hubs and root hubs are skipped.
// Serial numbers, product names and the IEEE 1284 id come from sysfs on Linux (no device open needed, usblp
// may stay bound); elsewhere, and when sysfs lacks them, from the device itself (libusb_open + control
// requests, 500 ms timeout, skipped silently without access). Ids by assignUsbDeviceIds (DeviceId.h).
// Hot-plug: when libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG), a callback registered for every device
// emits changed() on arrival and departure; otherwise hasHotplug() is false and DeviceMonitor's polling is
// the only trigger.
class UsbEnumerator final : public DeviceEnumerator
{
    Q_OBJECT

public:
    explicit UsbEnumerator(QObject* parent = nullptr);
    ~UsbEnumerator() override;
    QString name() const override { return QStringLiteral("usb"); }
    QList<DeviceCandidate> snapshot() override;
    bool available() const { return m_context != nullptr; }
    bool hasHotplug() const { return m_hotplugHandle != 0; }

    struct HotplugSink;
    struct Probed
    {
        QString serial;
        QString manufacturer;
        QString product;
        QString ieee1284Id;
    };

private:
    Probed probe(libusb_device* device, const QString& portPath, bool printerClass, quint8 interfaceNumber);

    std::shared_ptr<UsbContext> m_context; // null when libusb is unavailable (snapshot() is then empty)
    int m_hotplugHandle = 0;
    HotplugSink* m_sink = nullptr;   // deleted on the libusb event thread after deregistration
    QHash<QString, Probed> m_probed; // per "path vid:pid": what opening the device told, read once
};

} // namespace devices
} // namespace pos
