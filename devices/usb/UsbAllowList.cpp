// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/usb/UsbAllowList.h"

#include "devices/DevicesLog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace pos {
namespace devices {
namespace {

struct AllowListText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::UsbAllowList)
};

Failure badList(const QString& detail)
{
    return fail(ErrorCode::InvalidInput, AllowListText::tr("The list of known USB devices is damaged."),
                QStringLiteral("USB allow-list: %1").arg(detail));
}

std::optional<quint16> hexId(const QJsonValue& value)
{
    const QString text = value.toString();
    if (text.size() != 4)
        return std::nullopt;
    bool ok = false;
    const uint id = text.toUInt(&ok, 16);
    if (!ok)
        return std::nullopt;
    return static_cast<quint16>(id);
}

std::optional<DeviceRole> roleNamed(const QString& name)
{
    if (name == QLatin1String("printer"))
        return DeviceRole::ReceiptPrinter;
    if (name == QLatin1String("pinpad"))
        return DeviceRole::PinPad;
    if (name == QLatin1String("scanner"))
        return DeviceRole::Scanner;
    return std::nullopt;
}

} // namespace

UsbAllowList::UsbAllowList(QList<UsbAllowListEntry> entries) : m_entries(std::move(entries))
{}

const UsbAllowList& UsbAllowList::builtIn()
{
    static const UsbAllowList list = [] {
        QFile file(QStringLiteral(":/devices/usb/usb-devices.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcUsb) << "USB allow-list resource missing";
            return UsbAllowList();
        }
        Result<UsbAllowList> parsed = fromJson(file.readAll());
        if (!parsed) {
            qCWarning(lcUsb).noquote() << parsed.error().detail;
            return UsbAllowList();
        }
        return parsed.value();
    }();
    return list;
}

Result<UsbAllowList> UsbAllowList::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return badList(QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
    const QJsonValue devices = document.object().value(QStringLiteral("devices"));
    if (!devices.isArray())
        return badList(QStringLiteral("no \"devices\" array"));
    QList<UsbAllowListEntry> entries;
    QSet<quint32> seen;
    int index = 0;
    for (const QJsonValue& value : devices.toArray()) {
        const QJsonObject object = value.toObject();
        const std::optional<quint16> vid = hexId(object.value(QStringLiteral("vid")));
        const std::optional<quint16> pid = hexId(object.value(QStringLiteral("pid")));
        if (!vid || !pid)
            return badList(QStringLiteral("entry %1: vid and pid must be 4 hex digits").arg(index));
        const std::optional<DeviceRole> role = roleNamed(object.value(QStringLiteral("role")).toString());
        if (!role)
            return badList(QStringLiteral("entry %1: unknown role").arg(index));
        const QString source = object.value(QStringLiteral("source")).toString().trimmed();
        if (source.isEmpty())
            return badList(QStringLiteral("entry %1: no source").arg(index));
        const quint32 key = (quint32{*vid} << 16) | *pid;
        if (seen.contains(key))
            return badList(QStringLiteral("entry %1: duplicate VID:PID").arg(index));
        seen.insert(key);
        entries.append(UsbAllowListEntry{*vid, *pid, object.value(QStringLiteral("vendor")).toString(),
                                         object.value(QStringLiteral("model")).toString(), *role, source});
        ++index;
    }
    return UsbAllowList(std::move(entries));
}

std::optional<UsbAllowListEntry> UsbAllowList::find(quint16 vendorId, quint16 productId) const
{
    for (const UsbAllowListEntry& entry : m_entries) {
        if (entry.vendorId == vendorId && entry.productId == productId)
            return entry;
    }
    return std::nullopt;
}

} // namespace devices
} // namespace pos
