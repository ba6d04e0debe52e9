// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/AppOptions.h"

#include "PosVersion.h"
#include "ui/LanguageManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstring>

namespace pos {
namespace app {
namespace {

struct OptionText
{
    Q_DECLARE_TR_FUNCTIONS(pos::app::OptionText)
};

struct Parser
{
    QCommandLineParser parser;
    QCommandLineOption demo{
        QStringLiteral("demo"),
        OptionText::tr("Demo mode: start the local acquirer simulator, PIN pad and printer "
                       "emulators, with a fresh data directory.")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"), OptionText::tr("Use DIR as the data directory."),
                               QStringLiteral("DIR")};
    QCommandLineOption autopilot{
        QStringLiteral("autopilot"),
        OptionText::tr("Walk every page offscreen, save one PNG per page into DIR, exit."),
        QStringLiteral("DIR")};
    QCommandLineOption firstFrame{
        QStringLiteral("quit-after-first-frame"),
        OptionText::tr("Exit right after the main window's first paint (benchmarks).")};
    QCommandLineOption language{QStringLiteral("language"),
                                OptionText::tr("Interface language: zh_CN or en."), QStringLiteral("CODE")};
    QCommandLineOption help = parser.addHelpOption();
    QCommandLineOption version = parser.addVersionOption();

    Parser()
    {
        parser.setApplicationDescription(OptionText::tr("Merchant POS: point of sale for shops."));
        parser.addOptions({demo, dataDir, autopilot, firstFrame, language});
    }
};

} // namespace

Result<AppOptions> parseAppOptions(const QStringList& arguments)
{
    Parser p;
    if (!p.parser.parse(arguments))
        return fail(ErrorCode::InvalidInput, p.parser.errorText(), p.parser.errorText());
    if (!p.parser.positionalArguments().isEmpty())
        return fail(
            ErrorCode::InvalidInput,
            OptionText::tr("Unexpected argument: %1").arg(p.parser.positionalArguments().constFirst()),
            QStringLiteral("unexpected positional argument"));
    AppOptions options;
    options.demo = p.parser.isSet(p.demo);
    options.dataDirectory = p.parser.value(p.dataDir);
    options.autopilotDirectory = p.parser.value(p.autopilot);
    options.quitAfterFirstFrame = p.parser.isSet(p.firstFrame);
    options.language = p.parser.value(p.language);
    if (!options.language.isEmpty() && !ui::LanguageManager::availableLanguages().contains(options.language))
        return fail(
            ErrorCode::InvalidInput,
            OptionText::tr("Unknown language %1; available: %2")
                .arg(options.language, ui::LanguageManager::availableLanguages().join(QStringLiteral(", "))),
            QStringLiteral("unknown --language"));
    if (p.parser.isSet(p.autopilot) && options.autopilotDirectory.isEmpty())
        return fail(ErrorCode::InvalidInput, OptionText::tr("--autopilot needs a directory."),
                    QStringLiteral("empty --autopilot"));
    return options;
}

bool wantsInformationOnly(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0 ||
            std::strcmp(arg, "--version") == 0 || std::strcmp(arg, "-v") == 0 ||
            std::strcmp(arg, "--help-all") == 0)
            return true;
    }
    return false;
}

int printInformation(const QStringList& arguments)
{
    Parser p;
    p.parser.parse(arguments);
    if (p.parser.isSet(p.version)) {
        std::printf("%s %s\n", POS_APPLICATION_NAME, POS_VERSION_STRING);
        return ExitOk;
    }
    std::fputs(qPrintable(p.parser.helpText()), stdout);
    return ExitOk;
}

} // namespace app
} // namespace pos
