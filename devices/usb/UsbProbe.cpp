// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/usb/UsbProbe.h"

#include "devices/usb/UsbContext.h"

#include <QCoreApplication>
#include <QFile>

#include <libusb.h>

namespace pos {
namespace devices {
namespace {

struct ProbeText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::UsbProbe)
};

Failure usbFailed(const char* what, int rc)
{
    return fail(ErrorCode::DeviceOffline, ProbeText::tr("The USB device does not answer."),
                QStringLiteral("%1: %2").arg(QLatin1String(what), usbErrorText(rc)));
}

} // namespace

std::optional<UsbConfiguration> cachedUsbConfiguration(libusb_device* device)
{
    libusb_config_descriptor* config = nullptr;
    if (libusb_get_active_config_descriptor(device, &config) != LIBUSB_SUCCESS &&
        libusb_get_config_descriptor(device, 0, &config) != LIBUSB_SUCCESS) {
        return std::nullopt;
    }
    UsbConfiguration result;
    result.value = config->bConfigurationValue;
    result.attributes = config->bmAttributes;
    result.maxPower = config->MaxPower;
    result.declaredInterfaceCount = config->bNumInterfaces;
    for (int i = 0; i < config->bNumInterfaces; ++i) {
        const libusb_interface& interface = config->interface[i];
        for (int a = 0; a < interface.num_altsetting; ++a) {
            const libusb_interface_descriptor& alt = interface.altsetting[a];
            UsbInterface parsed{alt.bInterfaceNumber,
                                alt.bAlternateSetting,
                                alt.bInterfaceClass,
                                alt.bInterfaceSubClass,
                                alt.bInterfaceProtocol,
                                alt.iInterface,
                                {}};
            for (int e = 0; e < alt.bNumEndpoints; ++e) {
                const libusb_endpoint_descriptor& endpoint = alt.endpoint[e];
                parsed.endpoints.append(UsbEndpoint{endpoint.bEndpointAddress, endpoint.bmAttributes,
                                                    endpoint.wMaxPacketSize, endpoint.bInterval});
            }
            result.interfaces.append(parsed);
        }
    }
    libusb_free_config_descriptor(config);
    return result;
}

Result<UsbConfiguration> readUsbConfiguration(libusb_device_handle* handle, unsigned timeoutMs)
{
    // bmRequestType 0x80: device-to-host, standard, device.
    constexpr uint8_t requestIn = 0x80;
    QByteArray header(9, '\0');
    int rc = libusb_control_transfer(handle, requestIn, LIBUSB_REQUEST_GET_DESCRIPTOR,
                                     static_cast<uint16_t>(LIBUSB_DT_CONFIG << 8), 0,
                                     reinterpret_cast<unsigned char*>(header.data()), 9, timeoutMs);
    if (rc < 0)
        return usbFailed("GET_DESCRIPTOR(configuration header)", rc);
    if (rc < 4)
        return parseUsbConfigurationDescriptor(header.first(rc));
    const int total = static_cast<quint8>(header.at(2)) | (static_cast<quint8>(header.at(3)) << 8);
    QByteArray blob(std::max(total, 9), '\0');
    rc = libusb_control_transfer(
        handle, requestIn, LIBUSB_REQUEST_GET_DESCRIPTOR, static_cast<uint16_t>(LIBUSB_DT_CONFIG << 8), 0,
        reinterpret_cast<unsigned char*>(blob.data()), static_cast<uint16_t>(blob.size()), timeoutMs);
    if (rc < 0)
        return usbFailed("GET_DESCRIPTOR(configuration)", rc);
    blob.truncate(rc);
    return parseUsbConfigurationDescriptor(blob);
}

Result<Ieee1284Id> readIeee1284Id(libusb_device_handle* handle,
                                  quint8 interfaceNumber,
                                  quint8 alternateSetting,
                                  unsigned timeoutMs)
{
    // bmRequestType 0xA1: device-to-host, class, interface (USB Printer Class 1.1 §4.2.1).
    constexpr uint8_t classInterfaceIn = 0xA1;
    constexpr uint8_t getDeviceId = 0;
    QByteArray reply(1024, '\0');
    const int rc = libusb_control_transfer(handle, classInterfaceIn, getDeviceId, 0,
                                           static_cast<uint16_t>((interfaceNumber << 8) | alternateSetting),
                                           reinterpret_cast<unsigned char*>(reply.data()),
                                           static_cast<uint16_t>(reply.size()), timeoutMs);
    if (rc < 0)
        return usbFailed("GET_DEVICE_ID", rc);
    reply.truncate(rc);
    return parseIeee1284Reply(reply);
}

QString readUsbString(libusb_device_handle* handle, quint8 index)
{
    if (index == 0)
        return {};
    unsigned char text[256];
    const int rc = libusb_get_string_descriptor_ascii(handle, index, text, sizeof text);
    if (rc <= 0)
        return {};
    return QString::fromLatin1(reinterpret_cast<const char*>(text), rc).trimmed();
}

QString usbSysfsAttribute(const QString& sysfsName, const char* attribute)
{
#ifdef Q_OS_LINUX
    if (sysfsName.isEmpty())
        return {};
    QFile file(QStringLiteral("/sys/bus/usb/devices/%1/%2").arg(sysfsName, QLatin1String(attribute)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.read(4096)).trimmed();
#else
    Q_UNUSED(sysfsName)
    Q_UNUSED(attribute)
    return {};
#endif
}

} // namespace devices
} // namespace pos
