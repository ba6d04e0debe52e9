// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "devices/discovery/DeviceCandidate.h"
#include "devices/discovery/DriverRegistry.h"

#include <QMap>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace pos {
namespace devices {

class DeviceEnumerator;

// Watches the enumerators and reports what came and went. Scans run on the monitor's own scan thread
// ("pos-device-scan"), which owns the enumerators; results come back queued, are matched to drivers
// (DriverRegistry, filling DeviceCandidate::match) and compared with the previous scan by id. So the
// monitor's thread (the UI thread is fine) never waits on a device.
//
// A scan runs at start(), every pollIntervalMs, on rescan(), and whenever an enumerator emits changed()
// (libusb hot-plug). Requests while a scan is running fold into one more scan after it.
// Signals, per scan, in this order: deviceRemoved for ids that vanished, deviceAdded for new ids,
// deviceChanged for present ids whose facts changed (e.g. the IEEE 1284 id became readable), then
// scanFinished. An id unplugged and plugged back between two scans is neither removed nor added.
// Thread affinity: the thread that created it.
class DeviceMonitor final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        int pollIntervalMs = 3000; // Odoo's IoT box polls every 3 s
    };

    DeviceMonitor(std::vector<std::unique_ptr<DeviceEnumerator>> enumerators,
                  DriverRegistry registry,
                  Config config,
                  QObject* parent = nullptr);
    // Stops polling and waits for a running scan to end.
    ~DeviceMonitor() override;

    void start();
    void stop(); // no signal after stop() returns, until start() again
    void rescan();
    bool isRunning() const { return m_running; }

    // The devices of the last scan, sorted by id.
    QList<DeviceCandidate> devices() const { return m_devices.values(); }
    std::optional<DeviceCandidate> device(const QString& id) const;

Q_SIGNALS:
    void deviceAdded(const pos::devices::DeviceCandidate& candidate);
    void deviceRemoved(const QString& id);
    void deviceChanged(const pos::devices::DeviceCandidate& candidate);
    void scanFinished();

private:
    void onSnapshot(QList<DeviceCandidate> candidates);

    DriverRegistry m_registry;
    Config m_config;
    QThread m_scanThread;
    QObject* m_worker; // lives on m_scanThread, owns the enumerators, deleted when the thread finishes
    QList<DeviceEnumerator*> m_enumerators; // children of m_worker: call only on m_scanThread
    QTimer m_poll;
    QMap<QString, DeviceCandidate> m_devices;
    bool m_running = false;
    bool m_scanInFlight = false;
    bool m_scanAgain = false;
    quint64 m_generation = 0; // bumped by stop(): results of an older scan are dropped
};

} // namespace devices
} // namespace pos
