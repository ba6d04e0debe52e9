// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/DeviceHub.h"

#include "devices/DevicesLog.h"
#include "devices/escpos/ReceiptPrinter.h"
#include "devices/escpos/ReceiptRenderer.h"
#include "devices/escpos/SampleReceipt.h"
#include "devices/pinpad/PinPadDriver.h"
#include "devices/scanner/SerialScanner.h"
#include "devices/transport/ByteTransport.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>

namespace pos {
namespace devices {
namespace {

class HubText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::DeviceHub)
};

Failure notConnected(DeviceRole role)
{
    switch (role) {
    case DeviceRole::ReceiptPrinter:
        return fail(ErrorCode::DeviceOffline, HubText::tr("The receipt printer is not connected."),
                    QStringLiteral("no printer in use"));
    case DeviceRole::PinPad:
        return fail(ErrorCode::DeviceOffline, HubText::tr("The PIN pad is not connected."),
                    QStringLiteral("no PIN pad in use"));
    case DeviceRole::Scanner: break;
    }
    return fail(ErrorCode::DeviceOffline, HubText::tr("The scanner is not connected."),
                QStringLiteral("no scanner in use"));
}

} // namespace

// Lives on the device thread: every member function runs there.
class DeviceHub::Worker final : public QObject
{
public:
    using Finish = std::function<void(Result<PrintReport>)>;
    using SelfTestFinish = std::function<void(Result<QString>)>;

    Worker(DeviceHub& hub, TerminalStatus& status, Config config)
        : m_hub(hub)
        , m_status(status)
        , m_config(config)
    {}

    void setDevice(DeviceRole role, const QString& deviceId)
    {
        Slot& slot = slotFor(role);
        teardown(role, slot);
        slot.id = deviceId;
        if (deviceId.isEmpty()) {
            publish(role, DeviceState::NotConfigured, {});
            return;
        }
        open(role);
    }

    void reconnectNow(const QString& deviceId)
    {
        for (auto& [role, slot] : m_slots) {
            if (slot->id == deviceId && !slot->transport)
                open(role);
        }
    }

    void print(qint64 jobId, const QByteArray& bytes, Finish finish)
    {
        Slot& slot = slotFor(DeviceRole::ReceiptPrinter);
        if (!slot.printer || !slot.printer->isConnected()) {
            finish(notConnected(DeviceRole::ReceiptPrinter));
            return;
        }
        slot.printer->print(jobId, bytes, this, std::move(finish));
    }

    void withPinPad(const std::function<void(PinPad*, QObject*, const Error*)>& op)
    {
        Slot& slot = slotFor(DeviceRole::PinPad);
        if (!slot.pad || !slot.transport || !slot.transport->isUsable()) {
            const Result<void> offline = notConnected(DeviceRole::PinPad);
            op(nullptr, this, &offline.error());
            return;
        }
        op(slot.pad.get(), this, nullptr);
    }

    void selfTest(DeviceRole role, const QByteArray& testPage, SelfTestFinish finish)
    {
        Slot& slot = slotFor(role);
        if (!slot.transport || !slot.transport->isUsable()) {
            finish(notConnected(role));
            return;
        }
        if (role == DeviceRole::ReceiptPrinter && slot.printer) {
            slot.printer->print(0, testPage, this, [finish](Result<PrintReport> report) {
                if (!report) {
                    finish(Failure{report.error()});
                    return;
                }
                const QString warning = ReceiptPrinter::paperWarning(report.value().statusAfter);
                finish(warning.isEmpty() ? HubText::tr("Test page printed.")
                                         : HubText::tr("Test page printed. %1").arg(warning));
            });
            return;
        }
        if (role == DeviceRole::PinPad && slot.pad) {
            PinPadDriver* pad = slot.pad.get();
            pad->deviceInfo(this, [this, role, finish](Result<PinPadInfo> info) {
                if (!info) {
                    finish(Failure{info.error()});
                    return;
                }
                Slot& current = slotFor(role);
                if (current.pad)
                    current.pad->beep(1, 200, this, [](Result<void>) {});
                finish(HubText::tr("%1, serial number %2, answered.")
                           .arg(info.value().model, info.value().serialNumber));
            });
            return;
        }
        finish(HubText::tr("Connected. Scan any barcode: it goes to the sale."));
    }

    void shutdown()
    {
        for (auto& [role, slot] : m_slots)
            teardown(role, *slot);
        m_slots.clear();
    }

private:
    struct Slot
    {
        QString id;
        std::unique_ptr<ByteTransport> transport;
        std::unique_ptr<ReceiptPrinter> printer;
        std::unique_ptr<PinPadDriver> pad;
        std::unique_ptr<SerialScanner> scanner;
        QTimer retry;
    };

    Slot& slotFor(DeviceRole role)
    {
        std::unique_ptr<Slot>& slot = m_slots[role];
        if (!slot) {
            slot = std::make_unique<Slot>();
            slot->retry.setSingleShot(true);
            connect(&slot->retry, &QTimer::timeout, this, [this, role] { open(role); });
        }
        return *slot;
    }

    void open(DeviceRole role)
    {
        Slot& slot = slotFor(role);
        teardown(role, slot, false);
        if (slot.id.isEmpty())
            return;
        Result<std::unique_ptr<ByteTransport>> transport = ByteTransport::open(slot.id);
        if (!transport) {
            qCInfo(lcDevices).noquote()
                << "device" << slot.id << "cannot be opened:" << transport.error().detail;
            publish(role, DeviceState::Disconnected, transport.error().userMessage);
            slot.retry.start(m_config.reconnectIntervalMs);
            return;
        }
        slot.transport = std::move(transport).value();
        ByteTransport* opened = slot.transport.get();
        publish(role, DeviceState::Connecting, {});
        connect(opened, &ByteTransport::lost, this, [this, role, opened](const QString& reason) {
            Slot& current = slotFor(role);
            if (current.transport.get() != opened)
                return;
            qCInfo(lcDevices).noquote() << "device" << current.id << "lost:" << reason;
            if (role == DeviceRole::ReceiptPrinter)
                announcePrinter(false);
            publish(role, DeviceState::Disconnected, HubText::tr("Disconnected. Trying again."));
            current.retry.start(m_config.reconnectIntervalMs);
        });
        if (role == DeviceRole::ReceiptPrinter) {
            ReceiptPrinter::Config config;
            config.statusTimeoutMs = m_config.printerStatusTimeoutMs;
            slot.printer = std::make_unique<ReceiptPrinter>(*opened, config);
            connect(slot.printer.get(), &ReceiptPrinter::statusChanged, this,
                    [this](const PrinterStatus& status) { publishPrinter(status); });
            slot.printer->queryStatus(this, [this, opened](Result<PrinterStatus> status) {
                if (slotFor(DeviceRole::ReceiptPrinter).transport.get() != opened)
                    return;
                if (!status) {
                    publish(DeviceRole::ReceiptPrinter, DeviceState::Fault, status.error().userMessage);
                    return;
                }
                publishPrinter(status.value());
                announcePrinter(true);
            });
        } else if (role == DeviceRole::PinPad) {
            slot.pad = std::make_unique<PinPadDriver>(*opened, PinPadDriver::Config{});
            slot.pad->deviceInfo(this, [this, opened](Result<PinPadInfo> info) {
                if (slotFor(DeviceRole::PinPad).transport.get() != opened)
                    return;
                if (!info)
                    publish(DeviceRole::PinPad, DeviceState::Fault, info.error().userMessage);
                else if (info.value().tampered)
                    publish(DeviceRole::PinPad, DeviceState::Fault,
                            HubText::tr("The PIN pad reports tampering. Do not use it; call the acquirer."));
                else
                    publish(DeviceRole::PinPad, DeviceState::Ready, {});
            });
        } else {
            slot.scanner = std::make_unique<SerialScanner>(*opened);
            DeviceHub* hub = &m_hub;
            connect(slot.scanner.get(), &SerialScanner::scanned, this, [hub](const QString& code) {
                QMetaObject::invokeMethod(
                    hub, [hub, code] { Q_EMIT hub->scanned(code); }, Qt::QueuedConnection);
            });
            connect(opened, &ByteTransport::ready, this,
                    [this, role] { publish(role, DeviceState::Ready, {}); });
            if (opened->isUsable())
                publish(role, DeviceState::Ready, {});
        }
    }

    // Destroys the drivers before their transport. Not called from inside a transport's own signal.
    void teardown(DeviceRole role, Slot& slot, bool stopRetry = true)
    {
        if (stopRetry)
            slot.retry.stop();
        if (role == DeviceRole::ReceiptPrinter && slot.printer)
            announcePrinter(false);
        slot.printer.reset();
        slot.pad.reset();
        slot.scanner.reset();
        slot.transport.reset();
    }

    void publishPrinter(const PrinterStatus& status)
    {
        const QString problem = ReceiptPrinter::problem(status);
        if (!problem.isEmpty())
            publish(DeviceRole::ReceiptPrinter, DeviceState::Fault, problem);
        else
            publish(DeviceRole::ReceiptPrinter, DeviceState::Ready, ReceiptPrinter::paperWarning(status));
    }

    void publish(DeviceRole role, DeviceState state, const QString& error)
    {
        DeviceStatus device;
        device.state = state;
        device.deviceId = slotFor(role).id;
        device.lastError = error;
        TerminalStatus* status = &m_status;
        QMetaObject::invokeMethod(
            status, [status, role, device] { status->setDevice(role, device); }, Qt::QueuedConnection);
    }

    void announcePrinter(bool available)
    {
        DeviceHub* hub = &m_hub;
        QMetaObject::invokeMethod(
            hub, [hub, available] { Q_EMIT hub->printerAvailable(available); }, Qt::QueuedConnection);
    }

    DeviceHub& m_hub;
    TerminalStatus& m_status;
    Config m_config;
    std::map<DeviceRole, std::unique_ptr<Slot>> m_slots;
};

DeviceHub::DeviceHub(TerminalStatus& status, Config config, QObject* parent)
    : QObject(parent)
    , m_worker(new Worker(*this, status, config))
    , m_profile(
          PrinterProfiles::find(QStringLiteral("generic-80mm")).value_or(PrinterProfiles::all().first()))
    , m_pinPad(new HubPinPad(*this))
{
    m_thread.setObjectName(QStringLiteral("pos-devices"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

DeviceHub::~DeviceHub()
{
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DeviceHub::setDevice(DeviceRole role, const QString& deviceId)
{
    m_ids.insert(role, deviceId);
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, role, deviceId] { worker->setDevice(role, deviceId); });
}

void DeviceHub::reconnectNow(const QString& deviceId)
{
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, deviceId] { worker->reconnectNow(deviceId); });
}

void DeviceHub::print(qint64 jobId, QByteArray escpos, QObject* context, Completion<PrintReport> done)
{
    Q_ASSERT(context);
    // The result comes back to this object's thread first, where the context's guard can be checked safely.
    QPointer<QObject> guard(context);
    auto deliver = [this, guard, done = std::move(done)](Result<PrintReport> report) {
        QMetaObject::invokeMethod(
            this,
            [guard, done, report = std::move(report)]() mutable {
                if (guard)
                    done(std::move(report));
            },
            Qt::QueuedConnection);
    };
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(worker,
                              [worker, jobId, escpos = std::move(escpos), deliver = std::move(deliver)] {
                                  worker->print(jobId, escpos, deliver);
                              });
}

void DeviceHub::withPinPad(std::function<void(PinPad*, QObject*, const Error*)> op)
{
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, op = std::move(op)] { worker->withPinPad(op); });
}

void DeviceHub::setPrinterProfile(const PrinterProfile& profile)
{
    m_profile = profile;
}

void DeviceHub::selfTest(DeviceRole role, std::function<void(Result<QString>)> done)
{
    QByteArray printerTestPage;
    if (role == DeviceRole::ReceiptPrinter) {
        const Result<RenderedReceipt> page = ReceiptRenderer(m_profile).render(sampleReceipt());
        if (!page) {
            QMetaObject::invokeMethod(
                this, [done, error = page.error()] { done(Failure{error}); }, Qt::QueuedConnection);
            return;
        }
        printerTestPage = page.value().bytes;
    }
    auto deliver = [this, done = std::move(done)](Result<QString> summary) {
        QMetaObject::invokeMethod(
            this, [done, summary = std::move(summary)]() mutable { done(std::move(summary)); },
            Qt::QueuedConnection);
    };
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, role, printerTestPage, deliver = std::move(deliver)] {
        worker->selfTest(role, printerTestPage, deliver);
    });
}

} // namespace devices
} // namespace pos
