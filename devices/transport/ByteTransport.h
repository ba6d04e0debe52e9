// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

namespace pos {
namespace devices {

// One byte pipe to a device. Implementations: IoDeviceTransport (a serial port, also a pty, or a TCP
// connection to a port-9100 printer or an emulator) and UsbTransport (libusb bulk endpoints of a USB
// printer). Device ids:
//   "serial:/dev/ttyUSB0" (optional "?baud=9600", default 115200, 8N1, no flow control)
//   "tcp:HOST:PORT"
//   "usb:VVVV:PPPP[:SERIAL]" or "usb:VVVV:PPPP@BUS-PORT.PORT" (hex VID:PID; see devices/discovery/DeviceId.h)
// Thread affinity: created, used and destroyed on the device I/O thread; never blocks (connect and write are
// asynchronous; open() of a serial port is a system call that returns at once; USB opening and transfers run
// on the libusb event thread).
class ByteTransport : public QObject
{
    Q_OBJECT

public:
    // Parses id and starts opening. InvalidInput for a malformed id; DeviceOffline when a serial port cannot
    // be opened or libusb is unavailable. A TCP or USB transport that fails later (connect refused, no such
    // USB device, no access) reports it through lost().
    static Result<std::unique_ptr<ByteTransport>> open(const QString& deviceId, QObject* parent = nullptr);

    ~ByteTransport() override;

    QString deviceId() const { return m_deviceId; }
    // Open and, for TCP and USB, connected/claimed; false after lost() or close().
    virtual bool isUsable() const = 0;
    // Queues bytes for writing; false when the transport is not usable.
    virtual bool write(const QByteArray& bytes) = 0;
    // Stops I/O; no signal follows.
    virtual void close() = 0;

Q_SIGNALS:
    void ready(); // usable now (TCP connected, USB interface claimed; a serial port emits it once after open)
    void bytesArrived(QByteArray bytes);
    void lost(QString reason); // unplugged, closed by the peer, connect failed; no more bytes will come

protected:
    ByteTransport(QString deviceId, QObject* parent);

private:
    QString m_deviceId;
};

// The translated "address not valid" error of every transport's id parser.
Error invalidDeviceId(const QString& deviceId, const QString& why);

} // namespace devices
} // namespace pos
