// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/Money.h"

#include <algorithm>
#include <numeric>
#include <vector>

#ifndef __SIZEOF_INT128__
#error "pos::Money needs a 128-bit integer type (__int128) for exact intermediates"
#endif

namespace pos {

namespace {

__extension__ typedef __int128 Int128;

static_assert(sizeof(Int128) == 16, "Money needs an exact 128-bit intermediate");

constexpr Int128 kMinFen = std::numeric_limits<qint64>::min();
constexpr Int128 kMaxFen = std::numeric_limits<qint64>::max();

constexpr bool fitsInFen(Int128 value)
{
    return value >= kMinFen && value <= kMaxFen;
}

constexpr Int128 magnitude(Int128 value)
{
    return value < 0 ? -value : value;
}

// numerator / denominator rounded to an integer; denominator must be positive and below 2^100.
Int128 divideRounded(Int128 numerator, Int128 denominator, Rounding rounding)
{
    Q_ASSERT(denominator > 0);
    const Int128 quotient = numerator / denominator;  // truncated toward zero
    const Int128 remainder = numerator % denominator; // sign of numerator
    if (remainder == 0)
        return quotient;
    const Int128 awayFromZero = numerator < 0 ? quotient - 1 : quotient + 1;
    const Int128 twiceRemainder = magnitude(remainder) * 2;
    switch (rounding) {
    case Rounding::Down: return quotient;
    case Rounding::Up: return awayFromZero;
    case Rounding::HalfUp: return twiceRemainder >= denominator ? awayFromZero : quotient;
    case Rounding::HalfEven:
        if (twiceRemainder != denominator)
            return twiceRemainder > denominator ? awayFromZero : quotient;
        return quotient % 2 == 0 ? quotient : awayFromZero;
    }
    Q_UNREACHABLE();
    return quotient;
}

std::optional<Money> toMoney(Int128 fen)
{
    if (!fitsInFen(fen))
        return std::nullopt;
    return Money::fromFen(static_cast<qint64>(fen));
}

// "12.34" for 1234 fen of magnitude, no sign.
QString magnitudeString(qint64 fen)
{
    const quint64 fenMagnitude = fen < 0 ? 0 - static_cast<quint64>(fen) : static_cast<quint64>(fen);
    return QString::number(fenMagnitude / 100) + u'.' +
           QString::number(fenMagnitude % 100).rightJustified(2, u'0');
}

constexpr bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

constexpr int digitValue(QChar c)
{
    return c.unicode() - u'0';
}

} // namespace

std::optional<Money> Money::checkedMultiply(qint64 factor) const
{
    return toMoney(Int128(m_fen) * factor);
}

std::optional<Money> Money::checkedTimes(qint64 quantityMilli, Rounding rounding) const
{
    return toMoney(divideRounded(Int128(m_fen) * quantityMilli, 1000, rounding));
}

Money Money::times(qint64 quantityMilli, Rounding rounding) const
{
    const std::optional<Money> result = checkedTimes(quantityMilli, rounding);
    Q_ASSERT_X(result.has_value(), "Money::times", "qint64 overflow");
    return result.value_or(Money());
}

std::optional<Money> Money::checkedPercentage(int basisPoints, Rounding rounding) const
{
    return toMoney(divideRounded(Int128(m_fen) * basisPoints, 10000, rounding));
}

Money Money::percentage(int basisPoints, Rounding rounding) const
{
    const std::optional<Money> result = checkedPercentage(basisPoints, rounding);
    Q_ASSERT_X(result.has_value(), "Money::percentage", "qint64 overflow");
    return result.value_or(Money());
}

Money Money::taxIncluded(Money gross, int rateBasisPoints, Rounding rounding)
{
    Q_ASSERT_X(rateBasisPoints >= 0, "Money::taxIncluded", "negative tax rate");
    if (rateBasisPoints <= 0)
        return Money();
    const Int128 tax =
        divideRounded(Int128(gross.m_fen) * rateBasisPoints, Int128(10000) + rateBasisPoints, rounding);
    return Money(static_cast<qint64>(tax)); // |tax| <= |gross|
}

QList<Money> Money::allocate(const QList<qint64>& weights) const
{
    Int128 weightSum = 0;
    for (const qint64 weight : weights) {
        if (weight < 0)
            return {};
        weightSum += weight;
    }
    if (weightSum <= 0)
        return {};

    // Work on the magnitude; the sign is applied at the end, so negative amounts split symmetrically.
    const Int128 total = magnitude(m_fen);
    const qsizetype count = weights.size();
    std::vector<Int128> parts(static_cast<size_t>(count));
    std::vector<Int128> remainders(static_cast<size_t>(count));
    Int128 assigned = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const Int128 exact = total * weights.at(i); // < 2^127
        const auto at = static_cast<size_t>(i);
        parts[at] = exact / weightSum;
        remainders[at] = exact % weightSum;
        assigned += parts[at];
    }

    // Fewer than count fen are left over; hand them out by descending remainder, ties to the earlier entry.
    std::vector<size_t> order(static_cast<size_t>(count));
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&remainders](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    Int128 leftover = total - assigned;
    for (size_t i = 0; leftover > 0; ++i, --leftover)
        parts[order[i]] += 1;

    QList<Money> result;
    result.reserve(count);
    for (const Int128 part : parts)
        result.append(Money(static_cast<qint64>(m_fen < 0 ? -part : part)));
    return result;
}

QString Money::toDecimalString() const
{
    if (m_fen < 0)
        return u'-' + magnitudeString(m_fen);
    return magnitudeString(m_fen);
}

QString Money::toDisplayString() const
{
    const QChar yuanSign(0x00A5);
    if (m_fen < 0)
        return u'-' + (yuanSign + magnitudeString(m_fen));
    return yuanSign + magnitudeString(m_fen);
}

std::optional<Money> Money::parseDecimal(QStringView text)
{
    const QStringView input = text.trimmed();
    qsizetype at = 0;
    bool negative = false;
    if (at < input.size() && (input[at] == u'+' || input[at] == u'-')) {
        negative = input[at] == u'-';
        ++at;
    }

    // Integer part: at least one digit. Stop accumulating early so the value stays bounded.
    const qsizetype integerStart = at;
    Int128 yuan = 0;
    while (at < input.size() && isAsciiDigit(input[at])) {
        yuan = yuan * 10 + digitValue(input[at]);
        if (yuan > kMaxFen)
            return std::nullopt;
        ++at;
    }
    if (at == integerStart)
        return std::nullopt;

    // Optional fraction: a dot followed by one or two digits.
    Int128 fraction = 0;
    if (at < input.size() && input[at] == u'.') {
        ++at;
        const qsizetype fractionStart = at;
        while (at < input.size() && isAsciiDigit(input[at]) && at - fractionStart < 2) {
            fraction = fraction * 10 + digitValue(input[at]);
            ++at;
        }
        const qsizetype fractionDigits = at - fractionStart;
        if (fractionDigits == 0)
            return std::nullopt;
        if (fractionDigits == 1)
            fraction *= 10;
    }
    if (at != input.size())
        return std::nullopt;

    const Int128 fen = yuan * 100 + fraction;
    return toMoney(negative ? -fen : fen);
}

} // namespace pos
