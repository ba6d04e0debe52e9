// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "devices/transport/ByteTransport.h"

class QIODevice;

namespace pos {
namespace devices {

// A ByteTransport over a QIODevice: a QSerialPort ("serial:" ids) or a QTcpSocket ("tcp:" ids).
// Thread affinity and signals: see ByteTransport.
class IoDeviceTransport final : public ByteTransport
{
    Q_OBJECT

public:
    // "serial:PATH[?baud=N]": InvalidInput for a malformed id, DeviceOffline when the port cannot be opened;
    // ready() follows once, queued.
    static Result<std::unique_ptr<ByteTransport>> openSerial(const QString& deviceId, QObject* parent);
    // "tcp:HOST:PORT": InvalidInput for a malformed id; a failed connect arrives as lost().
    static Result<std::unique_ptr<ByteTransport>> openTcp(const QString& deviceId, QObject* parent);

    ~IoDeviceTransport() override;

    bool isUsable() const override;
    bool write(const QByteArray& bytes) override;
    void close() override;

private:
    IoDeviceTransport(QString deviceId, QIODevice* device, QObject* parent);

    QIODevice* m_device; // owned (child)
    bool m_lost = false;
};

} // namespace devices
} // namespace pos
