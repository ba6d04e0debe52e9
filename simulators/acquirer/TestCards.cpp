// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/TestCards.h"

namespace pos {
namespace sim {
namespace {

constexpr qint64 yuan = 100; // fen per yuan

QList<TestCard> buildTestCards()
{
    const Money plenty = Money::fromFen(10'000'000 * yuan);
    return {
        {QStringLiteral("magstripe-approve"), QStringLiteral("6225880137563118"), QStringLiteral("3012"),
         QStringLiteral("201"), QStringLiteral("123456"), TestCard::Magstripe, plenty, QStringLiteral("00"),
         QString(), Money()},
        {QStringLiteral("magstripe-approve-2"), QStringLiteral("6228480112345670"), QStringLiteral("2912"),
         QStringLiteral("101"), QStringLiteral("888888"), TestCard::Magstripe, plenty, QStringLiteral("00"),
         QString(), Money()},
        {QStringLiteral("chip-approve"), QStringLiteral("6212264200008234827"), QStringLiteral("3106"),
         QStringLiteral("220"), QStringLiteral("123456"), TestCard::Chip, plenty, QStringLiteral("00"),
         QStringLiteral("001"), Money()},
        {QStringLiteral("contactless-approve"), QStringLiteral("6234567800012349"), QStringLiteral("3003"),
         QStringLiteral("220"), QStringLiteral("246810"), TestCard::Contactless, plenty, QStringLiteral("00"),
         QStringLiteral("002"), Money()},
        {QStringLiteral("insufficient-funds"), QStringLiteral("6222021000005178"), QStringLiteral("2911"),
         QStringLiteral("201"), QStringLiteral("123456"), TestCard::Magstripe, Money::fromFen(10 * yuan),
         QStringLiteral("51"), QString(), Money()},
        {QStringLiteral("expired"), QStringLiteral("6222021000006150"), QStringLiteral("2012"),
         QStringLiteral("201"), QStringLiteral("123456"), TestCard::Magstripe, plenty, QStringLiteral("54"),
         QString(), Money()},
        {QStringLiteral("lost"), QStringLiteral("6214831000000411"), QStringLiteral("2910"),
         QStringLiteral("201"), QStringLiteral("123456"), TestCard::Magstripe, plenty, QStringLiteral("41"),
         QString(), Money()},
        {QStringLiteral("over-limit"), QStringLiteral("6227001200006122"), QStringLiteral("2908"),
         QStringLiteral("201"), QStringLiteral("123456"), TestCard::Magstripe, plenty, QStringLiteral("61"),
         QString(), Money::fromFen(5 * yuan)},
    };
}

} // namespace

const QList<TestCard>& testCards()
{
    static const QList<TestCard> cards = buildTestCards();
    return cards;
}

std::optional<TestCard> findTestCard(QStringView pan)
{
    for (const TestCard& card : testCards()) {
        if (card.pan == pan)
            return card;
    }
    return std::nullopt;
}

std::optional<TestCard> findTestCardByLabel(QStringView label)
{
    for (const TestCard& card : testCards()) {
        if (card.label == label)
            return card;
    }
    return std::nullopt;
}

QString track2Of(const TestCard& card)
{
    return card.pan + QLatin1Char('D') + card.expiry + card.serviceCode + QString(10, QLatin1Char('0'));
}

bool luhnValid(QStringView digits)
{
    if (digits.isEmpty())
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const QChar c = digits.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        int digit = c.unicode() - u'0';
        if (doubleIt) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

} // namespace sim
} // namespace pos
