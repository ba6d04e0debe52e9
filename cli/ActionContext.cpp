// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/ActionContext.h"

#include <QJsonDocument>

namespace pos {
namespace cli {

ActionContext::ActionContext(const QString& description, CommandIo& io)
    : m_io(io)
    , m_json(QStringLiteral("json"), QStringLiteral("Print one JSON object."))
{
    m_parser.setApplicationDescription(description);
    m_parser.addOption(m_json);
    m_parser.addHelpOption();
}

std::optional<int> ActionContext::parse(const QStringList& arguments,
                                        const QList<QCommandLineOption>& required,
                                        const QList<QCommandLineOption>& optional)
{
    m_parser.addOptions(required);
    m_parser.addOptions(optional);
    if (!m_parser.parse(arguments))
        return usage(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_io.out << m_parser.helpText();
        return 0;
    }
    if (!m_parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(m_parser.positionalArguments().first()));
    for (const QCommandLineOption& option : required) {
        if (m_parser.value(option).isEmpty())
            return usage(QStringLiteral("missing --%1 %2").arg(option.names().first(), option.valueName()));
    }
    return std::nullopt;
}

int ActionContext::usage(const QString& message)
{
    m_io.err << message << "\n\n" << m_parser.helpText();
    return 2;
}

int ActionContext::report(bool ok, QJsonObject details, const QString& text)
{
    if (json()) {
        details.insert(QStringLiteral("ok"), ok);
        m_io.out << QJsonDocument(details).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_io.out << text << '\n';
    }
    return ok ? 0 : 1;
}

int ActionContext::failed(const Error& error, QJsonObject details)
{
    if (json()) {
        details.insert(QStringLiteral("ok"), false);
        details.insert(QStringLiteral("error"), error.userMessage);
        details.insert(QStringLiteral("code"), errorCodeName(error.code));
        details.insert(QStringLiteral("detail"), error.detail);
        m_io.out << QJsonDocument(details).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_io.err << error.userMessage << '\n'
                 << "  (" << errorCodeName(error.code) << ": " << error.detail << ")\n";
    }
    return 1;
}

QCommandLineOption valueOption(const char* name, const char* description, const char* valueName)
{
    return {QLatin1String(name), QLatin1String(description), QLatin1String(valueName)};
}

} // namespace cli
} // namespace pos
