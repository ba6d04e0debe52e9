// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/usb/UsbDescriptors.h"

#include <QCoreApplication>

namespace pos {
namespace devices {
namespace {

struct DescriptorText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::UsbDescriptors)
};

constexpr quint8 typeDevice = 0x01;
constexpr quint8 typeConfiguration = 0x02;
constexpr quint8 typeInterface = 0x04;
constexpr quint8 typeEndpoint = 0x05;

Failure malformed(const QString& detail)
{
    return fail(ErrorCode::InvalidInput,
                DescriptorText::tr("The USB device reported unreadable descriptors."),
                QStringLiteral("USB descriptor: %1").arg(detail));
}

quint8 byteAt(QByteArrayView bytes, qsizetype offset)
{
    return static_cast<quint8>(bytes.at(offset));
}

quint16 wordAt(QByteArrayView bytes, qsizetype offset)
{
    return static_cast<quint16>(byteAt(bytes, offset) | (byteAt(bytes, offset + 1) << 8));
}

int printerProtocolRank(quint8 protocol)
{
    switch (protocol) {
    case 2: return 0;
    case 1: return 1;
    case 3: return 2;
    default: return -1; // 4 = IPP-over-USB and anything unknown
    }
}

std::optional<UsbPrinterInterface> withBulkEndpoints(const UsbInterface& interface)
{
    std::optional<UsbPrinterInterface> chosen;
    for (const UsbEndpoint& endpoint : interface.endpoints) {
        if (endpoint.transferType() != UsbTransferType::Bulk)
            continue;
        if (!endpoint.isIn() && !chosen) {
            chosen = UsbPrinterInterface{interface.number,         interface.alternateSetting,
                                         interface.interfaceClass, interface.interfaceProtocol,
                                         endpoint.address,         std::nullopt};
        }
    }
    if (!chosen)
        return std::nullopt;
    for (const UsbEndpoint& endpoint : interface.endpoints) {
        if (endpoint.transferType() == UsbTransferType::Bulk && endpoint.isIn()) {
            chosen->bulkIn = endpoint.address;
            break;
        }
    }
    return chosen;
}

} // namespace

Result<UsbDeviceDescriptor> parseUsbDeviceDescriptor(QByteArrayView bytes)
{
    if (bytes.size() < 18)
        return malformed(QStringLiteral("device descriptor has %1 bytes, needs 18").arg(bytes.size()));
    if (byteAt(bytes, 0) != 18 || byteAt(bytes, 1) != typeDevice) {
        return malformed(QStringLiteral("device descriptor starts with bLength %1 type %2")
                             .arg(byteAt(bytes, 0))
                             .arg(byteAt(bytes, 1)));
    }
    UsbDeviceDescriptor device;
    device.bcdUsb = wordAt(bytes, 2);
    device.deviceClass = byteAt(bytes, 4);
    device.deviceSubClass = byteAt(bytes, 5);
    device.deviceProtocol = byteAt(bytes, 6);
    device.maxPacketSize0 = byteAt(bytes, 7);
    device.vendorId = wordAt(bytes, 8);
    device.productId = wordAt(bytes, 10);
    device.bcdDevice = wordAt(bytes, 12);
    device.manufacturerIndex = byteAt(bytes, 14);
    device.productIndex = byteAt(bytes, 15);
    device.serialNumberIndex = byteAt(bytes, 16);
    device.configurationCount = byteAt(bytes, 17);
    return device;
}

Result<UsbConfiguration> parseUsbConfigurationDescriptor(QByteArrayView bytes)
{
    if (bytes.size() < 9)
        return malformed(QStringLiteral("configuration descriptor has %1 bytes, needs 9").arg(bytes.size()));
    if (byteAt(bytes, 0) < 9 || byteAt(bytes, 1) != typeConfiguration) {
        return malformed(QStringLiteral("configuration descriptor starts with bLength %1 type %2")
                             .arg(byteAt(bytes, 0))
                             .arg(byteAt(bytes, 1)));
    }
    const quint16 totalLength = wordAt(bytes, 2);
    if (totalLength < byteAt(bytes, 0))
        return malformed(QStringLiteral("wTotalLength %1 below bLength").arg(totalLength));
    if (bytes.size() < totalLength) {
        return malformed(
            QStringLiteral("truncated: wTotalLength %1, only %2 bytes").arg(totalLength).arg(bytes.size()));
    }
    UsbConfiguration configuration;
    configuration.declaredInterfaceCount = byteAt(bytes, 4);
    configuration.value = byteAt(bytes, 5);
    configuration.attributes = byteAt(bytes, 7);
    configuration.maxPower = byteAt(bytes, 8);

    const QByteArrayView blob = bytes.first(totalLength);
    qsizetype offset = byteAt(blob, 0);
    int endpointsExpected = 0; // of the current interface
    while (offset < blob.size()) {
        if (blob.size() - offset < 2)
            return malformed(QStringLiteral("one stray byte at offset %1").arg(offset));
        const quint8 length = byteAt(blob, offset);
        const quint8 type = byteAt(blob, offset + 1);
        if (length < 2)
            return malformed(QStringLiteral("bLength %1 at offset %2").arg(length).arg(offset));
        if (offset + length > blob.size()) {
            return malformed(QStringLiteral("descriptor at offset %1 (bLength %2) runs past wTotalLength")
                                 .arg(offset)
                                 .arg(length));
        }
        if (type == typeInterface) {
            if (endpointsExpected > 0) {
                return malformed(QStringLiteral("interface before offset %1 misses %2 endpoint(s)")
                                     .arg(offset)
                                     .arg(endpointsExpected));
            }
            if (length < 9)
                return malformed(
                    QStringLiteral("interface descriptor of %1 bytes at offset %2").arg(length).arg(offset));
            UsbInterface interface;
            interface.number = byteAt(blob, offset + 2);
            interface.alternateSetting = byteAt(blob, offset + 3);
            endpointsExpected = byteAt(blob, offset + 4);
            interface.interfaceClass = byteAt(blob, offset + 5);
            interface.interfaceSubClass = byteAt(blob, offset + 6);
            interface.interfaceProtocol = byteAt(blob, offset + 7);
            interface.interfaceIndex = byteAt(blob, offset + 8);
            configuration.interfaces.append(interface);
        } else if (type == typeEndpoint) {
            if (configuration.interfaces.isEmpty())
                return malformed(QStringLiteral("endpoint outside an interface at offset %1").arg(offset));
            if (length < 7)
                return malformed(
                    QStringLiteral("endpoint descriptor of %1 bytes at offset %2").arg(length).arg(offset));
            if (endpointsExpected == 0)
                return malformed(
                    QStringLiteral("more endpoints than bNumEndpoints at offset %1").arg(offset));
            --endpointsExpected;
            UsbEndpoint endpoint;
            endpoint.address = byteAt(blob, offset + 2);
            endpoint.attributes = byteAt(blob, offset + 3);
            endpoint.maxPacketSize = wordAt(blob, offset + 4);
            endpoint.interval = byteAt(blob, offset + 6);
            configuration.interfaces.last().endpoints.append(endpoint);
        } else if (type == typeConfiguration || type == typeDevice) {
            return malformed(QStringLiteral("descriptor type %1 inside the configuration at offset %2")
                                 .arg(type)
                                 .arg(offset));
        }
        offset += length;
    }
    if (endpointsExpected > 0)
        return malformed(QStringLiteral("last interface misses %1 endpoint(s)").arg(endpointsExpected));
    return configuration;
}

Result<UsbPrinterInterface> choosePrinterInterface(const UsbConfiguration& configuration, bool allowListed)
{
    std::optional<UsbPrinterInterface> best;
    int bestRank = 0;
    for (const UsbInterface& interface : configuration.interfaces) {
        if (interface.interfaceClass != usbClassPrinter)
            continue;
        const int rank = printerProtocolRank(interface.interfaceProtocol);
        if (rank < 0 || (best && rank >= bestRank))
            continue;
        if (std::optional<UsbPrinterInterface> candidate = withBulkEndpoints(interface)) {
            best = candidate;
            bestRank = rank;
        }
    }
    if (best)
        return *best;
    if (allowListed) {
        for (const UsbInterface& interface : configuration.interfaces) {
            if (interface.interfaceClass != usbClassVendorSpecific)
                continue;
            if (std::optional<UsbPrinterInterface> candidate = withBulkEndpoints(interface))
                return *candidate;
        }
    }
    return fail(
        ErrorCode::NotFound, DescriptorText::tr("The USB device has no printer interface."),
        allowListed
            ? QStringLiteral("no printer-class or vendor-class interface with a bulk OUT endpoint")
            : QStringLiteral("no printer-class interface with a bulk OUT endpoint (not allow-listed)"));
}

} // namespace devices
} // namespace pos
