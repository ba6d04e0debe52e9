// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/validation/ContactDetails.h"

#include <QCoreApplication>
#include <QList>

namespace pos {
namespace validation {
namespace {

struct MessageText
{
    Q_DECLARE_TR_FUNCTIONS(pos::validation::ContactDetails)
};

constexpr qsizetype kMobileLength = 11;
constexpr int kPersonNameMin = 2;
constexpr int kPersonNameMax = 30;
constexpr int kBusinessNameMin = 2;
constexpr int kBusinessNameMax = 100;

constexpr char32_t kMiddleDot = 0x00B7;
constexpr char32_t kIdeographicComma = 0x3001;
constexpr char32_t kFullWidthOpen = 0xFF08;
constexpr char32_t kFullWidthClose = 0xFF09;

ValidationResult invalid(Reason reason, QString message, QString normalized, QVariantMap details = {})
{
    return ValidationResult{false, reason, std::move(message), std::move(normalized), std::move(details)};
}

bool isHan(char32_t c)
{
    return c == 0x3007                        // 〇
           || (c >= 0x3400 && c <= 0x4DBF)    // extension A
           || (c >= 0x4E00 && c <= 0x9FFF)    // unified ideographs
           || (c >= 0x20000 && c <= 0x2A6DF)  // extension B
           || (c >= 0x2A700 && c <= 0x2EBEF)  // extensions C–F
           || (c >= 0x30000 && c <= 0x323AF); // extensions G–H
}

bool isLatinLetter(char32_t c)
{
    return QChar::isLetter(c) && QChar::script(c) == QChar::Script_Latin;
}

bool isSpace(char32_t c)
{
    return QChar::isSpace(c);
}

// Full-width ASCII forms to ASCII and the middle-dot look-alikes to U+00B7.
char32_t unifyForm(char32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFEE0;
    if (c == 0x30FB || c == 0x2027 || c == 0xFF65)
        return kMiddleDot;
    return c;
}

// Unified forms, trimmed, every run of whitespace as one ' '.
QList<char32_t> unifyAndCollapse(QStringView input)
{
    QList<char32_t> out;
    bool pendingSpace = false;
    for (char32_t c : input.toUcs4()) {
        c = unifyForm(c);
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(U' ');
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

QString fromCodePoints(const QList<char32_t>& codePoints)
{
    return QString::fromUcs4(codePoints.constData(), codePoints.size());
}

QVariantMap characterDetails(qsizetype index, char32_t c)
{
    return {{QStringLiteral("position"), static_cast<int>(index + 1)},
            {QStringLiteral("character"), QString::fromUcs4(&c, 1)}};
}

ValidationResult nameBadCharacter(const QList<char32_t>& name, qsizetype index)
{
    const char32_t c = name.at(index);
    return invalid(Reason::BadCharacter,
                   MessageText::tr("Character %1 (“%2”) is not allowed in a person's name.")
                       .arg(index + 1)
                       .arg(QString::fromUcs4(&c, 1)),
                   fromCodePoints(name), characterDetails(index, c));
}

QString normalizedForComparison(QStringView name, AccountHolder holder)
{
    return holder == AccountHolder::Company ? validateBusinessName(name).normalized
                                            : validatePersonName(name).normalized;
}

} // namespace

ValidationResult validateMobile(QStringView input)
{
    QString number = compactIdentifier(input, false);
    number.remove(QLatin1Char('-'));
    if (number.isEmpty())
        return invalid(Reason::Empty, MessageText::tr("Enter the mobile number."), number);

    const bool international = number.startsWith(QLatin1Char('+')) || number.startsWith(QLatin1String("00"));
    if (number.startsWith(QLatin1String("+86")))
        number.remove(0, 3);
    else if (number.startsWith(QLatin1String("0086")))
        number.remove(0, 4);
    else if (international)
        return invalid(Reason::NotMainland,
                       MessageText::tr("Only mainland China mobile numbers (+86) are accepted."), number);
    else if (number.startsWith(QLatin1String("86")) && number.size() == kMobileLength + 2)
        number.remove(0, 2);

    for (qsizetype i = 0; i < number.size(); ++i) {
        const QChar c = number.at(i);
        if (c.unicode() >= u'0' && c.unicode() <= u'9')
            continue;
        return invalid(Reason::BadCharacter,
                       MessageText::tr("Character %1 (“%2”) is not a digit.").arg(i + 1).arg(c), number,
                       characterDetails(i, c.unicode()));
    }
    if (number.size() != kMobileLength) {
        return invalid(Reason::BadLength,
                       MessageText::tr("A mainland mobile number has 11 digits; this one has %n.", nullptr,
                                       static_cast<int>(number.size())),
                       number,
                       {{QStringLiteral("length"), static_cast<int>(number.size())},
                        {QStringLiteral("expectedLength"), static_cast<int>(kMobileLength)}});
    }
    if (number.at(0) != QLatin1Char('1') || number.at(1).unicode() < u'3') {
        return invalid(
            Reason::BadPrefix,
            MessageText::tr("A mainland mobile number starts with 13 to 19, not %1.").arg(number.first(2)),
            number);
    }
    return ValidationResult{true, Reason::Valid, MessageText::tr("Valid mobile number."), number, {}};
}

ValidationResult validatePersonName(QStringView input)
{
    QList<char32_t> name = unifyAndCollapse(input);
    if (name.isEmpty())
        return invalid(Reason::Empty, MessageText::tr("Enter the name."), QString());

    bool hasHan = false;
    bool hasLatin = false;
    for (char32_t c : name) {
        hasHan = hasHan || isHan(c);
        hasLatin = hasLatin || isLatinLetter(c);
    }
    if (hasHan && !hasLatin)
        name.removeAll(U' ');

    const auto latinPunctuation = [](char32_t c) { return c == U'-' || c == U'\'' || c == U'.'; };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char32_t c = name.at(i);
        const bool allowed =
            isHan(c) || isLatinLetter(c) || c == U' ' || c == kMiddleDot || latinPunctuation(c);
        if (!allowed)
            return nameBadCharacter(name, i);
    }
    if (hasHan && hasLatin) {
        return invalid(Reason::MixedScripts,
                       MessageText::tr("A name is written either in Chinese characters or in Latin letters, "
                                       "not both."),
                       fromCodePoints(name));
    }
    if (!hasHan && !hasLatin)
        return nameBadCharacter(name, 0);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char32_t c = name.at(i);
        if ((hasHan && latinPunctuation(c)) || (hasLatin && c == kMiddleDot) ||
            (hasLatin && i == 0 && !isLatinLetter(c)))
            return nameBadCharacter(name, i);
    }
    if (hasHan) {
        for (qsizetype i = 0; i < name.size(); ++i) {
            if (name.at(i) != kMiddleDot)
                continue;
            if (i == 0 || i == name.size() - 1 || name.at(i - 1) == kMiddleDot) {
                return invalid(Reason::BadMiddleDot,
                               MessageText::tr("The middle dot · (character %1) must stand between two parts "
                                               "of the name.")
                                   .arg(i + 1),
                               fromCodePoints(name), {{QStringLiteral("position"), static_cast<int>(i + 1)}});
            }
        }
    }
    const QString normalized = fromCodePoints(name);
    if (name.size() < kPersonNameMin || name.size() > kPersonNameMax) {
        return invalid(Reason::BadLength,
                       MessageText::tr("A name has 2 to 30 characters; this one has %n.", nullptr,
                                       static_cast<int>(name.size())),
                       normalized,
                       {{QStringLiteral("length"), static_cast<int>(name.size())},
                        {QStringLiteral("minLength"), kPersonNameMin},
                        {QStringLiteral("maxLength"), kPersonNameMax}});
    }
    return ValidationResult{
        true,
        Reason::Valid,
        MessageText::tr("Valid name."),
        normalized,
        {{QStringLiteral("script"), hasHan ? QStringLiteral("han") : QStringLiteral("latin")}}};
}

ValidationResult validateBusinessName(QStringView input)
{
    const QList<char32_t> collapsed = unifyAndCollapse(input);
    const auto isWide = [](char32_t c) {
        return isHan(c) || c == kFullWidthOpen || c == kFullWidthClose || c == kMiddleDot ||
               c == kIdeographicComma;
    };
    QList<char32_t> name;
    for (qsizetype i = 0; i < collapsed.size(); ++i) {
        char32_t c = collapsed.at(i);
        if (c == U'(')
            c = kFullWidthOpen;
        else if (c == U')')
            c = kFullWidthClose;
        if (c == U' ') {
            const char32_t before = name.isEmpty() ? U' ' : name.constLast();
            const char32_t after = i + 1 < collapsed.size() ? collapsed.at(i + 1) : U' ';
            if (isWide(before) || isWide(after) || after == U'(' || after == U')')
                continue;
        }
        name.append(c);
    }
    const QString normalized = fromCodePoints(name);
    if (name.isEmpty())
        return invalid(Reason::Empty, MessageText::tr("Enter the business name."), normalized);

    for (qsizetype i = 0; i < name.size(); ++i) {
        const char32_t c = name.at(i);
        const bool allowed = isHan(c) || QChar::isLetterOrNumber(c) || isWide(c) || c == U' ' || c == U'&' ||
                             c == U'-' || c == U'.' || c == U',' || c == U'\'';
        if (!allowed) {
            return invalid(Reason::BadCharacter,
                           MessageText::tr("Character %1 (“%2”) is not allowed in a business name.")
                               .arg(i + 1)
                               .arg(QString::fromUcs4(&c, 1)),
                           normalized, characterDetails(i, c));
        }
    }
    if (name.size() < kBusinessNameMin || name.size() > kBusinessNameMax) {
        return invalid(Reason::BadLength,
                       MessageText::tr("A business name has 2 to 100 characters; this one has %n.", nullptr,
                                       static_cast<int>(name.size())),
                       normalized,
                       {{QStringLiteral("length"), static_cast<int>(name.size())},
                        {QStringLiteral("minLength"), kBusinessNameMin},
                        {QStringLiteral("maxLength"), kBusinessNameMax}});
    }
    return ValidationResult{true, Reason::Valid, MessageText::tr("Valid business name."), normalized, {}};
}

ValidationResult validateAccountName(QStringView accountName, QStringView expectedName, AccountHolder holder)
{
    ValidationResult result = holder == AccountHolder::Company ? validateBusinessName(accountName)
                                                               : validatePersonName(accountName);
    if (!result.valid)
        return result;
    if (result.normalized.compare(normalizedForComparison(expectedName, holder), Qt::CaseInsensitive) == 0)
        return result;
    const QString message =
        holder == AccountHolder::Company
            ? MessageText::tr("The account name must be exactly the company name on the business licence.")
            : MessageText::tr("The account name must be exactly the legal representative's name.");
    return invalid(Reason::NameMismatch, message, result.normalized);
}

} // namespace validation
} // namespace pos
