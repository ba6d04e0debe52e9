// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/ValidateCommand.h"

#include "core/validation/BankAccounts.h"
#include "core/validation/ChineseIds.h"
#include "core/validation/ContactDetails.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace pos {
namespace cli {
namespace {

using validation::ValidationResult;

constexpr int kMaskKeepFirst = 6;
constexpr int kMaskKeepLast = 4;

// The validator for KIND, or nothing for an unknown kind. masked: whether normalized must be masked.
std::optional<ValidationResult> validate(const QString& kind, const QString& value, QDate today, bool& masked)
{
    masked = false;
    if (kind == QLatin1String("uscc"))
        return validation::validateUscc(value);
    if (kind == QLatin1String("mobile"))
        return validation::validateMobile(value);
    if (kind == QLatin1String("name"))
        return validation::validatePersonName(value);
    if (kind == QLatin1String("business-name"))
        return validation::validateBusinessName(value);
    masked = true;
    if (kind == QLatin1String("id"))
        return validation::validateResidentId(value, today);
    if (kind == QLatin1String("bankcard"))
        return validation::validateBankCard(value);
    if (kind == QLatin1String("account"))
        return validation::validateCorporateAccount(value);
    return std::nullopt;
}

int usage(CommandIo& io, const QCommandLineParser& parser, const QString& message)
{
    io.err << message << "\n\n" << parser.helpText();
    return 2;
}

} // namespace

int ValidateCommand::run(const QStringList& arguments, CommandIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks one onboarding field. Exit 0 valid, 1 invalid, 2 usage.\n"
                       "KIND: uscc, id, bankcard, account, mobile, name, business-name."));
    parser.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("What VALUE is."));
    parser.addPositionalArgument(QStringLiteral("value"),
                                 QStringLiteral("The value; several arguments are joined with spaces."),
                                 QStringLiteral("VALUE..."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption today(QStringLiteral("today"),
                                   QStringLiteral("Reference day for a birth date (default: today)."),
                                   QStringLiteral("YYYY-MM-DD"));
    parser.addOption(json);
    parser.addOption(today);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments))
        return usage(io, parser, parser.errorText());
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usage(io, parser, QStringLiteral("expected KIND and VALUE"));
    QDate referenceDay = QDate::currentDate();
    if (parser.isSet(today)) {
        referenceDay = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!referenceDay.isValid())
            return usage(io, parser, QStringLiteral("--today must be a date YYYY-MM-DD"));
    }
    bool masked = false;
    const QString kind = positional.first();
    const std::optional<ValidationResult> result =
        validate(kind, positional.mid(1).join(QLatin1Char(' ')), referenceDay, masked);
    if (!result)
        return usage(io, parser, QStringLiteral("unknown KIND '%1'").arg(kind));

    const QString normalized = masked
                                   ? validation::maskMiddle(result->normalized, kMaskKeepFirst, kMaskKeepLast)
                                   : result->normalized;
    if (parser.isSet(json)) {
        QJsonObject object = QJsonObject::fromVariantMap(result->details);
        object.insert(QStringLiteral("kind"), kind);
        object.insert(QStringLiteral("valid"), result->valid);
        object.insert(QStringLiteral("reason"), validation::reasonKey(result->reason));
        object.insert(QStringLiteral("message"), result->message);
        object.insert(QStringLiteral("normalized"), normalized);
        if (masked)
            object.insert(QStringLiteral("masked"), true);
        io.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    } else {
        io.out << "valid: " << (result->valid ? "yes" : "no") << '\n'
               << "reason: " << validation::reasonKey(result->reason) << '\n'
               << "message: " << result->message << '\n'
               << "normalized: " << normalized << '\n';
        for (auto it = result->details.cbegin(); it != result->details.cend(); ++it)
            io.out << it.key() << ": " << it.value().toString() << '\n';
    }
    return result->valid ? 0 : 1;
}

} // namespace cli
} // namespace pos
