// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/ChineseIdentifiers.h"

#include <array>

namespace pos {
namespace sim {
namespace {

constexpr char usccAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // 31 characters, value = index

int usccValue(QChar c)
{
    for (int i = 0; i < 31; ++i) {
        if (c == QLatin1Char(usccAlphabet[i]))
            return i;
    }
    return -1;
}

} // namespace

QChar usccCheckCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return QChar();
    int sum = 0;
    int weight = 1; // 3^(i-1) mod 31
    for (const QChar c : first17) {
        const int value = usccValue(c);
        if (value < 0)
            return QChar();
        sum += value * weight;
        weight = weight * 3 % 31;
    }
    return QLatin1Char(usccAlphabet[(31 - sum % 31) % 31]);
}

bool isValidUscc(QStringView code)
{
    if (code.size() != 18 || usccValue(code.at(17)) < 0)
        return false;
    const QChar check = usccCheckCharacter(code.first(17));
    return !check.isNull() && check == code.at(17);
}

QChar residentIdCheckCharacter(QStringView first17)
{
    static constexpr std::array<int, 17> weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char checks[] = "10X98765432";
    if (first17.size() != 17)
        return QChar();
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        const QChar c = first17.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return QChar();
        sum += (c.unicode() - u'0') * weights[static_cast<size_t>(i)];
    }
    return QLatin1Char(checks[sum % 11]);
}

bool isValidResidentId(QStringView id, const QDate& today)
{
    if (id.size() != 18)
        return false;
    const QChar check = residentIdCheckCharacter(id.first(17));
    if (check.isNull() || check != id.at(17))
        return false;
    const QDate birth = QDate::fromString(id.sliced(6, 8).toString(), QStringLiteral("yyyyMMdd"));
    return birth.isValid() && birth >= QDate(1900, 1, 1) && birth <= today;
}

} // namespace sim
} // namespace pos
