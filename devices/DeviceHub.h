// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/TerminalStatus.h"
#include "devices/HubPinPad.h"
#include "devices/escpos/JobPrinter.h"
#include "devices/escpos/PrinterProfiles.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <functional>

namespace pos {
namespace devices {

// The devices the shop uses, one per role, on the device I/O thread.
//
// setDevice(role, id) (ids of ByteTransport: serial:…, tcp:…, usb:…) opens the transport and its driver on
// the device thread and keeps them connected: a lost or refused connection is tried again every
// reconnectIntervalMs, at once when reconnectNow(id) says the device came back (hot-plug). Every change
// reaches TerminalStatus (device id, Ready/Connecting/Disconnected/Fault and the translated last error), so
// the status bar and the Devices page follow. The printer is Fault while it cannot print (paper out, cover
// open), with the reason. A serial scanner's codes arrive as scanned().
//
// The drivers never leave the device thread: print() (JobPrinter) forwards a job to the printer in use and
// fails with DeviceOffline when there is none; printerAvailable tells the print service when to send jobs.
// Thread affinity: create, call and destroy on the GUI thread; completions come back queued to their context.
// The destructor destroys every driver and transport on the device thread, then stops it.
class DeviceHub final : public QObject, public JobPrinter
{
    Q_OBJECT

public:
    struct Config
    {
        int reconnectIntervalMs = 5000;
        int printerStatusTimeoutMs = 3000;
    };

    DeviceHub(TerminalStatus& status, Config config, QObject* parent = nullptr);
    ~DeviceHub() override;

    // The device for role (empty: none). Replaces the previous one.
    void setDevice(DeviceRole role, const QString& deviceId);
    QString device(DeviceRole role) const { return m_ids.value(role); }
    // A device with this id was plugged in again: reconnect without waiting.
    void reconnectNow(const QString& deviceId);

    // The printer's capabilities, for the self-test page (default generic-80mm).
    void setPrinterProfile(const PrinterProfile& profile);
    // Self-test of the role's device: the printer prints the sample receipt (Chinese and English text, QR,
    // barcode, logo; its status checked before and after); the PIN pad names itself and beeps. done gets a
    // one-line summary for people, or why not.
    void selfTest(DeviceRole role, std::function<void(Result<QString>)> done);

    void print(qint64 jobId, QByteArray escpos, QObject* context, Completion<PrintReport> done) override;

    // The PIN pad in use, callable from the GUI thread (forwarded to the device thread; DeviceOffline without
    // a connected pad). Owned by the hub. Also the card engine's KeyOperations.
    HubPinPad& pinPad() { return *m_pinPad; }

Q_SIGNALS:
    // The printer in use is connected (or not): jobs sent now reach it.
    void printerAvailable(bool available);
    // A code read by the serial scanner in use (keyboard-wedge scanners go through ui::ScanEventFilter).
    void scanned(const QString& code);

private:
    friend class HubPinPad;
    class Worker;

    // Runs op on the device thread with the PIN pad driver in use and a device-thread context for its
    // completions, or with pad = nullptr and the reason it is offline.
    void withPinPad(std::function<void(PinPad* pad, QObject* deviceContext, const Error* offline)> op);

    QThread m_thread;
    Worker* m_worker; // lives on m_thread; deleted there
    QHash<DeviceRole, QString> m_ids;
    PrinterProfile m_profile;
    HubPinPad* m_pinPad; // child of this hub
};

} // namespace devices
} // namespace pos
