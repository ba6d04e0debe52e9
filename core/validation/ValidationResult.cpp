// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/validation/ValidationResult.h"

namespace pos {
namespace validation {

QString reasonKey(Reason reason)
{
    switch (reason) {
    case Reason::Valid: return QStringLiteral("ok");
    case Reason::Empty: return QStringLiteral("empty");
    case Reason::BadCharacter: return QStringLiteral("bad_character");
    case Reason::BadLength: return QStringLiteral("bad_length");
    case Reason::BadCheckCharacter: return QStringLiteral("bad_check_character");
    case Reason::UnknownProvince: return QStringLiteral("unknown_province");
    case Reason::BadBirthDate: return QStringLiteral("bad_birth_date");
    case Reason::BirthDateInFuture: return QStringLiteral("birth_date_in_future");
    case Reason::BirthDateTooEarly: return QStringLiteral("birth_date_too_early");
    case Reason::LuhnFailure: return QStringLiteral("luhn_failure");
    case Reason::LooksLikePersonalCard: return QStringLiteral("looks_like_personal_card");
    case Reason::BadPrefix: return QStringLiteral("bad_prefix");
    case Reason::NotMainland: return QStringLiteral("not_mainland");
    case Reason::BadMiddleDot: return QStringLiteral("bad_middle_dot");
    case Reason::MixedScripts: return QStringLiteral("mixed_scripts");
    case Reason::NameMismatch: return QStringLiteral("name_mismatch");
    }
    return QStringLiteral("unknown");
}

QString compactIdentifier(QStringView input, bool upperCase)
{
    constexpr char16_t fullWidthFirst = 0xFF01;
    constexpr char16_t fullWidthLast = 0xFF5E;
    constexpr char16_t fullWidthOffset = 0xFEE0;
    QString out;
    out.reserve(input.size());
    for (QChar c : input) {
        if (c.isSpace())
            continue;
        if (c.unicode() >= fullWidthFirst && c.unicode() <= fullWidthLast)
            c = QChar(static_cast<char16_t>(c.unicode() - fullWidthOffset));
        if (upperCase && c.unicode() >= u'a' && c.unicode() <= u'z')
            c = QChar(static_cast<char16_t>(c.unicode() - (u'a' - u'A')));
        out.append(c);
    }
    return out;
}

QString maskMiddle(QStringView value, int keepFirst, int keepLast)
{
    const qsizetype size = value.size();
    if (keepFirst < 0 || keepLast < 0 || size <= keepFirst + keepLast)
        return QString(size, QLatin1Char('*'));
    return value.first(keepFirst).toString() + QString(size - keepFirst - keepLast, QLatin1Char('*')) +
           value.last(keepLast).toString();
}

} // namespace validation
} // namespace pos
