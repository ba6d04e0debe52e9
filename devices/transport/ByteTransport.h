// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

class QIODevice;

namespace pos {
namespace devices {

// One byte pipe to a device: a serial port (also a pty), or a TCP connection (port-9100 printers, emulators).
// Device ids: "serial:/dev/ttyUSB0" (optional "?baud=9600", default 115200, 8N1, no flow control) and
// "tcp:HOST:PORT". USB printers get their own transport (libusb) behind the same signals.
// Thread affinity: created, used and destroyed on the device I/O thread; never blocks (connect and write are
// asynchronous; open() of a serial port is a system call that returns at once).
class ByteTransport : public QObject
{
    Q_OBJECT

public:
    // Parses id and starts opening. InvalidInput for a malformed id; DeviceOffline when a serial port cannot
    // be opened. A TCP transport reports a failed connect through lost().
    static Result<std::unique_ptr<ByteTransport>> open(const QString& deviceId, QObject* parent = nullptr);

    ~ByteTransport() override;

    QString deviceId() const { return m_deviceId; }
    bool isUsable() const; // open (and, for TCP, connected)
    // Queues bytes for writing; false when the transport is not usable.
    bool write(const QByteArray& bytes);
    void close();

Q_SIGNALS:
    void ready(); // usable now (TCP connected; a serial port emits it once after open)
    void bytesArrived(QByteArray bytes);
    void lost(QString reason); // unplugged, closed by the peer, connect failed; no more bytes will come

private:
    ByteTransport(QString deviceId, QIODevice* device, QObject* parent);

    QString m_deviceId;
    QIODevice* m_device; // owned (child)
    bool m_lost = false;
};

} // namespace devices
} // namespace pos
