// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/transport/ByteTransport.h"

#include "devices/transport/IoDeviceTransport.h"
#include "devices/transport/UsbTransport.h"

#include <QCoreApplication>

namespace pos {
namespace devices {
namespace {

struct TransportText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::ByteTransport)
};

} // namespace

Error invalidDeviceId(const QString& deviceId, const QString& why)
{
    return Error{ErrorCode::InvalidInput,
                 TransportText::tr("The device address \"%1\" is not valid.").arg(deviceId),
                 QStringLiteral("device id %1: %2").arg(deviceId, why)};
}

ByteTransport::ByteTransport(QString deviceId, QObject* parent)
    : QObject(parent)
    , m_deviceId(std::move(deviceId))
{}

ByteTransport::~ByteTransport() = default;

Result<std::unique_ptr<ByteTransport>> ByteTransport::open(const QString& deviceId, QObject* parent)
{
    if (deviceId.startsWith(QLatin1String("serial:")))
        return IoDeviceTransport::openSerial(deviceId, parent);
    if (deviceId.startsWith(QLatin1String("tcp:")))
        return IoDeviceTransport::openTcp(deviceId, parent);
    if (deviceId.startsWith(QLatin1String("usb:")))
        return UsbTransport::open(deviceId, parent);
    return Failure{invalidDeviceId(deviceId, QStringLiteral("unknown scheme"))};
}

} // namespace devices
} // namespace pos
