// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/PrinterProfiles.h"

#include "devices/DevicesLog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace devices {

namespace {

Failure invalidProfiles(const QString& detail)
{
    return fail(ErrorCode::InvalidInput,
                QCoreApplication::translate("PrinterProfiles", "The printer profile data is damaged."),
                detail);
}

QList<PrinterProfile> loadCompiledIn()
{
    QFile file(QStringLiteral(":/devices/escpos/profiles.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcPrinter) << "printer profiles resource missing";
        return {};
    }
    Result<QList<PrinterProfile>> profiles = PrinterProfiles::parse(file.readAll());
    if (!profiles) {
        qCCritical(lcPrinter) << "printer profiles resource invalid:" << profiles.error().detail;
        return {};
    }
    return std::move(profiles).value();
}

} // namespace

const QList<PrinterProfile>& PrinterProfiles::all()
{
    static const QList<PrinterProfile> profiles = loadCompiledIn();
    return profiles;
}

std::optional<PrinterProfile> PrinterProfiles::find(const QString& id)
{
    for (const PrinterProfile& profile : all()) {
        if (profile.id == id)
            return profile;
    }
    return std::nullopt;
}

Result<QList<PrinterProfile>> PrinterProfiles::parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return invalidProfiles(QStringLiteral("profiles JSON: %1").arg(error.errorString()));
    const QJsonValue list = document.object().value(QLatin1String("profiles"));
    if (!list.isArray() || list.toArray().isEmpty())
        return invalidProfiles(QStringLiteral("profiles JSON: 'profiles' is not a non-empty array"));

    QList<PrinterProfile> profiles;
    const QJsonArray array = list.toArray();
    for (qsizetype index = 0; index < array.size(); ++index) {
        const QJsonObject o = array.at(index).toObject();
        static const char* const requiredKeys[] = {"id",           "name",        "source",
                                                   "paperWidthMm", "dotsPerLine", "columnsFontA",
                                                   "chineseMode",  "qrCode",      "rasterImage"};
        for (const char* key : requiredKeys) {
            if (!o.contains(QLatin1String(key)))
                return invalidProfiles(
                    QStringLiteral("profile %1: missing '%2'").arg(index).arg(QLatin1String(key)));
        }
        PrinterProfile p;
        p.id = o.value(QLatin1String("id")).toString();
        p.name = o.value(QLatin1String("name")).toString();
        p.vendor = o.value(QLatin1String("vendor")).toString();
        p.source = o.value(QLatin1String("source")).toString();
        p.paperWidthMm = o.value(QLatin1String("paperWidthMm")).toDouble();
        p.dotsPerLine = o.value(QLatin1String("dotsPerLine")).toInt();
        p.columnsFontA = o.value(QLatin1String("columnsFontA")).toInt();
        p.columnsFontB = o.value(QLatin1String("columnsFontB")).toInt(p.columnsFontA);
        p.chineseMode = o.value(QLatin1String("chineseMode")).toBool();
        p.gb18030FourByte = o.value(QLatin1String("gb18030FourByte")).toBool();
        p.fullCut = o.value(QLatin1String("fullCut")).toBool();
        p.partialCut = o.value(QLatin1String("partialCut")).toBool();
        p.qrCode = o.value(QLatin1String("qrCode")).toBool();
        p.barcodeA = o.value(QLatin1String("barcodeA")).toBool();
        p.barcodeB = o.value(QLatin1String("barcodeB")).toBool();
        p.rasterImage = o.value(QLatin1String("rasterImage")).toBool();
        p.rasterBandRows = o.value(QLatin1String("rasterBandRows")).toInt(24);
        p.drawerKick = o.value(QLatin1String("drawerKick")).toBool();
        p.automaticStatusBack = o.value(QLatin1String("automaticStatusBack")).toBool();
        const QJsonObject pages = o.value(QLatin1String("codePages")).toObject();
        for (auto it = pages.begin(); it != pages.end(); ++it) {
            bool ok = false;
            const int number = it.key().toInt(&ok);
            if (!ok || number < 0 || number > 255)
                return invalidProfiles(QStringLiteral("profile %1: bad code page number").arg(p.id));
            p.codePages.insert(number, it.value().toString());
        }
        if (p.id.isEmpty() || p.dotsPerLine <= 0 || p.columnsFontA < 8 || p.paperWidthMm <= 0 ||
            p.rasterBandRows <= 0)
            return invalidProfiles(QStringLiteral("profile %1: empty id or non-positive size").arg(index));
        profiles.append(p);
    }
    return profiles;
}

} // namespace devices
} // namespace pos
