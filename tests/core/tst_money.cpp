// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/Money.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>
#include <QVariant>

#include <initializer_list>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

using namespace pos;

using OptionalMoney = std::optional<Money>;

namespace pos {

// QCOMPARE failure output, found by argument-dependent lookup.
char* toString(const Money& money)
{
    return QTest::toString(
        QStringLiteral("%1 (%2 fen)").arg(money.toDecimalString(), QString::number(money.fen())));
}

char* toString(const std::optional<Money>& money)
{
    return money ? toString(*money) : qstrdup("nullopt");
}

} // namespace pos

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

constexpr Money fen(qint64 value)
{
    return Money::fromFen(value);
}

QList<Money> fens(std::initializer_list<qint64> values)
{
    QList<Money> result;
    for (const qint64 value : values)
        result.append(Money::fromFen(value));
    return result;
}

const char* roundingName(Rounding rounding)
{
    switch (rounding) {
    case Rounding::HalfUp: return "HalfUp";
    case Rounding::HalfEven: return "HalfEven";
    case Rounding::Down: return "Down";
    case Rounding::Up: return "Up";
    }
    return "?";
}

// One row per rounding mode: name/HalfUp, name/HalfEven, name/Down, name/Up.
void addRoundingRows(
    const char* name, Money amount, qint64 operand, qint64 halfUp, qint64 halfEven, qint64 down, qint64 up)
{
    const std::pair<Rounding, qint64> expectations[] = {{Rounding::HalfUp, halfUp},
                                                        {Rounding::HalfEven, halfEven},
                                                        {Rounding::Down, down},
                                                        {Rounding::Up, up}};
    for (const auto& [rounding, expected] : expectations)
        QTest::addRow("%s/%s", name, roundingName(rounding))
            << amount << operand << rounding << fen(expected);
}

void addAllRoundingsRow(const char* name, Money amount, qint64 operand, qint64 expected)
{
    addRoundingRows(name, amount, operand, expected, expected, expected, expected);
}

} // namespace

// The type is exact and explicit: no conversions in or out, usable at compile time.
static_assert(!std::is_convertible_v<qint64, Money>);
static_assert(!std::is_convertible_v<int, Money>);
static_assert(!std::is_constructible_v<Money, qint64>);
static_assert(!std::is_constructible_v<Money, double>);
static_assert(!std::is_convertible_v<Money, qint64>);
static_assert(!std::is_convertible_v<Money, double>);
static_assert(!std::is_convertible_v<Money, bool>);
static_assert(std::is_trivially_copyable_v<Money>);
static_assert(Money::fromFen(1234).fen() == 1234);
static_assert(Money().fen() == 0 && Money::zero().isZero());
static_assert(Money::fromFen(2) + Money::fromFen(3) == Money::fromFen(5));
static_assert(Money::fromFen(2) - Money::fromFen(3) == Money::fromFen(-1));
static_assert(Money::fromFen(-7) < Money::fromFen(3));

class tst_Money final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fenRoundTripsThroughFromFen_data();
    void fenRoundTripsThroughFromFen();
    void zeroAndDefaultAreZeroFen();
    void comparesByFen_data();
    void comparesByFen();
    void predicates_data();
    void predicates();
    void addsAndSubtracts_data();
    void addsAndSubtracts();
    void compoundAssignmentMatchesOperators_data();
    void compoundAssignmentMatchesOperators();
    void negates_data();
    void negates();
    void checkedAdd_data();
    void checkedAdd();
    void checkedSub_data();
    void checkedSub();
    void checkedMultiply_data();
    void checkedMultiply();
    void timesRoundsQuantity_data();
    void timesRoundsQuantity();
    void checkedTimesDetectsOverflow_data();
    void checkedTimesDetectsOverflow();
    void percentageRounds_data();
    void percentageRounds();
    void checkedPercentageDetectsOverflow_data();
    void checkedPercentageDetectsOverflow();
    void taxIncludedExtractsTax_data();
    void taxIncludedExtractsTax();
    void allocateSplitsByLargestRemainder_data();
    void allocateSplitsByLargestRemainder();
    void allocateRejectsInvalidWeights_data();
    void allocateRejectsInvalidWeights();
    void allocatePartsSumToAmountAtInt64Limits_data();
    void allocatePartsSumToAmountAtInt64Limits();
    void allocateRandomPartsSumExactlyAndStayWithinOneFen();
    void toDecimalString_data();
    void toDecimalString();
    void toDisplayString_data();
    void toDisplayString();
    void formattingIgnoresDefaultLocale();
    void parseDecimalAccepts_data();
    void parseDecimalAccepts();
    void parseDecimalRejects_data();
    void parseDecimalRejects();
    void parseOfFormatRoundTrips_data();
    void parseOfFormatRoundTrips();
    void travelsInQVariant();
};

void tst_Money::fenRoundTripsThroughFromFen_data()
{
    QTest::addColumn<qint64>("value");
    QTest::newRow("zero") << qint64{0};
    QTest::newRow("one") << qint64{1};
    QTest::newRow("negative") << qint64{-1234};
    QTest::newRow("max") << kMax;
    QTest::newRow("min") << kMin;
}

void tst_Money::fenRoundTripsThroughFromFen()
{
    QFETCH(qint64, value);
    QCOMPARE(Money::fromFen(value).fen(), value);
}

void tst_Money::zeroAndDefaultAreZeroFen()
{
    QCOMPARE(Money::zero().fen(), qint64{0});
    QCOMPARE(Money().fen(), qint64{0});
    QCOMPARE(Money(), Money::zero());
}

void tst_Money::comparesByFen_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<int>("order"); // sign of a - b

    QTest::newRow("equal") << fen(1234) << fen(1234) << 0;
    QTest::newRow("less") << fen(1233) << fen(1234) << -1;
    QTest::newRow("greater") << fen(1) << fen(0) << 1;
    QTest::newRow("negative less than zero") << fen(-1) << fen(0) << -1;
    QTest::newRow("negatives") << fen(-100) << fen(-99) << -1;
    QTest::newRow("min vs max") << fen(kMin) << fen(kMax) << -1;
    QTest::newRow("max equal") << fen(kMax) << fen(kMax) << 0;
}

void tst_Money::comparesByFen()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(int, order);

    QCOMPARE(a == b, order == 0);
    QCOMPARE(a != b, order != 0);
    QCOMPARE(a < b, order < 0);
    QCOMPARE(a <= b, order <= 0);
    QCOMPARE(a > b, order > 0);
    QCOMPARE(a >= b, order >= 0);
    QCOMPARE(b<a, order> 0);
}

void tst_Money::predicates_data()
{
    QTest::addColumn<Money>("money");
    QTest::addColumn<bool>("isZero");
    QTest::addColumn<bool>("isNegative");

    QTest::newRow("zero") << fen(0) << true << false;
    QTest::newRow("one fen") << fen(1) << false << false;
    QTest::newRow("minus one fen") << fen(-1) << false << true;
    QTest::newRow("max") << fen(kMax) << false << false;
    QTest::newRow("min") << fen(kMin) << false << true;
}

void tst_Money::predicates()
{
    QFETCH(Money, money);
    QFETCH(bool, isZero);
    QFETCH(bool, isNegative);

    QCOMPARE(money.isZero(), isZero);
    QCOMPARE(money.isNegative(), isNegative);
}

void tst_Money::addsAndSubtracts_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<Money>("sum");
    QTest::addColumn<Money>("difference");

    QTest::newRow("small") << fen(1234) << fen(66) << fen(1300) << fen(1168);
    QTest::newRow("crosses zero") << fen(5) << fen(12) << fen(17) << fen(-7);
    QTest::newRow("negatives") << fen(-5) << fen(-12) << fen(-17) << fen(7);
    QTest::newRow("zero") << fen(0) << fen(0) << fen(0) << fen(0);
    QTest::newRow("up to max") << fen(kMax - 1) << fen(1) << fen(kMax) << fen(kMax - 2);
    QTest::newRow("down to min") << fen(kMin + 1) << fen(-1) << fen(kMin) << fen(kMin + 2);
    QTest::newRow("difference reaches min") << fen(-1) << fen(kMax) << fen(kMax - 1) << fen(kMin);
}

void tst_Money::addsAndSubtracts()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(Money, sum);
    QFETCH(Money, difference);

    QCOMPARE(a + b, sum);
    QCOMPARE(b + a, sum);
    QCOMPARE(a - b, difference);
}

void tst_Money::compoundAssignmentMatchesOperators_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");

    QTest::newRow("positive") << fen(1234) << fen(66);
    QTest::newRow("mixed") << fen(-5) << fen(12);
    QTest::newRow("near limits") << fen(kMax - 10) << fen(10);
}

void tst_Money::compoundAssignmentMatchesOperators()
{
    QFETCH(Money, a);
    QFETCH(Money, b);

    Money added = a;
    added += b;
    QCOMPARE(added, a + b);

    Money subtracted = a;
    subtracted -= b;
    QCOMPARE(subtracted, a - b);
}

void tst_Money::negates_data()
{
    QTest::addColumn<Money>("money");
    QTest::addColumn<Money>("negated");

    QTest::newRow("positive") << fen(1234) << fen(-1234);
    QTest::newRow("negative") << fen(-5) << fen(5);
    QTest::newRow("zero") << fen(0) << fen(0);
    QTest::newRow("max") << fen(kMax) << fen(-kMax);
    QTest::newRow("min + 1") << fen(kMin + 1) << fen(kMax);
}

void tst_Money::negates()
{
    QFETCH(Money, money);
    QFETCH(Money, negated);

    QCOMPARE(-money, negated);
    QCOMPARE(-(-money), money);
}

void tst_Money::checkedAdd_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<OptionalMoney>("expected");

    QTest::newRow("small") << fen(100) << fen(-30) << OptionalMoney(fen(70));
    QTest::newRow("reaches max") << fen(kMax - 5) << fen(5) << OptionalMoney(fen(kMax));
    QTest::newRow("one past max") << fen(kMax - 5) << fen(6) << OptionalMoney();
    QTest::newRow("max plus max") << fen(kMax) << fen(kMax) << OptionalMoney();
    QTest::newRow("reaches min") << fen(kMin + 5) << fen(-5) << OptionalMoney(fen(kMin));
    QTest::newRow("one past min") << fen(kMin + 5) << fen(-6) << OptionalMoney();
    QTest::newRow("min plus min") << fen(kMin) << fen(kMin) << OptionalMoney();
    QTest::newRow("max plus min") << fen(kMax) << fen(kMin) << OptionalMoney(fen(-1));
}

void tst_Money::checkedAdd()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(OptionalMoney, expected);

    QCOMPARE(a.checkedAdd(b), expected);
    QCOMPARE(b.checkedAdd(a), expected);
}

void tst_Money::checkedSub_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<OptionalMoney>("expected");

    QTest::newRow("small") << fen(100) << fen(130) << OptionalMoney(fen(-30));
    QTest::newRow("reaches max") << fen(kMax - 5) << fen(-5) << OptionalMoney(fen(kMax));
    QTest::newRow("one past max") << fen(kMax - 5) << fen(-6) << OptionalMoney();
    QTest::newRow("zero minus min") << fen(0) << fen(kMin) << OptionalMoney();
    QTest::newRow("minus one minus min") << fen(-1) << fen(kMin) << OptionalMoney(fen(kMax));
    QTest::newRow("reaches min") << fen(kMin + 5) << fen(5) << OptionalMoney(fen(kMin));
    QTest::newRow("one past min") << fen(kMin + 5) << fen(6) << OptionalMoney();
    QTest::newRow("min minus max") << fen(kMin) << fen(kMax) << OptionalMoney();
    QTest::newRow("max minus max") << fen(kMax) << fen(kMax) << OptionalMoney(fen(0));
}

void tst_Money::checkedSub()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(OptionalMoney, expected);

    QCOMPARE(a.checkedSub(b), expected);
}

void tst_Money::checkedMultiply_data()
{
    QTest::addColumn<Money>("money");
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<OptionalMoney>("expected");

    QTest::newRow("small") << fen(1234) << qint64{3} << OptionalMoney(fen(3702));
    QTest::newRow("negative factor") << fen(1234) << qint64{-3} << OptionalMoney(fen(-3702));
    QTest::newRow("zero factor") << fen(kMax) << qint64{0} << OptionalMoney(fen(0));
    QTest::newRow("max times one") << fen(kMax) << qint64{1} << OptionalMoney(fen(kMax));
    QTest::newRow("max times minus one") << fen(kMax) << qint64{-1} << OptionalMoney(fen(-kMax));
    QTest::newRow("min times minus one") << fen(kMin) << qint64{-1} << OptionalMoney();
    QTest::newRow("max times two") << fen(kMax) << qint64{2} << OptionalMoney();
    QTest::newRow("half max times two") << fen(kMax / 2) << qint64{2} << OptionalMoney(fen(kMax - 1));
    QTest::newRow("half min times two") << fen(kMin / 2) << qint64{2} << OptionalMoney(fen(kMin));
    QTest::newRow("just past max") << fen(kMax / 3 + 1) << qint64{3} << OptionalMoney();
    QTest::newRow("max times max") << fen(kMax) << kMax << OptionalMoney();
}

void tst_Money::checkedMultiply()
{
    QFETCH(Money, money);
    QFETCH(qint64, factor);
    QFETCH(OptionalMoney, expected);

    QCOMPARE(money.checkedMultiply(factor), expected);
}

void tst_Money::timesRoundsQuantity_data()
{
    QTest::addColumn<Money>("price");
    QTest::addColumn<qint64>("quantityMilli");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<Money>("expected");

    // Columns: HalfUp, HalfEven, Down, Up.
    addRoundingRows("1 fen x 0.5", fen(1), 500, 1, 0, 0, 1);
    addRoundingRows("3 fen x 0.5", fen(3), 500, 2, 2, 1, 2);
    addRoundingRows("5 fen x 0.5", fen(5), 500, 3, 2, 2, 3);
    addRoundingRows("-1 fen x 0.5", fen(-1), 500, -1, 0, 0, -1);
    addRoundingRows("-3 fen x 0.5", fen(-3), 500, -2, -2, -1, -2);
    addRoundingRows("-5 fen x 0.5", fen(-5), 500, -3, -2, -2, -3);
    addRoundingRows("1 fen x -0.5 (return)", fen(1), -500, -1, 0, 0, -1);
    addRoundingRows("1 fen x 0.499", fen(1), 499, 0, 0, 0, 1);
    addRoundingRows("1 fen x 0.501", fen(1), 501, 1, 1, 0, 1);
    addRoundingRows("-1 fen x 0.501", fen(-1), 501, -1, -1, 0, -1);
    addRoundingRows("29.80/kg x 1.234 kg", fen(2980), 1234, 3677, 3677, 3677, 3678);
    addRoundingRows("19.99/kg x 0.333 kg", fen(1999), 333, 666, 666, 665, 666);
    addRoundingRows("-19.99/kg x 0.333 kg", fen(-1999), 333, -666, -666, -665, -666);
    addAllRoundingsRow("12.34 x 3 pieces", fen(1234), 3000, 3702);
    addAllRoundingsRow("zero quantity", fen(1234), 0, 0);
    addAllRoundingsRow("zero price", fen(0), 1234, 0);
    // fen × quantityMilli overflows qint64 here; only a 128-bit intermediate gets these right.
    addAllRoundingsRow("max x 1", fen(kMax), 1000, kMax);
    addAllRoundingsRow("min x 1", fen(kMin), 1000, kMin);
    addAllRoundingsRow("max x -1", fen(kMax), -1000, -kMax);
    addRoundingRows("max x 0.999", fen(kMax), 999, 9214148664817921031, 9214148664817921031,
                    9214148664817921031, 9214148664817921032);
    addRoundingRows("min x 0.999", fen(kMin), 999, -9214148664817921032, -9214148664817921032,
                    -9214148664817921032, -9214148664817921033);
}

void tst_Money::timesRoundsQuantity()
{
    QFETCH(Money, price);
    QFETCH(qint64, quantityMilli);
    QFETCH(Rounding, rounding);
    QFETCH(Money, expected);

    QCOMPARE(price.times(quantityMilli, rounding), expected);
    QCOMPARE(price.checkedTimes(quantityMilli, rounding), OptionalMoney(expected));
}

void tst_Money::checkedTimesDetectsOverflow_data()
{
    QTest::addColumn<Money>("price");
    QTest::addColumn<qint64>("quantityMilli");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<OptionalMoney>("expected");

    QTest::newRow("max x 1.001") << fen(kMax) << qint64{1001} << Rounding::Down << OptionalMoney();
    QTest::newRow("min x 1.001") << fen(kMin) << qint64{1001} << Rounding::Down << OptionalMoney();
    QTest::newRow("min x -1") << fen(kMin) << qint64{-1000} << Rounding::HalfUp << OptionalMoney();
    QTest::newRow("max x max") << fen(kMax) << kMax << Rounding::HalfUp << OptionalMoney();
    QTest::newRow("min x max") << fen(kMin) << kMax << Rounding::HalfUp << OptionalMoney();
    // 9214157878975800007 × 1.001 = 9223372036854775807.007: fits rounded down, overflows rounded up.
    QTest::newRow("boundary Down") << fen(9214157878975800007) << qint64{1001} << Rounding::Down
                                   << OptionalMoney(fen(kMax));
    QTest::newRow("boundary HalfUp") << fen(9214157878975800007) << qint64{1001} << Rounding::HalfUp
                                     << OptionalMoney(fen(kMax));
    QTest::newRow("boundary Up") << fen(9214157878975800007) << qint64{1001} << Rounding::Up
                                 << OptionalMoney();
    QTest::newRow("boundary negative Down")
        << fen(-9214157878975800007) << qint64{1001} << Rounding::Down << OptionalMoney(fen(-kMax));
    QTest::newRow("boundary negative Up")
        << fen(-9214157878975800007) << qint64{1001} << Rounding::Up << OptionalMoney(fen(kMin));
}

void tst_Money::checkedTimesDetectsOverflow()
{
    QFETCH(Money, price);
    QFETCH(qint64, quantityMilli);
    QFETCH(Rounding, rounding);
    QFETCH(OptionalMoney, expected);

    QCOMPARE(price.checkedTimes(quantityMilli, rounding), expected);
}

void tst_Money::percentageRounds_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<qint64>("basisPoints"); // passed as int
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<Money>("expected");

    addAllRoundingsRow("13% of 100.00", fen(10000), 1300, 1300);
    addAllRoundingsRow("6% of 100.00", fen(10000), 600, 600);
    addAllRoundingsRow("100% of 12.34", fen(1234), 10000, 1234);
    addAllRoundingsRow("0% of 12.34", fen(1234), 0, 0);
    addAllRoundingsRow("-5% of 100.00", fen(10000), -500, -500);
    // 123.45 × 0.38 % = 0.46911 yuan
    addRoundingRows("0.38% of 123.45", fen(12345), 38, 47, 47, 46, 47);
    addRoundingRows("0.38% of -123.45", fen(-12345), 38, -47, -47, -46, -47);
    addRoundingRows("-0.38% of 123.45", fen(12345), -38, -47, -47, -46, -47);
    addRoundingRows("1% of 0.50", fen(50), 100, 1, 0, 0, 1);
    addRoundingRows("1% of 1.50", fen(150), 100, 2, 2, 1, 2);
    addRoundingRows("1% of 2.50", fen(250), 100, 3, 2, 2, 3);
    addRoundingRows("1% of -0.50", fen(-50), 100, -1, 0, 0, -1);
    addRoundingRows("1% of -1.50", fen(-150), 100, -2, -2, -1, -2);
    addRoundingRows("0.01% of 0.01", fen(1), 1, 0, 0, 0, 1);
    // fen × basis points overflows qint64 here.
    addAllRoundingsRow("100% of max", fen(kMax), 10000, kMax);
    addAllRoundingsRow("100% of min", fen(kMin), 10000, kMin);
    addAllRoundingsRow("-100% of max", fen(kMax), -10000, -kMax);
    addRoundingRows("50% of max", fen(kMax), 5000, kMax / 2 + 1, kMax / 2 + 1, kMax / 2, kMax / 2 + 1);
}

void tst_Money::percentageRounds()
{
    QFETCH(Money, amount);
    QFETCH(qint64, basisPoints);
    QFETCH(Rounding, rounding);
    QFETCH(Money, expected);

    const int bp = static_cast<int>(basisPoints);
    QCOMPARE(amount.percentage(bp, rounding), expected);
    QCOMPARE(amount.checkedPercentage(bp, rounding), OptionalMoney(expected));
}

void tst_Money::checkedPercentageDetectsOverflow_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<int>("basisPoints");
    QTest::addColumn<OptionalMoney>("expected");

    QTest::newRow("100.01% of max") << fen(kMax) << 10001 << OptionalMoney();
    QTest::newRow("100.01% of min") << fen(kMin) << 10001 << OptionalMoney();
    QTest::newRow("-100% of min") << fen(kMin) << -10000 << OptionalMoney();
    QTest::newRow("200% of half max") << fen(kMax / 2) << 20000 << OptionalMoney(fen(kMax - 1));
    QTest::newRow("int max bp of max") << fen(kMax) << std::numeric_limits<int>::max() << OptionalMoney();
    QTest::newRow("int min bp of 1 yuan") << fen(100) << std::numeric_limits<int>::min()
                                          << OptionalMoney(fen(-21474836)); // -21474836.48 fen, HalfUp
}

void tst_Money::checkedPercentageDetectsOverflow()
{
    QFETCH(Money, amount);
    QFETCH(int, basisPoints);
    QFETCH(OptionalMoney, expected);

    QCOMPARE(amount.checkedPercentage(basisPoints, Rounding::HalfUp), expected);
}

void tst_Money::taxIncludedExtractsTax_data()
{
    QTest::addColumn<Money>("gross");
    QTest::addColumn<qint64>("rateBasisPoints"); // passed as int
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<Money>("expected");

    addAllRoundingsRow("113.00 at 13%", fen(11300), 1300, 1300);
    addAllRoundingsRow("106.00 at 6%", fen(10600), 600, 600);
    addAllRoundingsRow("-113.00 at 13% (refund)", fen(-11300), 1300, -1300);
    addAllRoundingsRow("rate 0", fen(11300), 0, 0);
    addAllRoundingsRow("gross 0", fen(0), 1300, 0);
    // 100.00 × 6 / 106 = 5.660377 yuan
    addRoundingRows("100.00 at 6%", fen(10000), 600, 566, 566, 566, 567);
    // 1.00 × 13 / 113 = 0.11504 yuan
    addRoundingRows("1.00 at 13%", fen(100), 1300, 12, 12, 11, 12);
    addRoundingRows("-1.00 at 13%", fen(-100), 1300, -12, -12, -11, -12);
    // At 100 % the tax is exactly half the gross: exact .5 cases.
    addRoundingRows("0.01 at 100%", fen(1), 10000, 1, 0, 0, 1);
    addRoundingRows("0.03 at 100%", fen(3), 10000, 2, 2, 1, 2);
    addRoundingRows("-0.01 at 100%", fen(-1), 10000, -1, 0, 0, -1);
    // gross × rate overflows qint64 here.
    addRoundingRows("max at 13%", fen(kMax), 1300, 1061095898045239695, 1061095898045239695,
                    1061095898045239694, 1061095898045239695);
    addRoundingRows("min at 13%", fen(kMin), 1300, -1061095898045239695, -1061095898045239695,
                    -1061095898045239694, -1061095898045239695);
}

void tst_Money::taxIncludedExtractsTax()
{
    QFETCH(Money, gross);
    QFETCH(qint64, rateBasisPoints);
    QFETCH(Rounding, rounding);
    QFETCH(Money, expected);

    QCOMPARE(Money::taxIncluded(gross, static_cast<int>(rateBasisPoints), rounding), expected);
}

void tst_Money::allocateSplitsByLargestRemainder_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<Money>>("expected");

    QTest::newRow("100 over 1,1,1") << fen(100) << QList<qint64>{1, 1, 1} << fens({34, 33, 33});
    QTest::newRow("-100 over 1,1,1") << fen(-100) << QList<qint64>{1, 1, 1} << fens({-34, -33, -33});
    QTest::newRow("100 over 1,1") << fen(100) << QList<qint64>{1, 1} << fens({50, 50});
    QTest::newRow("1 over 1,1,1 (tie to first)") << fen(1) << QList<qint64>{1, 1, 1} << fens({1, 0, 0});
    QTest::newRow("2 over 1,1,1") << fen(2) << QList<qint64>{1, 1, 1} << fens({1, 1, 0});
    QTest::newRow("100 over 1,2 (largest remainder last)")
        << fen(100) << QList<qint64>{1, 2} << fens({33, 67});
    QTest::newRow("5 over 1,0,1 (zero weight)") << fen(5) << QList<qint64>{1, 0, 1} << fens({3, 0, 2});
    QTest::newRow("10 over 3,7 (exact)") << fen(10) << QList<qint64>{3, 7} << fens({3, 7});
    QTest::newRow("0 over 1,2,3") << fen(0) << QList<qint64>{1, 2, 3} << fens({0, 0, 0});
    QTest::newRow("10 over 40 equal weights (ties in order)")
        << fen(10) << QList<qint64>(40, 1) << QList<Money>(10, fen(1)) + QList<Money>(30, fen(0));
    QTest::newRow("single weight") << fen(1000) << QList<qint64>{7} << fens({1000});
    // A 5.00 ticket discount over lines of 19.99, 29.80 and 4.50: shares -184.10, -274.45, -41.44.
    QTest::newRow("ticket discount") << fen(-500) << QList<qint64>{1999, 2980, 450}
                                     << fens({-184, -275, -41});
    QTest::newRow("weights summing past qint64") << fen(3) << QList<qint64>{kMax, kMax} << fens({2, 1});
    QTest::newRow("max over 1,1") << fen(kMax) << QList<qint64>{1, 1}
                                  << fens({4611686018427387904, 4611686018427387903});
    QTest::newRow("min over 1,1,1") << fen(kMin) << QList<qint64>{1, 1, 1}
                                    << fens({-3074457345618258603, -3074457345618258603,
                                             -3074457345618258602});
}

void tst_Money::allocateSplitsByLargestRemainder()
{
    QFETCH(Money, amount);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<Money>, expected);

    QCOMPARE(amount.allocate(weights), expected);
}

void tst_Money::allocateRejectsInvalidWeights_data()
{
    QTest::addColumn<QList<qint64>>("weights");

    QTest::newRow("empty") << QList<qint64>{};
    QTest::newRow("all zero") << QList<qint64>{0, 0};
    QTest::newRow("single zero") << QList<qint64>{0};
    QTest::newRow("negative weight") << QList<qint64>{3, -1};
    QTest::newRow("negative only") << QList<qint64>{-1};
    QTest::newRow("min weight") << QList<qint64>{kMax, kMin};
}

void tst_Money::allocateRejectsInvalidWeights()
{
    QFETCH(QList<qint64>, weights);

    QCOMPARE(fen(100).allocate(weights), QList<Money>{});
}

void tst_Money::allocatePartsSumToAmountAtInt64Limits_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<QList<qint64>>("weights");

    QTest::newRow("max over primes") << fen(kMax) << QList<qint64>{2, 3, 5, 7, 11, 13};
    QTest::newRow("min over primes") << fen(kMin) << QList<qint64>{2, 3, 5, 7, 11, 13};
    QTest::newRow("max over huge weights") << fen(kMax) << QList<qint64>{kMax, kMax - 1, 1, kMax / 3};
    QTest::newRow("min over huge weights") << fen(kMin) << QList<qint64>{kMax, kMax - 1, 1, kMax / 3};
}

void tst_Money::allocatePartsSumToAmountAtInt64Limits()
{
    QFETCH(Money, amount);
    QFETCH(QList<qint64>, weights);

    const QList<Money> parts = amount.allocate(weights);
    QCOMPARE(parts.size(), weights.size());
    // Parts share the amount's sign, so the running sum never leaves the qint64 range.
    std::optional<Money> sum = Money::zero();
    for (const Money part : parts) {
        QVERIFY(part.isZero() || part.isNegative() == amount.isNegative());
        sum = sum->checkedAdd(part);
        QVERIFY(sum.has_value());
    }
    QCOMPARE(sum, OptionalMoney(amount));
}

void tst_Money::allocateRandomPartsSumExactlyAndStayWithinOneFen()
{
    QRandomGenerator random(20260417);
    for (int iteration = 0; iteration < 5000; ++iteration) {
        const qint64 amount = random.bounded(qint64{-1'000'000'000}, qint64{1'000'000'001});
        const int count = random.bounded(1, 13);
        QList<qint64> weights;
        qint64 weightSum = 0;
        for (int i = 0; i < count; ++i) {
            // A quarter of the weights are zero; the rest span six orders of magnitude.
            const qint64 weight = random.bounded(4) == 0 ? 0 : random.bounded(qint64{1}, qint64{1'000'001});
            weights.append(weight);
            weightSum += weight;
        }
        if (weightSum == 0) {
            weights[0] = 1;
            weightSum = 1;
        }

        const QList<Money> parts = Money::fromFen(amount).allocate(weights);
        QCOMPARE(parts.size(), weights.size());
        qint64 sum = 0;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            sum += parts.at(i).fen();
            // |part - amount × w / W| < 1 fen, i.e. |part × W - amount × w| < W (exact: < 2^54 here).
            const qint64 deviation = parts.at(i).fen() * weightSum - amount * weights.at(i);
            if (deviation <= -weightSum || deviation >= weightSum)
                QFAIL(qPrintable(
                    QStringLiteral("iteration %1: part %2 is %3 fen, more than 1 fen from its share")
                        .arg(iteration)
                        .arg(i)
                        .arg(parts.at(i).fen())));
        }
        if (sum != amount)
            QFAIL(qPrintable(QStringLiteral("iteration %1: parts sum to %2, amount %3")
                                 .arg(iteration)
                                 .arg(sum)
                                 .arg(amount)));
    }
}

void tst_Money::toDecimalString_data()
{
    QTest::addColumn<Money>("money");
    QTest::addColumn<QString>("expected");

    QTest::newRow("12.34") << fen(1234) << u"12.34"_qs;
    QTest::newRow("-0.05") << fen(-5) << u"-0.05"_qs;
    QTest::newRow("zero") << fen(0) << u"0.00"_qs;
    QTest::newRow("one fen") << fen(1) << u"0.01"_qs;
    QTest::newRow("ten fen") << fen(10) << u"0.10"_qs;
    QTest::newRow("one yuan") << fen(100) << u"1.00"_qs;
    QTest::newRow("-1.00") << fen(-100) << u"-1.00"_qs;
    QTest::newRow("-12.30") << fen(-1230) << u"-12.30"_qs;
    QTest::newRow("no grouping") << fen(123456789) << u"1234567.89"_qs;
    QTest::newRow("max") << fen(kMax) << u"92233720368547758.07"_qs;
    QTest::newRow("min") << fen(kMin) << u"-92233720368547758.08"_qs;
}

void tst_Money::toDecimalString()
{
    QFETCH(Money, money);
    QFETCH(QString, expected);

    QCOMPARE(money.toDecimalString(), expected);
}

void tst_Money::toDisplayString_data()
{
    QTest::addColumn<Money>("money");
    QTest::addColumn<QString>("expected");

    QTest::newRow("12.34") << fen(1234) << u"\u00A512.34"_qs;
    QTest::newRow("-0.05") << fen(-5) << u"-\u00A50.05"_qs;
    QTest::newRow("zero") << fen(0) << u"\u00A50.00"_qs;
    QTest::newRow("no grouping") << fen(123456789) << u"\u00A51234567.89"_qs;
    QTest::newRow("min") << fen(kMin) << u"-\u00A592233720368547758.08"_qs;
}

void tst_Money::toDisplayString()
{
    QFETCH(Money, money);
    QFETCH(QString, expected);

    QCOMPARE(money.toDisplayString(), expected);
}

void tst_Money::formattingIgnoresDefaultLocale()
{
    const QLocale previous;
    // German uses ',' for decimals and '.' for grouping; Arabic (Egypt) uses its own digits.
    for (const QLocale& locale :
         {QLocale(QLocale::German, QLocale::Germany), QLocale(QLocale::Arabic, QLocale::Egypt)}) {
        QLocale::setDefault(locale);
        const QString formatted = fen(-123456789).toDecimalString();
        const std::optional<Money> parsed = Money::parseDecimal(u"1234567.89");
        QLocale::setDefault(previous);
        QCOMPARE(formatted, u"-1234567.89"_qs);
        QCOMPARE(parsed, OptionalMoney(fen(123456789)));
    }
}

void tst_Money::parseDecimalAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Money>("expected");

    QTest::newRow("integer") << u"12"_qs << fen(1200);
    QTest::newRow("one decimal") << u"12.3"_qs << fen(1230);
    QTest::newRow("two decimals") << u"12.34"_qs << fen(1234);
    QTest::newRow("negative") << u"-12.34"_qs << fen(-1234);
    QTest::newRow("explicit plus") << u"+1"_qs << fen(100);
    QTest::newRow("surrounding spaces") << u" 12.34 "_qs << fen(1234);
    QTest::newRow("tab and newline") << u"\t12.34\n"_qs << fen(1234);
    QTest::newRow("zero") << u"0"_qs << fen(0);
    QTest::newRow("negative zero") << u"-0.00"_qs << fen(0);
    QTest::newRow("one fen") << u"0.01"_qs << fen(1);
    QTest::newRow("negative fen") << u"-0.05"_qs << fen(-5);
    QTest::newRow("leading zeros") << u"007.50"_qs << fen(750);
    QTest::newRow("no grouping") << u"1234567.89"_qs << fen(123456789);
    QTest::newRow("max") << u"92233720368547758.07"_qs << fen(kMax);
    QTest::newRow("min") << u"-92233720368547758.08"_qs << fen(kMin);
}

void tst_Money::parseDecimalAccepts()
{
    QFETCH(QString, text);
    QFETCH(Money, expected);

    QCOMPARE(Money::parseDecimal(text), OptionalMoney(expected));
}

void tst_Money::parseDecimalRejects_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("three decimals") << u"12.345"_qs;
    QTest::newRow("grouping") << u"1,234.00"_qs;
    QTest::newRow("decimal comma") << u"12,34"_qs;
    QTest::newRow("trailing dot") << u"12."_qs;
    QTest::newRow("leading dot") << u".5"_qs;
    QTest::newRow("signed leading dot") << u"-.5"_qs;
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"   "_qs;
    QTest::newRow("letters") << u"abc"_qs;
    QTest::newRow("trailing letter") << u"12a"_qs;
    QTest::newRow("exponent") << u"1e3"_qs;
    QTest::newRow("hex") << u"0x10"_qs;
    QTest::newRow("sign only") << u"-"_qs;
    QTest::newRow("plus only") << u"+"_qs;
    QTest::newRow("two signs") << u"+-1"_qs;
    QTest::newRow("double minus") << u"--1"_qs;
    QTest::newRow("space after sign") << u"- 1"_qs;
    QTest::newRow("inner space") << u"1 2"_qs;
    QTest::newRow("space before fraction") << u"12 .34"_qs;
    QTest::newRow("two dots") << u"12.3.4"_qs;
    QTest::newRow("fullwidth digits") << u"\uFF10\uFF11\uFF12.\uFF13\uFF14"_qs;
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_qs;
    QTest::newRow("yuan sign") << u"\u00A512.34"_qs;
    QTest::newRow("nan") << u"nan"_qs;
    QTest::newRow("inf") << u"inf"_qs;
    QTest::newRow("one past max") << u"92233720368547758.08"_qs;
    QTest::newRow("one past min") << u"-92233720368547758.09"_qs;
    QTest::newRow("past max, integer") << u"92233720368547759"_qs;
    QTest::newRow("twenty digits") << u"99999999999999999999"_qs;
    QTest::newRow("2^64 + 1") << u"18446744073709551617"_qs;
    QTest::newRow("2^128 + 1") << u"340282366920938463463374607431768211457"_qs;
    QTest::newRow("sixty digits") << QString(60, u'9');
}

void tst_Money::parseDecimalRejects()
{
    QFETCH(QString, text);

    QCOMPARE(Money::parseDecimal(text), OptionalMoney());
}

void tst_Money::parseOfFormatRoundTrips_data()
{
    QTest::addColumn<Money>("money");

    const qint64 fixed[] = {0, 1, 5, 9, 10, 99, 100, 101, 1234, 123456789, kMax, kMax - 1, kMin + 1, kMin};
    for (const qint64 value : fixed) {
        QTest::addRow("%lld", static_cast<long long>(value)) << fen(value);
        if (value != kMin && value != 0)
            QTest::addRow("%lld", static_cast<long long>(-value)) << fen(-value);
    }
    qint64 power = 1; // 10^exponent; 10^18 + 1 still fits in qint64
    for (int exponent = 0; exponent <= 18; ++exponent) {
        for (const qint64 value : {power - 1, power + 1, -power + 1, -power - 1})
            QTest::addRow("10^%d %lld", exponent, static_cast<long long>(value)) << fen(value);
        if (exponent < 18)
            power *= 10;
    }
}

void tst_Money::parseOfFormatRoundTrips()
{
    QFETCH(Money, money);

    QCOMPARE(Money::parseDecimal(money.toDecimalString()), OptionalMoney(money));
}

void tst_Money::travelsInQVariant()
{
    QVERIFY(QMetaType::fromType<Money>().isValid());
    QCOMPARE(QMetaType::fromType<Money>().name(), "pos::Money");

    const QVariant variant = QVariant::fromValue(fen(-1234));
    QCOMPARE(variant.metaType(), QMetaType::fromType<Money>());
    QCOMPARE(variant.value<Money>(), fen(-1234));
}

QTEST_APPLESS_MAIN(tst_Money)
#include "tst_money.moc"
