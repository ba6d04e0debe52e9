// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/validation/ChineseIds.h"

#include "core/validation/Regions.h"

#include <QCoreApplication>

#include <array>

namespace pos {
namespace validation {
namespace {

struct MessageText
{
    Q_DECLARE_TR_FUNCTIONS(pos::validation::ChineseIds)
};

constexpr qsizetype kUsccLength = 18;
constexpr qsizetype kResidentIdLength = 18;
constexpr qsizetype kFirstGenerationIdLength = 15;

// GB 32100-2015 table 1: the 31 characters and their values 0..30, in value order.
constexpr QLatin1StringView kUsccAlphabet("0123456789ABCDEFGHJKLMNPQRTUWXY");
// 3^i mod 31 for positions 1..17.
constexpr std::array<int, 17> kUsccWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// GB 11643-1999: 2^(18-i) mod 11 for positions 1..17, and the check character for Σ mod 11.
constexpr std::array<int, 17> kIdWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr QLatin1StringView kIdCheckCharacters("10X98765432");

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

int digitValue(QChar c)
{
    return c.unicode() - u'0';
}

ValidationResult invalid(Reason reason, QString message, QString normalized, QVariantMap details = {})
{
    return ValidationResult{false, reason, std::move(message), std::move(normalized), std::move(details)};
}

QVariantMap characterDetails(qsizetype index, QChar character)
{
    return {{QStringLiteral("position"), static_cast<int>(index + 1)},
            {QStringLiteral("character"), QString(character)}};
}

void addProvince(QVariantMap& details, int code)
{
    details.insert(QStringLiteral("provinceCode"), code);
    if (const std::optional<Province> province = provinceByCode(code)) {
        details.insert(QStringLiteral("region"), province->chineseName());
        details.insert(QStringLiteral("regionEn"), province->englishName());
    }
}

ValidationResult
checkCharacterMismatch(const QString& normalized, qsizetype position, QChar actual, QChar expected)
{
    QVariantMap details{{QStringLiteral("position"), static_cast<int>(position)},
                        {QStringLiteral("expected"), QString(expected)},
                        {QStringLiteral("actual"), QString(actual)}};
    return invalid(Reason::BadCheckCharacter,
                   MessageText::tr("The check character (position %1) is “%2”, but the characters before it "
                                   "give “%3”: one of the characters is mistyped.")
                       .arg(position)
                       .arg(actual)
                       .arg(expected),
                   normalized, std::move(details));
}

} // namespace

std::optional<QChar> usccCheckCharacter(QStringView first17)
{
    if (first17.size() != static_cast<qsizetype>(kUsccWeights.size()))
        return std::nullopt;
    int sum = 0;
    for (qsizetype i = 0; i < first17.size(); ++i) {
        const qsizetype value = kUsccAlphabet.indexOf(first17.at(i));
        if (value < 0)
            return std::nullopt;
        sum += static_cast<int>(value) * kUsccWeights[static_cast<size_t>(i)];
    }
    return kUsccAlphabet.at((31 - sum % 31) % 31);
}

std::optional<QChar> residentIdCheckCharacter(QStringView first17)
{
    if (first17.size() != static_cast<qsizetype>(kIdWeights.size()))
        return std::nullopt;
    int sum = 0;
    for (qsizetype i = 0; i < first17.size(); ++i) {
        if (!isAsciiDigit(first17.at(i)))
            return std::nullopt;
        sum += digitValue(first17.at(i)) * kIdWeights[static_cast<size_t>(i)];
    }
    return kIdCheckCharacters.at(sum % 11);
}

ValidationResult validateUscc(QStringView input)
{
    const QString code = compactIdentifier(input, true);
    if (code.isEmpty())
        return invalid(Reason::Empty, MessageText::tr("Enter the 18-character unified social credit code."),
                       code);

    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (kUsccAlphabet.contains(c))
            continue;
        const bool excludedLetter = QLatin1StringView("IOZSV").contains(c);
        const QString message =
            excludedLetter
                ? MessageText::tr("Character %1 is “%2”: a unified social credit code never uses the letters "
                                  "I, O, Z, S or V.")
                      .arg(i + 1)
                      .arg(c)
                : MessageText::tr("Character %1 (“%2”) is not allowed: a unified social credit code has only "
                                  "digits and capital letters other than I, O, Z, S and V.")
                      .arg(i + 1)
                      .arg(c);
        return invalid(Reason::BadCharacter, message, code, characterDetails(i, c));
    }
    if (code.size() != kUsccLength) {
        return invalid(Reason::BadLength,
                       MessageText::tr("A unified social credit code has 18 characters; this one has %n.",
                                       nullptr, static_cast<int>(code.size())),
                       code,
                       {{QStringLiteral("length"), static_cast<int>(code.size())},
                        {QStringLiteral("expectedLength"), static_cast<int>(kUsccLength)}});
    }
    for (qsizetype i = 2; i < 8; ++i) {
        if (!isAsciiDigit(code.at(i))) {
            return invalid(Reason::BadCharacter,
                           MessageText::tr("Character %1 (“%2”) must be a digit: characters 3 to 8 are the "
                                           "administrative division code.")
                               .arg(i + 1)
                               .arg(code.at(i)),
                           code, characterDetails(i, code.at(i)));
        }
    }
    const QChar expected = *usccCheckCharacter(QStringView(code).first(17));
    if (code.at(17) != expected)
        return checkCharacterMismatch(code, kUsccLength, code.at(17), expected);

    QVariantMap details{{QStringLiteral("registrationAuthority"), QString(code.at(0))},
                        {QStringLiteral("divisionCode"), code.mid(2, 6)}};
    if (const int provinceCode = code.mid(2, 2).toInt(); provinceByCode(provinceCode))
        addProvince(details, provinceCode);
    return ValidationResult{true, Reason::Valid, MessageText::tr("Valid unified social credit code."), code,
                            std::move(details)};
}

ValidationResult validateResidentId(QStringView input, QDate today)
{
    const QString id = compactIdentifier(input, true);
    if (id.isEmpty())
        return invalid(Reason::Empty, MessageText::tr("Enter the 18-character resident ID number."), id);

    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        const bool lastAndX = c == QLatin1Char('X') && i == id.size() - 1;
        if (isAsciiDigit(c) || lastAndX)
            continue;
        return invalid(
            Reason::BadCharacter,
            MessageText::tr("Character %1 (“%2”) is not allowed: a resident ID number has 17 digits "
                            "followed by a digit or X.")
                .arg(i + 1)
                .arg(c),
            id, characterDetails(i, c));
    }
    if (id.size() != kResidentIdLength) {
        const QVariantMap details{{QStringLiteral("length"), static_cast<int>(id.size())},
                                  {QStringLiteral("expectedLength"), static_cast<int>(kResidentIdLength)}};
        const QString message =
            id.size() == kFirstGenerationIdLength
                ? MessageText::tr("This is a 15-digit first-generation ID number; enter the 18-character "
                                  "number of the current resident ID card.")
                : MessageText::tr("A resident ID number has 18 characters; this one has %n.", nullptr,
                                  static_cast<int>(id.size()));
        return invalid(Reason::BadLength, message, id, details);
    }

    const int provinceCode = id.first(2).toInt();
    if (!provinceByCode(provinceCode)) {
        return invalid(Reason::UnknownProvince,
                       MessageText::tr("The number starts with %1, which is not a province code (GB/T 2260): "
                                       "check the first two digits.")
                           .arg(id.first(2)),
                       id, {{QStringLiteral("provinceCode"), provinceCode}});
    }

    const int year = id.mid(6, 4).toInt();
    const int month = id.mid(10, 2).toInt();
    const int day = id.mid(12, 2).toInt();
    const QDate birthDate(year, month, day);
    if (!birthDate.isValid()) {
        return invalid(Reason::BadBirthDate,
                       MessageText::tr("Characters 7 to 14 are the date of birth, but %1-%2-%3 is not a real "
                                       "date.")
                           .arg(id.mid(6, 4), id.mid(10, 2), id.mid(12, 2)),
                       id);
    }
    const QString birthDateText = birthDate.toString(Qt::ISODate);
    if (birthDate < QDate(1900, 1, 1)) {
        return invalid(Reason::BirthDateTooEarly,
                       MessageText::tr("The date of birth %1 is before 1900.").arg(birthDateText), id,
                       {{QStringLiteral("birthDate"), birthDateText}});
    }
    if (birthDate > today) {
        return invalid(Reason::BirthDateInFuture,
                       MessageText::tr("The date of birth %1 is in the future.").arg(birthDateText), id,
                       {{QStringLiteral("birthDate"), birthDateText}});
    }

    const QChar expected = *residentIdCheckCharacter(QStringView(id).first(17));
    if (id.at(17) != expected)
        return checkCharacterMismatch(id, kResidentIdLength, id.at(17), expected);

    QVariantMap details{{QStringLiteral("birthDate"), birthDateText},
                        {QStringLiteral("sex"),
                         digitValue(id.at(16)) % 2 == 1 ? QStringLiteral("male") : QStringLiteral("female")},
                        {QStringLiteral("divisionCode"), id.first(6)}};
    addProvince(details, provinceCode);
    return ValidationResult{true, Reason::Valid, MessageText::tr("Valid resident ID number."), id,
                            std::move(details)};
}

} // namespace validation
} // namespace pos
