// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/discovery/DeviceMonitor.h"

#include "devices/DevicesLog.h"
#include "devices/discovery/DeviceEnumerator.h"

#include <QMetaObject>

namespace pos {
namespace devices {

DeviceMonitor::DeviceMonitor(std::vector<std::unique_ptr<DeviceEnumerator>> enumerators,
                             DriverRegistry registry,
                             Config config,
                             QObject* parent)
    : QObject(parent)
    , m_registry(std::move(registry))
    , m_config(config)
    , m_worker(new QObject)
{
    for (std::unique_ptr<DeviceEnumerator>& enumerator : enumerators) {
        DeviceEnumerator* raw = enumerator.release();
        raw->setParent(m_worker);
        m_enumerators.append(raw);
        connect(raw, &DeviceEnumerator::changed, this, &DeviceMonitor::rescan, Qt::QueuedConnection);
    }
    m_scanThread.setObjectName(QStringLiteral("pos-device-scan"));
    m_worker->moveToThread(&m_scanThread);
    connect(&m_scanThread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_scanThread.start();
    m_poll.setInterval(m_config.pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &DeviceMonitor::rescan);
}

DeviceMonitor::~DeviceMonitor()
{
    m_poll.stop();
    m_scanThread.quit();
    m_scanThread.wait();
}

void DeviceMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_poll.start();
    rescan();
}

void DeviceMonitor::stop()
{
    m_running = false;
    m_poll.stop();
    m_scanAgain = false;
    m_scanInFlight = false;
    ++m_generation;
}

void DeviceMonitor::rescan()
{
    if (!m_running)
        return;
    if (m_scanInFlight) {
        m_scanAgain = true;
        return;
    }
    m_scanInFlight = true;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        m_worker,
        [this, enumerators = m_enumerators, generation] {
            QList<DeviceCandidate> all;
            for (DeviceEnumerator* enumerator : enumerators)
                all += enumerator->snapshot();
            // The monitor outlives this call: its destructor waits for the scan thread.
            QMetaObject::invokeMethod(
                this,
                [this, all, generation] {
                    if (generation == m_generation)
                        onSnapshot(all);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

std::optional<DeviceCandidate> DeviceMonitor::device(const QString& id) const
{
    const auto it = m_devices.constFind(id);
    if (it == m_devices.cend())
        return std::nullopt;
    return *it;
}

void DeviceMonitor::onSnapshot(QList<DeviceCandidate> candidates)
{
    m_scanInFlight = false;
    QMap<QString, DeviceCandidate> current;
    for (DeviceCandidate& candidate : candidates) {
        if (current.contains(candidate.id)) {
            qCWarning(lcDevices).noquote()
                << "two devices reported as" << candidate.id << "- keeping the first";
            continue;
        }
        candidate.match = m_registry.bestMatch(candidate);
        current.insert(candidate.id, candidate);
    }
    const QMap<QString, DeviceCandidate> previous = std::exchange(m_devices, current);
    for (auto it = previous.cbegin(); it != previous.cend(); ++it) {
        if (!current.contains(it.key())) {
            qCInfo(lcDevices).noquote() << "device removed:" << it.key();
            Q_EMIT deviceRemoved(it.key());
        }
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        const auto before = previous.constFind(it.key());
        if (before == previous.cend()) {
            qCInfo(lcDevices).noquote() << "device added:" << it.key() << it->description;
            Q_EMIT deviceAdded(*it);
        } else if (!(*before == *it)) {
            Q_EMIT deviceChanged(*it);
        }
    }
    Q_EMIT scanFinished();
    if (m_scanAgain && m_running) {
        m_scanAgain = false;
        rescan();
    }
}

} // namespace devices
} // namespace pos
