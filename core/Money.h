// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <compare>
#include <limits>
#include <optional>

namespace pos {

// How an inexact result is brought to a whole fen. Every mode is symmetric about zero: it acts on the
// magnitude and keeps the sign, so rounding -x gives exactly -(rounding x).
enum class Rounding {
    // Nearest fen, exact halves away from zero (四舍五入, Chinese retail): 2.5 → 3, -2.5 → -3, -2.4 → -2.
    HalfUp,
    // Nearest fen, exact halves to the even fen (banker's): 2.5 → 2, 3.5 → 4, -2.5 → -2, -3.5 → -4.
    HalfEven,
    // Toward zero (truncate): 2.9 → 2, -2.9 → -2.
    Down,
    // Away from zero: 2.1 → 3, -2.1 → -3.
    Up,
};

// An exact amount of money in fen (1 yuan = 100 fen), stored as a signed 64-bit integer. No floating point
// is used anywhere: not in arithmetic, not in formatting, not in parsing.
//
// Overflow contract: the operators + - += -= and unary - treat a result outside the qint64 range as a
// programming error (Q_ASSERT in debug builds; release builds wrap two's-complement, without undefined
// behaviour). Code that handles untrusted or unbounded values uses the checked* variants, which return
// std::nullopt instead of overflowing.
class Money final
{
public:
    // Zero fen.
    constexpr Money() = default;

    static constexpr Money fromFen(qint64 fen) { return Money(fen); }
    static constexpr Money zero() { return Money(0); }

    constexpr qint64 fen() const { return m_fen; }
    constexpr bool isZero() const { return m_fen == 0; }
    constexpr bool isNegative() const { return m_fen < 0; }

    friend constexpr auto operator<=>(const Money&, const Money&) = default;
    friend constexpr bool operator==(const Money&, const Money&) = default;

    // Asserts that the result fits in qint64 (see the overflow contract above).
    friend constexpr Money operator+(Money a, Money b)
    {
        Q_ASSERT_X(!addOverflows(a.m_fen, b.m_fen), "Money::operator+", "qint64 overflow");
        return Money(wrap(static_cast<quint64>(a.m_fen) + static_cast<quint64>(b.m_fen)));
    }
    friend constexpr Money operator-(Money a, Money b)
    {
        Q_ASSERT_X(!subOverflows(a.m_fen, b.m_fen), "Money::operator-", "qint64 overflow");
        return Money(wrap(static_cast<quint64>(a.m_fen) - static_cast<quint64>(b.m_fen)));
    }
    // Asserts for the one amount without a negation, fromFen(std::numeric_limits<qint64>::min()).
    friend constexpr Money operator-(Money a)
    {
        Q_ASSERT_X(a.m_fen != std::numeric_limits<qint64>::min(), "Money::operator-", "qint64 overflow");
        return Money(wrap(0 - static_cast<quint64>(a.m_fen)));
    }
    constexpr Money& operator+=(Money other) { return *this = *this + other; }
    constexpr Money& operator-=(Money other) { return *this = *this - other; }

    // Exact sum, difference and product (amount × factor), or std::nullopt when the result does not fit
    // in qint64.
    constexpr std::optional<Money> checkedAdd(Money other) const
    {
        if (addOverflows(m_fen, other.m_fen))
            return std::nullopt;
        return Money(m_fen + other.m_fen);
    }
    constexpr std::optional<Money> checkedSub(Money other) const
    {
        if (subOverflows(m_fen, other.m_fen))
            return std::nullopt;
        return Money(m_fen - other.m_fen);
    }
    std::optional<Money> checkedMultiply(qint64 factor) const;

    // Unit price × quantity, where quantityMilli is the quantity in thousandths (1.234 kg = 1234 for a
    // per-kg price; 3 pieces = 3000). Result = round(fen × quantityMilli / 1000) with an exact 128-bit
    // intermediate; a negative quantity gives a negated result. times() asserts that the result fits in
    // qint64; checkedTimes() returns std::nullopt instead.
    Money times(qint64 quantityMilli, Rounding rounding) const;
    std::optional<Money> checkedTimes(qint64 quantityMilli, Rounding rounding) const;

    // This amount × basisPoints / 10000, rounded (1 bp = 0.01 %: 13 % = 1300, 0.38 % = 38), with an exact
    // 128-bit intermediate. Negative basis points give a negated result. percentage() asserts that the result
    // fits in qint64 (only possible above 10000 bp); checkedPercentage() returns std::nullopt instead.
    Money percentage(int basisPoints, Rounding rounding) const;
    std::optional<Money> checkedPercentage(int basisPoints, Rounding rounding) const;

    // The tax contained in a tax-inclusive price: round(gross × rate / (10000 + rate)), rate in basis points.
    // Its magnitude never exceeds |gross|, so it cannot overflow; net = gross - tax. rateBasisPoints must be
    // >= 0 (asserted); a negative rate yields zero in release builds.
    static Money taxIncluded(Money gross, int rateBasisPoints, Rounding rounding);

    // Splits this amount into weights.size() parts proportional to the weights that sum exactly to this
    // amount (largest remainder method). Each part is the exact share truncated toward zero; the fen left
    // over go one each to the parts with the largest fractional remainders, ties to the earlier entry.
    // Every part is therefore within 1 fen of its exact share and carries this amount's sign (or is zero).
    // Returns an empty list when weights is empty, any weight is negative or the weights sum to zero.
    QList<Money> allocate(const QList<qint64>& weights) const;

    // Locale-independent yuan with exactly two decimals, '-' for negatives, no grouping, no currency sign:
    // "12.34", "-0.05", "0.00", "1234567.89".
    QString toDecimalString() const;
    // toDecimalString() with the yuan sign U+00A5 after the minus: "¥12.34", "-¥0.05".
    QString toDisplayString() const;

    // Parses [whitespace][+|-]digits[.d|.dd][whitespace] in yuan, ASCII digits only, leading zeros allowed
    // ("12", "12.3", "-12.34", "+1", " 12.34 "). Rejects anything else: more than two decimals, a dot without
    // digits on both sides ("12.", ".5"), grouping separators, exponents, non-ASCII digits, empty input, and
    // values outside the qint64 fen range. Exact integer arithmetic; toDecimalString() output always
    // round-trips.
    static std::optional<Money> parseDecimal(QStringView text);

private:
    constexpr explicit Money(qint64 fen) : m_fen(fen) {}

    static constexpr bool addOverflows(qint64 a, qint64 b)
    {
        return (b > 0 && a > std::numeric_limits<qint64>::max() - b) ||
               (b < 0 && a < std::numeric_limits<qint64>::min() - b);
    }
    static constexpr bool subOverflows(qint64 a, qint64 b)
    {
        return (b < 0 && a > std::numeric_limits<qint64>::max() + b) ||
               (b > 0 && a < std::numeric_limits<qint64>::min() + b);
    }
    // Modular conversion (well defined since C++20).
    static constexpr qint64 wrap(quint64 bits) { return static_cast<qint64>(bits); }

    qint64 m_fen = 0;
};

} // namespace pos

Q_DECLARE_METATYPE(pos::Money)
