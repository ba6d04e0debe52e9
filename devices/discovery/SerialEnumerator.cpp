// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/DevicesLog.h"
#include "devices/discovery/DeviceEnumerator.h"

#include <QSerialPortInfo>

namespace pos {
namespace devices {

QList<DeviceCandidate> SerialEnumerator::snapshot()
{
    QList<DeviceCandidate> candidates;
    for (const QSerialPortInfo& port : QSerialPortInfo::availablePorts()) {
        DeviceCandidate candidate;
        candidate.id = QStringLiteral("serial:") + port.systemLocation();
        candidate.transportKind = TransportKind::Serial;
        candidate.portPath = port.systemLocation();
        if (port.hasVendorIdentifier())
            candidate.vendorId = port.vendorIdentifier();
        if (port.hasProductIdentifier())
            candidate.productId = port.productIdentifier();
        candidate.serialNumber = port.serialNumber();
        QStringList description;
        for (const QString& part : {port.manufacturer(), port.description()}) {
            if (!part.trimmed().isEmpty() && !description.contains(part.trimmed()))
                description << part.trimmed();
        }
        candidate.description = description.isEmpty() ? QStringLiteral("Serial port %1").arg(port.portName())
                                                      : description.join(u' ');
        candidates.append(candidate);
    }
    return candidates;
}

NetworkPrinterList::NetworkPrinterList(QStringList ids, QObject* parent) : DeviceEnumerator(parent)
{
    for (const QString& id : ids) {
        if (isValidId(id))
            m_ids.append(id);
        else
            qCWarning(lcDevices).noquote() << "network printer id ignored:" << id;
    }
}

bool NetworkPrinterList::isValidId(const QString& id)
{
    if (!id.startsWith(QLatin1String("tcp:")))
        return false;
    const QString rest = id.mid(4);
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon > 0 ? rest.mid(colon + 1).toUInt(&ok) : 0;
    return colon > 0 && ok && port >= 1 && port <= 65535;
}

QList<DeviceCandidate> NetworkPrinterList::snapshot()
{
    QList<DeviceCandidate> candidates;
    for (const QString& id : m_ids) {
        DeviceCandidate candidate;
        candidate.id = id;
        candidate.transportKind = TransportKind::Tcp;
        candidate.portPath = id.mid(4);
        candidate.description = QStringLiteral("Network printer %1").arg(id.mid(4));
        candidates.append(candidate);
    }
    return candidates;
}

} // namespace devices
} // namespace pos
