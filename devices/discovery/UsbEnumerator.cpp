// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/DevicesLog.h"
#include "devices/discovery/DeviceEnumerator.h"
#include "devices/discovery/DeviceId.h"
#include "devices/usb/UsbAllowList.h"
#include "devices/usb/UsbContext.h"
#include "devices/usb/UsbProbe.h"

#include <QDir>

#include <mutex>

#include <libusb.h>

namespace pos {
namespace devices {
namespace {

constexpr unsigned probeTimeoutMs = 500;
constexpr uint8_t hubClass = 0x09;

} // namespace

// Target of the libusb hot-plug callback (runs on the "pos-usb" thread). owner is cleared by ~UsbEnumerator.
struct UsbEnumerator::HotplugSink
{
    std::mutex mutex;
    UsbEnumerator* owner = nullptr;

    static int LIBUSB_CALL arrivedOrLeft(libusb_context*,
                                         libusb_device*,
                                         libusb_hotplug_event,
                                         void* userData)
    {
        auto* sink = static_cast<HotplugSink*>(userData);
        const std::lock_guard lock(sink->mutex);
        if (sink->owner != nullptr)
            Q_EMIT sink->owner->changed(); // receivers connect queued
        return 0;                          // stay registered
    }
};

UsbEnumerator::UsbEnumerator(QObject* parent) : DeviceEnumerator(parent)
{
    Result<std::shared_ptr<UsbContext>> context = UsbContext::shared();
    if (!context) {
        qCInfo(lcUsb).noquote() << "USB discovery off:" << context.error().detail;
        return;
    }
    m_context = context.value();
    if (!m_context->hasHotplug())
        return;
    m_sink = new HotplugSink;
    m_sink->owner = this;
    libusb_hotplug_callback_handle handle = 0;
    const int rc = libusb_hotplug_register_callback(
        m_context->context(),
        static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                          LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
        static_cast<libusb_hotplug_flag>(0), LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
        LIBUSB_HOTPLUG_MATCH_ANY, &HotplugSink::arrivedOrLeft, m_sink, &handle);
    if (rc != LIBUSB_SUCCESS) {
        qCInfo(lcUsb).noquote() << "USB hot-plug unavailable, polling:" << usbErrorText(rc);
        delete std::exchange(m_sink, nullptr);
        return;
    }
    m_hotplugHandle = handle;
}

UsbEnumerator::~UsbEnumerator()
{
    if (m_sink == nullptr)
        return;
    {
        const std::lock_guard lock(m_sink->mutex);
        m_sink->owner = nullptr;
    }
    // Callbacks run on the event thread, so deregistering there cannot race one in progress.
    m_context->post([context = m_context->context(), handle = m_hotplugHandle, sink = m_sink] {
        libusb_hotplug_deregister_callback(context, handle);
        delete sink;
    });
}

UsbEnumerator::Probed UsbEnumerator::probe(libusb_device* device,
                                           const QString& portPath,
                                           bool printerClass,
                                           quint8 interfaceNumber)
{
    Probed probed;
    probed.serial = usbSysfsAttribute(portPath, "serial");
    probed.manufacturer = usbSysfsAttribute(portPath, "manufacturer");
    probed.product = usbSysfsAttribute(portPath, "product");
    const bool sysfs = QDir(QStringLiteral("/sys/bus/usb/devices/") + portPath).exists();
    if (printerClass) {
        // usblp publishes the id it read at probe time on the interface ("1-1.4:1.0/ieee1284_id").
        const QDir sysfsDevice(QStringLiteral("/sys/bus/usb/devices/") + portPath);
        const QString interfaceGlob = portPath + QStringLiteral(":*.%1").arg(interfaceNumber);
        for (const QString& name : sysfsDevice.entryList({interfaceGlob}, QDir::Dirs)) {
            if (const QString id = usbSysfsAttribute(name, "ieee1284_id"); !id.isEmpty())
                probed.ieee1284Id = parseIeee1284Id(id).toString();
        }
    }
    const bool needOpen = !sysfs || (printerClass && probed.ieee1284Id.isEmpty());
    if (!needOpen)
        return probed;
    libusb_device_handle* handle = nullptr;
    if (libusb_open(device, &handle) != LIBUSB_SUCCESS)
        return probed; // no access (udev rule missing) or busy: list what the descriptors say
    libusb_device_descriptor descriptor{};
    if (!sysfs && libusb_get_device_descriptor(device, &descriptor) == LIBUSB_SUCCESS) {
        probed.serial = readUsbString(handle, descriptor.iSerialNumber);
        probed.manufacturer = readUsbString(handle, descriptor.iManufacturer);
        probed.product = readUsbString(handle, descriptor.iProduct);
    }
    if (printerClass && probed.ieee1284Id.isEmpty()) {
        if (const Result<Ieee1284Id> id = readIeee1284Id(handle, interfaceNumber, 0, probeTimeoutMs))
            probed.ieee1284Id = id.value().toString();
    }
    libusb_close(handle);
    return probed;
}

QList<DeviceCandidate> UsbEnumerator::snapshot()
{
    QList<DeviceCandidate> candidates;
    if (!m_context)
        return candidates;
    libusb_device** list = nullptr;
    const ssize_t count = libusb_get_device_list(m_context->context(), &list);
    if (count < 0) {
        qCWarning(lcUsb).noquote() << "libusb_get_device_list:" << usbErrorText(static_cast<int>(count));
        return candidates;
    }
    QHash<QString, Probed> stillPresent;
    const UsbAllowList& allowList = UsbAllowList::builtIn();
    for (ssize_t i = 0; i < count; ++i) {
        libusb_device* device = list[i];
        libusb_device_descriptor descriptor{};
        if (libusb_get_device_descriptor(device, &descriptor) != LIBUSB_SUCCESS ||
            descriptor.bDeviceClass == hubClass)
            continue;
        const QString portPath = usbPortPath(device);
        if (portPath.isEmpty())
            continue;
        const std::optional<UsbAllowListEntry> listed =
            allowList.find(descriptor.idVendor, descriptor.idProduct);
        const std::optional<UsbConfiguration> configuration = cachedUsbConfiguration(device);
        std::optional<UsbPrinterInterface> printer;
        if (configuration) {
            if (Result<UsbPrinterInterface> chosen =
                    choosePrinterInterface(*configuration, listed.has_value()))
                printer = chosen.value();
        }
        if (!printer && !listed)
            continue;
        DeviceCandidate candidate;
        candidate.transportKind = TransportKind::Usb;
        candidate.vendorId = descriptor.idVendor;
        candidate.productId = descriptor.idProduct;
        candidate.portPath = portPath;
        candidate.allowListed = listed.has_value();
        if (printer) {
            candidate.printerInterfaceClass = printer->interfaceClass;
            candidate.hasBulkIn = printer->bulkIn.has_value();
        }
        const QString cacheKey =
            QStringLiteral("%1 %2:%3").arg(portPath).arg(descriptor.idVendor).arg(descriptor.idProduct);
        Probed probed =
            m_probed.contains(cacheKey)
                ? m_probed.value(cacheKey)
                : this->probe(device, portPath, printer && printer->interfaceClass == usbClassPrinter,
                              printer ? printer->interfaceNumber : 0);
        stillPresent.insert(cacheKey, probed);
        candidate.serialNumber = probed.serial;
        candidate.ieee1284Id = probed.ieee1284Id;
        QStringList description;
        for (const QString& part : {probed.manufacturer, probed.product}) {
            if (!part.isEmpty() && !description.contains(part))
                description << part;
        }
        if (description.isEmpty() && listed)
            description << listed->vendor << listed->model;
        if (description.isEmpty()) {
            description << QStringLiteral("USB device %1:%2")
                               .arg(descriptor.idVendor, 4, 16, QLatin1Char('0'))
                               .arg(descriptor.idProduct, 4, 16, QLatin1Char('0'));
        }
        candidate.description = description.join(u' ');
        candidates.append(candidate);
    }
    libusb_free_device_list(list, 1);
    m_probed = stillPresent;
    assignUsbDeviceIds(candidates);
    return candidates;
}

} // namespace devices
} // namespace pos
