// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

struct libusb_context;
struct libusb_device;

namespace pos {
namespace devices {

// The process's libusb context and its event thread ("pos-usb").
//
// Threading model (the choice ByteTransport's contract asks for): libusb events are handled by one dedicated
// thread that loops on libusb_handle_events_timeout_completed() (100 ms). Everything that touches a libusb
// device handle (open, claim, asynchronous transfers, their callbacks, hot-plug callbacks) runs on that
// thread; results travel to Qt objects as queued invocations. post() hands a task to the thread and wakes it
// with libusb_interrupt_event_handler(). Device threads therefore never block on USB, and no libusb file
// descriptor is watched by a Qt event loop.
//
// Lifetime: shared(); the last owner's release stops and joins the thread after running the tasks already
// posted, then calls libusb_exit. Never let the last reference die on the event thread itself (tasks must
// not capture the shared_ptr).
class UsbContext final
{
public:
    // DeviceOffline when libusb cannot be initialised (e.g. no usbfs in a container).
    static Result<std::shared_ptr<UsbContext>> shared();

    ~UsbContext();
    UsbContext(const UsbContext&) = delete;
    UsbContext& operator=(const UsbContext&) = delete;

    libusb_context* context() const { return m_context; }
    bool hasHotplug() const;
    // Runs task on the event thread, in posting order. Safe from any thread.
    void post(std::function<void()> task);
    bool onEventThread() const { return std::this_thread::get_id() == m_thread.get_id(); }

private:
    explicit UsbContext(libusb_context* context);
    void run();

    libusb_context* m_context;
    std::mutex m_mutex;
    std::deque<std::function<void()>> m_tasks;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

// "BUS-PORT.PORT" of a device (the Linux sysfs name), empty for a root hub.
QString usbPortPath(libusb_device* device);
// Human-readable libusb error for logs ("LIBUSB_ERROR_ACCESS: Access denied ...").
QString usbErrorText(int libusbError);

} // namespace devices
} // namespace pos
