// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QList>

#include <optional>

namespace pos {
namespace devices {

// Pure parsers of raw USB descriptors (USB 2.0 §9.6) as GET_DESCRIPTOR returns them: the 18-byte device
// descriptor and the full configuration descriptor blob (configuration + interfaces + endpoints + any
// class/vendor descriptors, wTotalLength bytes). No libusb, no I/O: the same code runs on captured bytes in
// tests and the fuzzer (fuzz_usb_descriptors). All multi-byte fields are little-endian.

inline constexpr quint8 usbClassPrinter = 0x07;
inline constexpr quint8 usbClassVendorSpecific = 0xFF;

struct UsbDeviceDescriptor
{
    quint16 bcdUsb = 0;
    quint8 deviceClass = 0;
    quint8 deviceSubClass = 0;
    quint8 deviceProtocol = 0;
    quint8 maxPacketSize0 = 0;
    quint16 vendorId = 0;
    quint16 productId = 0;
    quint16 bcdDevice = 0;
    quint8 manufacturerIndex = 0; // string descriptor indexes, 0 = none
    quint8 productIndex = 0;
    quint8 serialNumberIndex = 0;
    quint8 configurationCount = 0;
};

enum class UsbTransferType : quint8 { Control = 0, Isochronous = 1, Bulk = 2, Interrupt = 3 };

struct UsbEndpoint
{
    quint8 address = 0; // bit 7 set = IN (device to host)
    quint8 attributes = 0;
    quint16 maxPacketSize = 0;
    quint8 interval = 0;

    bool isIn() const { return (address & 0x80) != 0; }
    UsbTransferType transferType() const { return static_cast<UsbTransferType>(attributes & 0x03); }
};

// One alternate setting of one interface.
struct UsbInterface
{
    quint8 number = 0;
    quint8 alternateSetting = 0;
    quint8 interfaceClass = 0;
    quint8 interfaceSubClass = 0;
    quint8 interfaceProtocol = 0; // printer class: 1 unidirectional, 2 bidirectional, 3 IEEE 1284.4, 4 IPP
    quint8 interfaceIndex = 0;
    QList<UsbEndpoint> endpoints;
};

struct UsbConfiguration
{
    quint8 value = 0; // bConfigurationValue
    quint8 attributes = 0;
    quint8 maxPower = 0; // in 2 mA units
    quint8 declaredInterfaceCount = 0;
    QList<UsbInterface> interfaces; // every alternate setting, in descriptor order
};

// InvalidInput with a detail naming the offset and the problem (too short, wrong bLength or type).
Result<UsbDeviceDescriptor> parseUsbDeviceDescriptor(QByteArrayView bytes);
// InvalidInput for a truncated blob (shorter than wTotalLength), a descriptor whose bLength is below 2 or
// runs past the end, an endpoint outside any interface, or a wrong endpoint count. Bytes after wTotalLength
// are ignored; unknown descriptor types (HID, class-specific, IAD) are skipped.
Result<UsbConfiguration> parseUsbConfigurationDescriptor(QByteArrayView bytes);

// The interface a printer driver claims, with its endpoints.
struct UsbPrinterInterface
{
    quint8 interfaceNumber = 0;
    quint8 alternateSetting = 0;
    quint8 interfaceClass = 0; // usbClassPrinter or usbClassVendorSpecific
    quint8 interfaceProtocol = 0;
    quint8 bulkOut = 0;
    std::optional<quint8> bulkIn; // status replies (DLE EOT); absent on unidirectional printers
};

// The printer-class (0x07) interface with a bulk OUT endpoint, preferring protocol 2 (bidirectional), then 1,
// then 3; IPP-over-USB (protocol 4) is never chosen. Without one, and only when allowListed (the device's
// VID:PID is on the USB allow-list), the first vendor-specific (0xFF) interface with a bulk OUT endpoint.
// The bulk IN endpoint is the first one of the same interface. NotFound when nothing fits.
Result<UsbPrinterInterface> choosePrinterInterface(const UsbConfiguration& configuration, bool allowListed);

} // namespace devices
} // namespace pos
