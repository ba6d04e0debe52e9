// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"
#include "core/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pos {
namespace cli {

// The command line and the single output of one pos-tool action ("pos-tool ledger verify", "pos-tool crypto
// kcv", ...). With --json exactly one JSON object goes to out ({"ok": true|false, ...}); otherwise text,
// results on out and refusals on err. Usage errors go to err as text with the help and exit 2.
class ActionContext final
{
public:
    ActionContext(const QString& description, CommandIo& io);

    // Parses arguments (arguments[0] is the program name). Every option in required must be given with a
    // non-empty value; optional ones may be left out. Returns the exit code to stop with (0 after --help,
    // 2 after a usage error), or nothing to go on.
    std::optional<int> parse(const QStringList& arguments,
                             const QList<QCommandLineOption>& required,
                             const QList<QCommandLineOption>& optional = {});

    QString value(const QCommandLineOption& option) const { return m_parser.value(option); }
    bool isSet(const QCommandLineOption& option) const { return m_parser.isSet(option); }
    bool json() const { return m_parser.isSet(m_json); }

    // A usage problem found after parse(): message and help on err, exit 2.
    int usage(const QString& message);
    // ok: the action did what was asked (exit 0) or found something bad (exit 1, e.g. a KCV mismatch).
    int report(bool ok, QJsonObject details, const QString& text);
    int succeed(QJsonObject details, const QString& text) { return report(true, std::move(details), text); }
    // The action could not be done (refused input, I/O error): the translated message and the detail, exit 1.
    int failed(const Error& error, QJsonObject details = {});

private:
    CommandIo& m_io;
    QCommandLineParser m_parser;
    QCommandLineOption m_json;
};

// An option with a value: name without dashes, description, value name (all ASCII).
QCommandLineOption valueOption(const char* name, const char* description, const char* valueName);

} // namespace cli
} // namespace pos
