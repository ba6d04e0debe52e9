// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/ReceiptCommand.h"

#include "devices/escpos/PrinterProfiles.h"
#include "devices/escpos/ReceiptRenderer.h"
#include "devices/escpos/SampleReceipt.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace pos {
namespace cli {

namespace {

const char* const usageText =
    "Usage: pos-tool receipt sample --profile 58mm|80mm|<profile id> --out FILE.bin "
    "[--json]\n       pos-tool receipt profiles [--json]\n";

// "58mm" and "80mm" name the generic Chinese printer profiles; anything else is a profile id.
QString profileIdFor(const QString& name)
{
    if (name == QLatin1String("58mm"))
        return QStringLiteral("generic-58mm");
    if (name == QLatin1String("80mm"))
        return QStringLiteral("generic-80mm");
    return name;
}

int reportFailure(CommandIo& io, bool json, const QString& message)
{
    if (json)
        io.out << QJsonDocument(
                      QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}})
                      .toJson(QJsonDocument::Compact)
               << '\n';
    else
        io.err << "pos-tool receipt: " << message << '\n';
    return 1;
}

int listProfiles(CommandIo& io, bool json)
{
    if (json) {
        QJsonArray profiles;
        for (const devices::PrinterProfile& p : devices::PrinterProfiles::all())
            profiles.append(QJsonObject{{QStringLiteral("id"), p.id},
                                        {QStringLiteral("name"), p.name},
                                        {QStringLiteral("source"), p.source},
                                        {QStringLiteral("paperWidthMm"), p.paperWidthMm},
                                        {QStringLiteral("dotsPerLine"), p.dotsPerLine},
                                        {QStringLiteral("columnsFontA"), p.columnsFontA},
                                        {QStringLiteral("chineseMode"), p.chineseMode},
                                        {QStringLiteral("qrCode"), p.qrCode},
                                        {QStringLiteral("barcode"), p.barcodeB},
                                        {QStringLiteral("rasterImage"), p.rasterImage}});
        io.out << QJsonDocument(
                      QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("profiles"), profiles}})
                      .toJson(QJsonDocument::Compact)
               << '\n';
        return 0;
    }
    for (const devices::PrinterProfile& p : devices::PrinterProfiles::all())
        io.out << p.id.leftJustified(16) << QString::number(p.paperWidthMm).rightJustified(5) << " mm "
               << QString::number(p.columnsFontA).rightJustified(3) << " columns  " << p.name << '\n';
    return 0;
}

int writeSample(CommandIo& io, bool json, const QString& profileName, const QString& outPath)
{
    const std::optional<devices::PrinterProfile> profile =
        devices::PrinterProfiles::find(profileIdFor(profileName));
    if (!profile) {
        io.err << "pos-tool receipt: unknown profile '" << profileName
               << "' (see pos-tool receipt profiles)\n";
        return 2;
    }
    const Result<devices::RenderedReceipt> rendered =
        devices::ReceiptRenderer(*profile).render(devices::sampleReceipt());
    if (!rendered)
        return reportFailure(io, json, rendered.error().detail);
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(rendered.value().bytes) != rendered.value().bytes.size() || !file.commit())
        return reportFailure(io, json,
                             QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString()));
    const qsizetype bytes = rendered.value().bytes.size();
    const qsizetype lines = rendered.value().textLines.size();
    if (json)
        io.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("profile"), profile->id},
                                            {QStringLiteral("out"), outPath},
                                            {QStringLiteral("bytes"), bytes},
                                            {QStringLiteral("textLines"), lines}})
                      .toJson(QJsonDocument::Compact)
               << '\n';
    else
        io.out << "wrote " << bytes << " bytes (" << lines << " text lines, profile " << profile->id
               << ") to " << outPath << '\n';
    return 0;
}

} // namespace

int ReceiptCommand::run(const QStringList& arguments, CommandIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("sample or profiles"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QStringLiteral("58mm, 80mm or a profile id."), QStringLiteral("name"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("Output file for the ESC/POS bytes."), QStringLiteral("file"));
    parser.addOption(jsonOption);
    parser.addOption(profileOption);
    parser.addOption(outOption);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        io.err << parser.errorText() << '\n' << usageText;
        return 2;
    }
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return 0;
    }
    const bool json = parser.isSet(jsonOption);
    const QStringList positional = parser.positionalArguments();
    if (positional == QStringList{QStringLiteral("profiles")})
        return listProfiles(io, json);
    if (positional != QStringList{QStringLiteral("sample")} || parser.value(profileOption).isEmpty() ||
        parser.value(outOption).isEmpty()) {
        io.err << usageText;
        return 2;
    }
    return writeSample(io, json, parser.value(profileOption), parser.value(outOption));
}

} // namespace cli
} // namespace pos
