// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/discovery/DeviceId.h"

#include "devices/transport/ByteTransport.h"

#include <QHash>
#include <QRegularExpression>

namespace pos {
namespace devices {

QString transportKindName(TransportKind kind)
{
    switch (kind) {
    case TransportKind::Serial: return QStringLiteral("serial");
    case TransportKind::Usb: return QStringLiteral("usb");
    case TransportKind::Tcp: return QStringLiteral("tcp");
    }
    return QStringLiteral("unknown");
}

QString deviceRoleName(DeviceRole role)
{
    switch (role) {
    case DeviceRole::ReceiptPrinter: return QStringLiteral("printer");
    case DeviceRole::PinPad: return QStringLiteral("pinpad");
    case DeviceRole::Scanner: return QStringLiteral("scanner");
    }
    return QStringLiteral("unknown");
}

QString sanitizedUsbSerial(const QString& serial)
{
    QString clean = serial.trimmed();
    for (QChar& c : clean) {
        const char16_t u = c.unicode();
        const bool keep = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                          u == u'.' || u == u'_' || u == u'-';
        if (!keep)
            c = QLatin1Char('_');
    }
    return clean;
}

QString usbDeviceId(quint16 vendorId, quint16 productId, const QString& serial, const QString& portPath)
{
    QString id = QStringLiteral("usb:%1:%2")
                     .arg(vendorId, 4, 16, QLatin1Char('0'))
                     .arg(productId, 4, 16, QLatin1Char('0'));
    if (const QString clean = sanitizedUsbSerial(serial); !clean.isEmpty())
        id += QLatin1Char(':') + clean;
    if (!portPath.isEmpty())
        id += QLatin1Char('@') + portPath;
    return id;
}

Result<UsbDeviceIdParts> parseUsbDeviceId(const QString& deviceId)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^usb:([0-9a-fA-F]{4}):([0-9a-fA-F]{4})(?::([A-Za-z0-9._-]+))?(?:@([0-9]+-[0-9]+(?:\\.[0-9]+)*))?$"));
    const QRegularExpressionMatch match = pattern.match(deviceId);
    if (!match.hasMatch())
        return Failure{invalidDeviceId(deviceId, QStringLiteral("needs usb:VVVV:PPPP[:SERIAL][@BUS-PORT]"))};
    UsbDeviceIdParts parts;
    parts.vendorId = static_cast<quint16>(match.captured(1).toUInt(nullptr, 16));
    parts.productId = static_cast<quint16>(match.captured(2).toUInt(nullptr, 16));
    parts.serial = match.captured(3);
    parts.portPath = match.captured(4);
    return parts;
}

void assignUsbDeviceIds(QList<DeviceCandidate>& candidates)
{
    QHash<QString, int> uses;
    for (const DeviceCandidate& candidate : candidates) {
        if (candidate.transportKind == TransportKind::Usb)
            ++uses[usbDeviceId(candidate.vendorId, candidate.productId, candidate.serialNumber)];
    }
    for (DeviceCandidate& candidate : candidates) {
        if (candidate.transportKind != TransportKind::Usb)
            continue;
        const QString plain = usbDeviceId(candidate.vendorId, candidate.productId, candidate.serialNumber);
        candidate.id = uses.value(plain) > 1 && !candidate.portPath.isEmpty()
                           ? usbDeviceId(candidate.vendorId, candidate.productId, candidate.serialNumber,
                                         candidate.portPath)
                           : plain;
    }
}

} // namespace devices
} // namespace pos
