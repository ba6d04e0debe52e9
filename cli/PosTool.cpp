// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/CardCommand.h"
#include "cli/Command.h"
#include "cli/CryptoCommand.h"
#include "cli/DevicesCommand.h"
#include "cli/HostCommand.h"
#include "cli/Iso8583Command.h"
#include "cli/LedgerCommand.h"
#include "cli/PinPadCommand.h"
#include "cli/PrinterCommand.h"
#include "cli/ReceiptCommand.h"
#include "cli/SelfTestCommand.h"
#include "cli/SimCommand.h"
#include "cli/ValidateCommand.h"
#include "cli/VersionCommand.h"

#include <QCommandLineParser>

namespace pos {
namespace cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<VersionCommand>());
    commands.push_back(std::make_unique<SelfTestCommand>());
    commands.push_back(std::make_unique<LedgerCommand>());
    commands.push_back(std::make_unique<CryptoCommand>());
    commands.push_back(std::make_unique<Iso8583Command>());
    commands.push_back(std::make_unique<ReceiptCommand>());
    commands.push_back(std::make_unique<HostCommand>());
    commands.push_back(std::make_unique<SimCommand>());
    commands.push_back(std::make_unique<CardCommand>());
    commands.push_back(std::make_unique<PinPadCommand>());
    commands.push_back(std::make_unique<PrinterCommand>());
    commands.push_back(std::make_unique<DevicesCommand>());
    commands.push_back(std::make_unique<ValidateCommand>());
    return commands;
}

std::optional<int>
parseJsonOnlyOptions(const QStringList& arguments, const QString& description, CommandIo& io, bool& json)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(jsonOption);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        io.err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return 0;
    }
    json = parser.isSet(jsonOption);
    return std::nullopt;
}

int dispatchAction(const QStringList& arguments,
                   CommandIo& io,
                   const QString& defaultProgram,
                   std::span<const CommandAction> actions,
                   void (*printUsage)(QTextStream& stream, const QString& program))
{
    const QString program = arguments.value(0, defaultProgram);
    if (arguments.size() < 2) {
        printUsage(io.err, program);
        return 2;
    }
    const QString actionName = arguments.at(1);
    if (actionName == QLatin1String("--help") || actionName == QLatin1String("-h") ||
        actionName == QLatin1String("help")) {
        printUsage(io.out, program);
        return 0;
    }
    for (const CommandAction& action : actions) {
        if (actionName == QLatin1String(action.name)) {
            QStringList rest = arguments.mid(2);
            rest.prepend(program + QLatin1Char(' ') + actionName);
            return action.run(rest, io);
        }
    }
    io.err << program << ": unknown action '" << actionName << "'\n\n";
    printUsage(io.err, program);
    return 2;
}

namespace {

void printUsage(QTextStream& stream, const std::vector<std::unique_ptr<Command>>& commands)
{
    stream << "Usage: pos-tool <command> [options]\n\n"
           << "Support and scripting companion of the Merchant POS. Add --json for machine-readable output,\n"
           << "--help after a command for its options.\n\nCommands:\n";
    for (const auto& command : commands)
        stream << "  " << command->name().leftJustified(12) << command->summary() << '\n';
}

} // namespace

int runPosTool(const QStringList& arguments, CommandIo& io)
{
    const auto commands = allCommands();
    if (arguments.size() < 2) {
        printUsage(io.err, commands);
        return 2;
    }
    const QString name = arguments.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(io.out, commands);
        return 0;
    }
    for (const auto& command : commands) {
        if (command->name() == name) {
            QStringList rest = arguments.mid(2);
            rest.prepend(arguments.at(0) + QLatin1Char(' ') + name);
            return command->run(rest, io);
        }
    }
    io.err << "pos-tool: unknown command '" << name << "'\n\n";
    printUsage(io.err, commands);
    return 2;
}

} // namespace cli
} // namespace pos
