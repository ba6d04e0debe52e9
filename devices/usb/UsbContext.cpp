// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/usb/UsbContext.h"

#include "devices/DevicesLog.h"

#include <QCoreApplication>

#include <libusb.h>
#include <pthread.h>

namespace pos {
namespace devices {
namespace {

struct UsbText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::UsbContext)
};

std::mutex sharedMutex;
std::weak_ptr<UsbContext> sharedContext;

} // namespace

Result<std::shared_ptr<UsbContext>> UsbContext::shared()
{
    const std::lock_guard lock(sharedMutex);
    if (std::shared_ptr<UsbContext> existing = sharedContext.lock())
        return existing;
    libusb_context* context = nullptr;
    if (const int rc = libusb_init(&context); rc != LIBUSB_SUCCESS) {
        return fail(ErrorCode::DeviceOffline, UsbText::tr("USB devices cannot be used on this computer."),
                    QStringLiteral("libusb_init: %1").arg(usbErrorText(rc)));
    }
    std::shared_ptr<UsbContext> created(new UsbContext(context));
    sharedContext = created;
    return created;
}

UsbContext::UsbContext(libusb_context* context) : m_context(context)
{
    m_thread = std::thread([this] { run(); });
}

UsbContext::~UsbContext()
{
    m_stopping = true;
    libusb_interrupt_event_handler(m_context);
    if (m_thread.joinable())
        m_thread.join();
    libusb_exit(m_context);
}

bool UsbContext::hasHotplug() const
{
    return libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) != 0;
}

void UsbContext::post(std::function<void()> task)
{
    {
        const std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    libusb_interrupt_event_handler(m_context);
}

void UsbContext::run()
{
    pthread_setname_np(pthread_self(), "pos-usb");
    const auto runTasks = [this] {
        for (;;) {
            std::function<void()> task;
            {
                const std::lock_guard lock(m_mutex);
                if (m_tasks.empty())
                    return;
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
            }
            task();
        }
    };
    while (!m_stopping) {
        runTasks();
        timeval timeout{0, 100'000};
        const int rc = libusb_handle_events_timeout_completed(m_context, &timeout, nullptr);
        if (rc != LIBUSB_SUCCESS && rc != LIBUSB_ERROR_INTERRUPTED)
            qCWarning(lcUsb).noquote() << "libusb event handling:" << usbErrorText(rc);
    }
    runTasks();
    // Let cancellations posted by the last tasks complete so no transfer outlives the context.
    timeval drain{0, 50'000};
    libusb_handle_events_timeout_completed(m_context, &drain, nullptr);
}

QString usbPortPath(libusb_device* device)
{
    uint8_t ports[8];
    const int count = libusb_get_port_numbers(device, ports, sizeof ports);
    if (count <= 0)
        return {};
    QString path = QString::number(libusb_get_bus_number(device)) + QLatin1Char('-');
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            path += QLatin1Char('.');
        path += QString::number(ports[i]);
    }
    return path;
}

QString usbErrorText(int libusbError)
{
    return QStringLiteral("%1: %2").arg(QString::fromLatin1(libusb_error_name(libusbError)),
                                        QString::fromLatin1(libusb_strerror(libusbError)));
}

} // namespace devices
} // namespace pos
