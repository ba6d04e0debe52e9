// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace pos {
namespace cli {

// Where a subcommand writes. Human-readable text by default; with --json exactly one JSON document on out.
struct CommandIo
{
    QTextStream& out;
    QTextStream& err;
};

// One pos-tool subcommand. run() receives the arguments after the subcommand name (arguments[0] is
// "pos-tool <name>") and returns the process exit code: 0 success, 1 "checked and found bad",
// 2 usage error.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual int run(const QStringList& arguments, CommandIo& io) = 0;
};

std::vector<std::unique_ptr<Command>> allCommands();

// Parses the options of a subcommand that only takes --json (and --help). Returns the exit code to stop with
// (0 after printing help, 2 after a usage error written to io.err), or nothing to go on; json tells whether
// --json was given.
std::optional<int>
parseJsonOnlyOptions(const QStringList& arguments, const QString& description, CommandIo& io, bool& json);

// One action of a subcommand with actions ("pos-tool ledger verify"): run() gets the arguments after the
// action name, arguments[0] being "pos-tool <command> <action>".
struct CommandAction
{
    const char* name;
    const char* summary;
    int (*run)(const QStringList& arguments, CommandIo& io);
};

// Runs the action named by arguments[1] (arguments[0] is "pos-tool <command>", defaultProgram if missing).
// No action: usage on err, exit 2; help/--help/-h: usage on out, exit 0; an unknown action: message and usage
// on err, exit 2. printUsage(stream, program) prints the command's usage.
int dispatchAction(const QStringList& arguments,
                   CommandIo& io,
                   const QString& defaultProgram,
                   std::span<const CommandAction> actions,
                   void (*printUsage)(QTextStream& stream, const QString& program));

// Entry point of pos-tool: dispatches to the named subcommand.
int runPosTool(const QStringList& arguments, CommandIo& io);

} // namespace cli
} // namespace pos
