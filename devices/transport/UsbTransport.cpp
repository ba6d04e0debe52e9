// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/transport/UsbTransport.h"

#include "devices/DevicesLog.h"
#include "devices/discovery/DeviceId.h"
#include "devices/usb/UsbAllowList.h"
#include "devices/usb/UsbContext.h"
#include "devices/usb/UsbProbe.h"

#include <QMetaObject>

#include <deque>
#include <mutex>
#include <utility>

#include <libusb.h>

namespace pos {
namespace devices {
namespace {

constexpr unsigned controlTimeoutMs = 1000;
constexpr int inBufferSize = 512;

} // namespace

// Everything below but owner runs on the "pos-usb" thread only. owner is cleared by ~UsbTransport (device
// thread) under ownerMutex; a queued call posted while it was set is dropped by Qt if the transport dies
// before it runs.
struct UsbTransport::Link
{
    std::mutex ownerMutex;
    UsbTransport* owner = nullptr;

    libusb_context* context = nullptr;
    UsbDeviceIdParts wanted;
    libusb_device_handle* handle = nullptr;
    UsbPrinterInterface interface;
    bool claimed = false;
    libusb_transfer* inTransfer = nullptr;
    bool inPending = false;
    QByteArray inBuffer;
    libusb_transfer* outTransfer = nullptr;
    bool outPending = false;
    QByteArray outBuffer;
    std::deque<QByteArray> writes;
    bool closing = false;
    bool dead = false;
    std::shared_ptr<Link> keepAlive; // set while a transfer may still call back

    template <typename Function>
    void toOwner(Function function)
    {
        const std::lock_guard lock(ownerMutex);
        if (owner != nullptr)
            QMetaObject::invokeMethod(
                owner, [o = owner, function] { function(o); }, Qt::QueuedConnection);
    }

    void openDevice();
    void failLink(const QString& reason);
    void submitIn();
    void pumpWrites();
    void beginClose();
    void finishCloseIfIdle();

    static void LIBUSB_CALL inDone(libusb_transfer* transfer);
    static void LIBUSB_CALL outDone(libusb_transfer* transfer);
};

void UsbTransport::Link::openDevice()
{
    libusb_device** list = nullptr;
    const ssize_t count = libusb_get_device_list(context, &list);
    if (count < 0) {
        failLink(QStringLiteral("libusb_get_device_list: %1").arg(usbErrorText(static_cast<int>(count))));
        return;
    }
    QString lastProblem = QStringLiteral("no such device");
    for (ssize_t i = 0; i < count && handle == nullptr; ++i) {
        libusb_device* device = list[i];
        libusb_device_descriptor descriptor{};
        if (libusb_get_device_descriptor(device, &descriptor) != LIBUSB_SUCCESS)
            continue;
        if (descriptor.idVendor != wanted.vendorId || descriptor.idProduct != wanted.productId)
            continue;
        if (!wanted.portPath.isEmpty() && usbPortPath(device) != wanted.portPath)
            continue;
        libusb_device_handle* opened = nullptr;
        if (const int rc = libusb_open(device, &opened); rc != LIBUSB_SUCCESS) {
            lastProblem = rc == LIBUSB_ERROR_ACCESS
                              ? QStringLiteral("%1 (install packaging/linux/70-merchant-pos.rules)")
                                    .arg(usbErrorText(rc))
                              : usbErrorText(rc);
            continue;
        }
        if (!wanted.serial.isEmpty() &&
            sanitizedUsbSerial(readUsbString(opened, descriptor.iSerialNumber)) != wanted.serial) {
            libusb_close(opened);
            lastProblem = QStringLiteral("no device with that serial number");
            continue;
        }
        handle = opened;
    }
    libusb_free_device_list(list, 1);
    if (handle == nullptr) {
        failLink(lastProblem);
        return;
    }
    if (const int rc = libusb_set_auto_detach_kernel_driver(handle, 1);
        rc != LIBUSB_SUCCESS && rc != LIBUSB_ERROR_NOT_SUPPORTED) {
        qCWarning(lcUsb).noquote() << "auto-detach:" << usbErrorText(rc);
    }
    const Result<UsbConfiguration> configuration = readUsbConfiguration(handle, controlTimeoutMs);
    if (!configuration) {
        failLink(configuration.error().detail);
        return;
    }
    const bool allowListed = UsbAllowList::builtIn().contains(wanted.vendorId, wanted.productId);
    const Result<UsbPrinterInterface> chosen = choosePrinterInterface(configuration.value(), allowListed);
    if (!chosen) {
        failLink(chosen.error().detail);
        return;
    }
    interface = chosen.value();
    if (const int rc = libusb_claim_interface(handle, interface.interfaceNumber); rc != LIBUSB_SUCCESS) {
        failLink(
            QStringLiteral("claim interface %1: %2").arg(interface.interfaceNumber).arg(usbErrorText(rc)));
        return;
    }
    claimed = true;
    if (interface.alternateSetting != 0) {
        if (const int rc = libusb_set_interface_alt_setting(handle, interface.interfaceNumber,
                                                            interface.alternateSetting);
            rc != LIBUSB_SUCCESS) {
            failLink(QStringLiteral("alternate setting %1: %2")
                         .arg(interface.alternateSetting)
                         .arg(usbErrorText(rc)));
            return;
        }
    }
    QString ieee1284;
    if (interface.interfaceClass == usbClassPrinter) {
        const Result<Ieee1284Id> id =
            readIeee1284Id(handle, interface.interfaceNumber, interface.alternateSetting, controlTimeoutMs);
        if (id)
            ieee1284 = id.value().toString();
        else
            qCInfo(lcUsb).noquote() << "no IEEE 1284 id:" << id.error().detail;
    }
    inTransfer = libusb_alloc_transfer(0);
    outTransfer = libusb_alloc_transfer(0);
    if (inTransfer == nullptr || outTransfer == nullptr) {
        failLink(QStringLiteral("libusb_alloc_transfer failed"));
        return;
    }
    if (interface.bulkIn)
        submitIn();
    if (dead)
        return;
    const UsbPrinterInterface opened = interface;
    toOwner([opened, ieee1284](UsbTransport* transport) { transport->onOpened(opened, ieee1284); });
}

void UsbTransport::Link::failLink(const QString& reason)
{
    if (dead)
        return;
    dead = true;
    toOwner([reason](UsbTransport* transport) { transport->onLost(reason); });
    beginClose();
}

void UsbTransport::Link::submitIn()
{
    inBuffer.resize(inBufferSize);
    libusb_fill_bulk_transfer(inTransfer, handle, *interface.bulkIn,
                              reinterpret_cast<unsigned char*>(inBuffer.data()), inBufferSize, &Link::inDone,
                              this, 0);
    if (const int rc = libusb_submit_transfer(inTransfer); rc != LIBUSB_SUCCESS) {
        failLink(QStringLiteral("bulk IN submit: %1").arg(usbErrorText(rc)));
        return;
    }
    inPending = true;
}

void UsbTransport::Link::pumpWrites()
{
    if (outPending || closing || dead || writes.empty())
        return;
    outBuffer = std::move(writes.front());
    writes.pop_front();
    libusb_fill_bulk_transfer(outTransfer, handle, interface.bulkOut,
                              reinterpret_cast<unsigned char*>(outBuffer.data()),
                              static_cast<int>(outBuffer.size()), &Link::outDone, this, 0);
    if (const int rc = libusb_submit_transfer(outTransfer); rc != LIBUSB_SUCCESS) {
        failLink(QStringLiteral("bulk OUT submit: %1").arg(usbErrorText(rc)));
        return;
    }
    outPending = true;
}

void UsbTransport::Link::beginClose()
{
    if (closing)
        return;
    closing = true;
    writes.clear();
    if (inPending)
        libusb_cancel_transfer(inTransfer);
    if (outPending)
        libusb_cancel_transfer(outTransfer);
    finishCloseIfIdle();
}

void UsbTransport::Link::finishCloseIfIdle()
{
    if (!closing || inPending || outPending)
        return;
    if (handle != nullptr) {
        if (claimed)
            libusb_release_interface(handle, interface.interfaceNumber); // usblp is re-attached here
        libusb_close(handle);
        handle = nullptr;
        claimed = false;
    }
    if (inTransfer != nullptr)
        libusb_free_transfer(std::exchange(inTransfer, nullptr));
    if (outTransfer != nullptr)
        libusb_free_transfer(std::exchange(outTransfer, nullptr));
    keepAlive.reset(); // may destroy this Link: nothing may follow
}

void LIBUSB_CALL UsbTransport::Link::inDone(libusb_transfer* transfer)
{
    auto* link = static_cast<Link*>(transfer->user_data);
    link->inPending = false;
    if (link->closing) {
        link->finishCloseIfIdle();
        return;
    }
    switch (transfer->status) {
    case LIBUSB_TRANSFER_COMPLETED:
        if (transfer->actual_length > 0) {
            QByteArray bytes(link->inBuffer.constData(), transfer->actual_length);
            link->toOwner([bytes](UsbTransport* transport) {
                if (transport->m_usable)
                    Q_EMIT transport->bytesArrived(bytes);
            });
        }
        link->submitIn();
        return;
    case LIBUSB_TRANSFER_TIMED_OUT: link->submitIn(); return;
    case LIBUSB_TRANSFER_NO_DEVICE: link->failLink(QStringLiteral("USB device unplugged")); return;
    default:
        link->failLink(QStringLiteral("bulk IN transfer status %1").arg(static_cast<int>(transfer->status)));
        return;
    }
}

void LIBUSB_CALL UsbTransport::Link::outDone(libusb_transfer* transfer)
{
    auto* link = static_cast<Link*>(transfer->user_data);
    link->outPending = false;
    link->outBuffer.clear();
    if (link->closing) {
        link->finishCloseIfIdle();
        return;
    }
    switch (transfer->status) {
    case LIBUSB_TRANSFER_COMPLETED: link->pumpWrites(); return;
    case LIBUSB_TRANSFER_NO_DEVICE: link->failLink(QStringLiteral("USB device unplugged")); return;
    default:
        link->failLink(QStringLiteral("bulk OUT transfer status %1").arg(static_cast<int>(transfer->status)));
        return;
    }
}

UsbTransport::UsbTransport(QString deviceId, std::shared_ptr<UsbContext> context, QObject* parent)
    : ByteTransport(std::move(deviceId), parent)
    , m_context(std::move(context))
    , m_link(std::make_shared<Link>())
{
    m_link->owner = this;
    m_link->context = m_context->context();
}

UsbTransport::~UsbTransport()
{
    {
        const std::lock_guard lock(m_link->ownerMutex);
        m_link->owner = nullptr;
    }
    m_context->post([link = m_link] { link->beginClose(); });
}

Result<std::unique_ptr<ByteTransport>> UsbTransport::open(const QString& deviceId, QObject* parent)
{
    Result<UsbDeviceIdParts> parts = parseUsbDeviceId(deviceId);
    if (!parts)
        return Failure{parts.error()};
    Result<std::shared_ptr<UsbContext>> context = UsbContext::shared();
    if (!context)
        return Failure{context.error()};
    std::unique_ptr<UsbTransport> transport(new UsbTransport(deviceId, context.value(), parent));
    transport->m_link->wanted = parts.value();
    transport->start();
    return std::unique_ptr<ByteTransport>(std::move(transport));
}

void UsbTransport::start()
{
    m_link->keepAlive = m_link;
    m_context->post([link = m_link] { link->openDevice(); });
}

bool UsbTransport::write(const QByteArray& bytes)
{
    if (!m_usable)
        return false;
    if (bytes.isEmpty())
        return true;
    m_context->post([link = m_link, bytes] {
        link->writes.push_back(bytes);
        link->pumpWrites();
    });
    return true;
}

void UsbTransport::close()
{
    m_usable = false;
    m_finished = true;
    m_context->post([link = m_link] { link->beginClose(); });
}

void UsbTransport::onOpened(const UsbPrinterInterface& interface, const QString& ieee1284Id)
{
    if (m_finished)
        return;
    m_interface = interface;
    m_ieee1284Id = ieee1284Id;
    m_usable = true;
    qCInfo(lcUsb).noquote() << "USB printer" << deviceId() << "interface" << interface.interfaceNumber
                            << (ieee1284Id.isEmpty() ? QString() : ieee1284Id);
    Q_EMIT ready();
}

void UsbTransport::onLost(const QString& reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_usable = false;
    qCInfo(lcUsb).noquote() << "USB device" << deviceId() << "lost:" << reason;
    Q_EMIT lost(reason);
}

} // namespace devices
} // namespace pos
