// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "devices/usb/Ieee1284Id.h"
#include "devices/usb/UsbDescriptors.h"

#include <QString>

#include <optional>

struct libusb_device;
struct libusb_device_handle;

// Reading facts about a libusb device: shared by UsbEnumerator and UsbTransport, internal to devices/.
// Functions taking a handle do synchronous control transfers (bounded by timeoutMs): call them from the
// "pos-usb" event thread (UsbContext::post, never from inside a transfer callback) or from the device-scan
// worker, never from a UI thread.
namespace pos {
namespace devices {

// The configuration libusb cached at enumeration (no I/O on Linux). Nothing when libusb has none.
std::optional<UsbConfiguration> cachedUsbConfiguration(libusb_device* device);
// The raw configuration descriptor (GET_DESCRIPTOR, index 0, full wTotalLength) parsed by
// parseUsbConfigurationDescriptor.
Result<UsbConfiguration> readUsbConfiguration(libusb_device_handle* handle, unsigned timeoutMs);
// The printer-class GET_DEVICE_ID reply of interface/alternate setting.
Result<Ieee1284Id> readIeee1284Id(libusb_device_handle* handle,
                                  quint8 interfaceNumber,
                                  quint8 alternateSetting,
                                  unsigned timeoutMs);
// String descriptor index (ASCII); empty when index is 0 or the read fails.
QString readUsbString(libusb_device_handle* handle, quint8 index);
// A sysfs attribute of the USB device at portPath ("1-1.4") or of one of its interfaces
// (portPath + ":1.0"), without opening the device; empty elsewhere than Linux or when absent.
QString usbSysfsAttribute(const QString& sysfsName, const char* attribute);

} // namespace devices
} // namespace pos
