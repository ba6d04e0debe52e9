// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "devices/transport/ByteTransport.h"
#include "devices/usb/UsbDescriptors.h"

#include <memory>

namespace pos {
namespace devices {

class UsbContext;

// A ByteTransport over the bulk endpoints of a USB printer (libusb-1.0), for ids "usb:VVVV:PPPP[:SERIAL]
// [@BUS-PORT]" (devices/discovery/DeviceId.h).
//
// Threads: the object lives on the device I/O thread; all libusb work runs on the "pos-usb" event thread of
// UsbContext (see UsbContext.h: one dedicated libusb event thread, results posted back as queued calls). So
// open(), write() and close() return at once and never wait for the device.
//
// Opening (on the event thread): the first device matching the id, libusb_open,
// libusb_set_auto_detach_kernel_driver(handle, 1) (usblp lets go of the interface while we hold it and gets
// it back on release), the raw configuration descriptor through choosePrinterInterface() (printer class 0x07,
// or vendor class 0xFF for allow-listed VID:PID), claim + alternate setting, the IEEE 1284 id
// (GET_DEVICE_ID, printer class only), then one bulk IN transfer kept pending for status replies (DLE EOT,
// ASB), and ready(). Any failure on the way (no such device, LIBUSB_ERROR_ACCESS without the udev rule, busy,
// no printer interface) arrives as lost(reason) instead.
// Writes are queued and sent as asynchronous bulk OUT transfers one after another, without timeout (a
// printer out of paper may hold them; the printer driver's status timeouts decide). Unplugging, a stalled
// endpoint or a transfer error emits lost() once; nothing follows it.
class UsbTransport final : public ByteTransport
{
    Q_OBJECT

public:
    // InvalidInput for a malformed id, DeviceOffline when libusb cannot be initialised.
    static Result<std::unique_ptr<ByteTransport>> open(const QString& deviceId, QObject* parent);

    ~UsbTransport() override;

    bool isUsable() const override { return m_usable; }
    bool write(const QByteArray& bytes) override;
    void close() override;

    // Valid after ready(): the interface in use and the printer's IEEE 1284 id text (empty when none).
    const UsbPrinterInterface& printerInterface() const { return m_interface; }
    QString ieee1284Id() const { return m_ieee1284Id; }

    struct Link; // event-thread state, shared with libusb callbacks

private:
    UsbTransport(QString deviceId, std::shared_ptr<UsbContext> context, QObject* parent);
    void start();
    void onOpened(const UsbPrinterInterface& interface, const QString& ieee1284Id);
    void onLost(const QString& reason);

    std::shared_ptr<UsbContext> m_context;
    std::shared_ptr<Link> m_link;
    UsbPrinterInterface m_interface;
    QString m_ieee1284Id;
    bool m_usable = false;
    bool m_finished = false; // lost() emitted or close() called
};

} // namespace devices
} // namespace pos
