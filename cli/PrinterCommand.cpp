// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/PrinterCommand.h"

#include "cli/PrinterTestAction.h"
#include "simulators/printer/ReceiptRasterizer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

namespace pos {
namespace cli {
namespace {

int reportFailure(CommandIo& io, bool json, const QString& message)
{
    if (json)
        io.out << QJsonDocument(
                      QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}})
                      .toJson(QJsonDocument::Compact)
               << '\n';
    else
        io.err << "pos-tool printer: " << message << '\n';
    return 1;
}

int runRender(const QStringList& arguments, CommandIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Draws ESC/POS bytes as the printer emulator prints them: a PNG and the text."));
    const QCommandLineOption inOption(QStringLiteral("in"), QStringLiteral("ESC/POS bytes."),
                                      QStringLiteral("file"));
    const QCommandLineOption pngOption(QStringLiteral("png"), QStringLiteral("The image to write."),
                                       QStringLiteral("file"));
    const QCommandLineOption textOption(QStringLiteral("text"), QStringLiteral("The text to write."),
                                        QStringLiteral("file"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Paper: 58mm or 80mm (default)."),
                                           QStringLiteral("paper"), QStringLiteral("80mm"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({inOption, pngOption, textOption, profileOption, jsonOption});
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        io.err << parser.errorText() << "\n\n" << parser.helpText();
        return 2;
    }
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return 0;
    }
    const std::optional<int> dots = sim::ReceiptRasterizer::paperDotsFor(parser.value(profileOption));
    if (parser.value(inOption).isEmpty() || parser.value(pngOption).isEmpty() ||
        parser.value(textOption).isEmpty() || !dots || !parser.positionalArguments().isEmpty()) {
        io.err
            << "pos-tool printer render: --in, --png and --text are required; --profile is 58mm or 80mm\n\n"
            << parser.helpText();
        return 2;
    }
    const bool json = parser.isSet(jsonOption);
    QFile input(parser.value(inOption));
    if (!input.open(QIODevice::ReadOnly))
        return reportFailure(io, json,
                             QStringLiteral("cannot read %1: %2").arg(input.fileName(), input.errorString()));
    const QByteArray bytes = input.readAll();
    const Result<sim::RasterizedReceipt> rendered = sim::ReceiptRasterizer(*dots).render(bytes);
    if (!rendered)
        return reportFailure(io, json, rendered.error().detail);
    if (const Result<void> saved =
            sim::ReceiptRasterizer::save(rendered.value(), parser.value(pngOption), parser.value(textOption));
        !saved)
        return reportFailure(io, json, saved.error().detail);
    const sim::RasterizedReceipt& receipt = rendered.value();
    if (json) {
        io.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("bytes"), bytes.size()},
                                            {QStringLiteral("width"), receipt.image.width()},
                                            {QStringLiteral("height"), receipt.image.height()},
                                            {QStringLiteral("textLines"), receipt.textLines.size()},
                                            {QStringLiteral("decodeError"), receipt.decodeError}})
                      .toJson(QJsonDocument::Compact)
               << '\n';
        return 0;
    }
    if (!receipt.decodeError.isEmpty())
        io.err << "pos-tool printer render: warning: rendered up to the error: " << receipt.decodeError
               << '\n';
    io.out << "rendered " << bytes.size() << " bytes to " << receipt.image.width() << "x"
           << receipt.image.height() << " dots (" << receipt.textLines.size() << " text lines)\n";
    return 0;
}

constexpr CommandAction printerActions[] = {
    {"render", "Draw ESC/POS bytes to a PNG and a text file", &runRender},
    {"test", "Print the sample receipt on a printer, checking its status", &runPrinterTest},
};

void printUsage(QTextStream& stream, const QString& program)
{
    stream << "Usage: " << program << " <action> [options]\n\nActions:\n";
    for (const CommandAction& action : printerActions)
        stream << "  " << QString::fromLatin1(action.name).leftJustified(15) << action.summary << '\n';
    stream << "\nExit codes: 0 success, 1 input or output failed, 2 usage error.\n";
}

} // namespace

int PrinterCommand::run(const QStringList& arguments, CommandIo& io)
{
    return dispatchAction(arguments, io, QStringLiteral("pos-tool printer"), printerActions, &printUsage);
}

bool needsGuiApplication(int argc, const char* const* argv)
{
    if (argc < 3)
        return false;
    const auto is = [](const char* argument, const char* word) { return std::strcmp(argument, word) == 0; };
    return (is(argv[1], "printer") && is(argv[2], "render")) ||
           (is(argv[1], "sim") && is(argv[2], "printer"));
}

} // namespace cli
} // namespace pos
