// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Seeded fault injection of the acquirer simulator: --faults parsing, determinism, probabilities, MTI filter.
#include "simulators/acquirer/FaultInjector.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::sim;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<pos::sim::FaultRule>)

class tst_FaultInjector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidSpecs_data();
    void parsesValidSpecs();
    void rejectsInvalidSpecs_data();
    void rejectsInvalidSpecs();
    void parsesMtiLists_data();
    void parsesMtiLists();
    void namesRoundTrip();
    void sameSeedGivesSameSequence();
    void otherSeedGivesOtherSequence();
    void honoursProbabilities_data();
    void honoursProbabilities();
    void drawsOnlyForFilteredMtis();
    void garbageIsSixteenToSixtyFourBytes();
};

void tst_FaultInjector::parsesValidSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QList<FaultRule>>("expected");
    QTest::newRow("none") << u"none"_qs << QList<FaultRule>{};
    QTest::newRow("name alone") << u"garbage"_qs << QList<FaultRule>{{FaultKind::Garbage, 1.0}};
    QTest::newRow("two with probabilities")
        << u"drop-request=0.25, rc96=0.5"_qs
        << QList<FaultRule>{{FaultKind::DropRequest, 0.25}, {FaultKind::Rc96, 0.5}};
    QTest::newRow("every name")
        << u"drop-request=0.05,drop-response=0.05,delay=0.05,late-after-reversal=0.05,"
           u"duplicate=0.05,disconnect-mid-frame=0.05,bad-mac=0.05,garbage=0.05,"
           u"rc68=0.05,rc91=0.05,rc96=0.05,rcA0=0.05"_qs
        << QList<FaultRule>{{FaultKind::DropRequest, 0.05}, {FaultKind::DropResponse, 0.05},
                            {FaultKind::Delay, 0.05},       {FaultKind::LateAfterReversal, 0.05},
                            {FaultKind::Duplicate, 0.05},   {FaultKind::DisconnectMidFrame, 0.05},
                            {FaultKind::BadMac, 0.05},      {FaultKind::Garbage, 0.05},
                            {FaultKind::Rc68, 0.05},        {FaultKind::Rc91, 0.05},
                            {FaultKind::Rc96, 0.05},        {FaultKind::RcA0, 0.05}};
    QTest::newRow("sum exactly one") << u"delay=0.1,duplicate=0.2,bad-mac=0.7"_qs
                                     << QList<FaultRule>{{FaultKind::Delay, 0.1},
                                                         {FaultKind::Duplicate, 0.2},
                                                         {FaultKind::BadMac, 0.7}};
}

void tst_FaultInjector::parsesValidSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QList<FaultRule>, expected);
    const Result<QList<FaultRule>> parsed = parseFaultSpec(spec);
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value(), expected);
}

void tst_FaultInjector::rejectsInvalidSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("detail");
    QTest::newRow("empty") << u""_qs << u"empty --faults"_qs;
    QTest::newRow("unknown name") << u"explode=0.5"_qs << u"unknown fault 'explode'"_qs;
    QTest::newRow("none inside a list") << u"none,garbage"_qs << u"unknown fault 'none'"_qs;
    QTest::newRow("not a number") << u"delay=often"_qs << u"bad probability 'often'"_qs;
    QTest::newRow("zero") << u"delay=0"_qs << u"bad probability '0'"_qs;
    QTest::newRow("above one") << u"delay=1.5"_qs << u"bad probability '1.5'"_qs;
    QTest::newRow("negative") << u"delay=-0.1"_qs << u"bad probability '-0.1'"_qs;
    QTest::newRow("twice") << u"delay=0.1,delay=0.2"_qs << u"duplicate fault 'delay'"_qs;
    QTest::newRow("sum above one") << u"delay=0.6,garbage=0.5"_qs << u"probabilities sum to 1.1"_qs;
    QTest::newRow("trailing comma") << u"delay,"_qs << u"unknown fault ''"_qs;
}

void tst_FaultInjector::rejectsInvalidSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, detail);
    const Result<QList<FaultRule>> parsed = parseFaultSpec(spec);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
    QCOMPARE(parsed.error().detail, detail);
    QVERIFY(!parsed.error().userMessage.isEmpty());
}

void tst_FaultInjector::parsesMtiLists_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("default") << u"0200,0220,0400"_qs << true
                             << QStringList{u"0200"_qs, u"0220"_qs, u"0400"_qs};
    QTest::newRow("one") << u"0800"_qs << true << QStringList{u"0800"_qs};
    QTest::newRow("spaces") << u" 0200 , 0500"_qs << true << QStringList{u"0200"_qs, u"0500"_qs};
    QTest::newRow("three digits") << u"200"_qs << false << QStringList{};
    QTest::newRow("letters") << u"02A0"_qs << false << QStringList{};
    QTest::newRow("empty") << u""_qs << false << QStringList{};
}

void tst_FaultInjector::parsesMtiLists()
{
    QFETCH(QString, list);
    QFETCH(bool, valid);
    QFETCH(QStringList, expected);
    const Result<QStringList> parsed = parseFaultMtis(list);
    QCOMPARE(parsed.hasValue(), valid);
    if (valid)
        QCOMPARE(parsed.value(), expected);
    else
        QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
}

void tst_FaultInjector::namesRoundTrip()
{
    for (int i = 0; i <= static_cast<int>(FaultKind::RcA0); ++i) {
        const auto kind = static_cast<FaultKind>(i);
        QCOMPARE(faultKindFromName(faultName(kind)), std::optional<FaultKind>(kind));
    }
    QCOMPARE(faultResponseCode(FaultKind::Rc68), u"68"_qs);
    QCOMPARE(faultResponseCode(FaultKind::RcA0), u"A0"_qs);
    QVERIFY(faultResponseCode(FaultKind::Garbage).isEmpty());
    QVERIFY(!faultKindFromName(u"RC68"_qs));
}

namespace {

QList<FaultKind> drawSequence(quint64 seed, int count)
{
    FaultConfig config;
    config.rules = parseFaultSpec(u"drop-request=0.2,delay=0.2,garbage=0.2,rc91=0.2"_qs).value();
    config.seed = seed;
    FaultInjector injector(config);
    QList<FaultKind> sequence;
    for (int i = 0; i < count; ++i)
        sequence.append(injector.draw(u"0200"));
    return sequence;
}

} // namespace

void tst_FaultInjector::sameSeedGivesSameSequence()
{
    QCOMPARE(drawSequence(42, 200), drawSequence(42, 200));
}

void tst_FaultInjector::otherSeedGivesOtherSequence()
{
    QVERIFY(drawSequence(42, 200) != drawSequence(43, 200));
}

void tst_FaultInjector::honoursProbabilities_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("expectedGarbage"); // per 10000
    QTest::addColumn<int>("expectedDelay");
    QTest::newRow("10% garbage") << u"garbage=0.1"_qs << 1000 << 0;
    QTest::newRow("30% garbage, 50% delay") << u"garbage=0.3,delay=0.5"_qs << 3000 << 5000;
    QTest::newRow("always") << u"delay"_qs << 0 << 10000;
}

void tst_FaultInjector::honoursProbabilities()
{
    QFETCH(QString, spec);
    QFETCH(int, expectedGarbage);
    QFETCH(int, expectedDelay);
    FaultConfig config;
    config.rules = parseFaultSpec(spec).value();
    config.seed = 7;
    FaultInjector injector(config);
    constexpr int draws = 10000;
    int garbage = 0;
    int delay = 0;
    int none = 0;
    for (int i = 0; i < draws; ++i) {
        switch (injector.draw(u"0400")) {
        case FaultKind::Garbage: ++garbage; break;
        case FaultKind::Delay: ++delay; break;
        case FaultKind::None: ++none; break;
        default: QFAIL("a fault that is not in the specification");
        }
    }
    // ±3 % of the draws: more than 6 standard deviations for every row.
    constexpr int tolerance = 300;
    QVERIFY2(qAbs(garbage - expectedGarbage) <= tolerance, qPrintable(QString::number(garbage)));
    QVERIFY2(qAbs(delay - expectedDelay) <= tolerance, qPrintable(QString::number(delay)));
    QVERIFY2(qAbs(none - (draws - expectedGarbage - expectedDelay)) <= tolerance,
             qPrintable(QString::number(none)));
}

void tst_FaultInjector::drawsOnlyForFilteredMtis()
{
    FaultConfig config;
    config.rules = parseFaultSpec(u"garbage"_qs).value();
    FaultInjector injector(config);
    QCOMPARE(injector.draw(u"0800"), FaultKind::None);
    QCOMPARE(injector.draw(u"0500"), FaultKind::None);
    QCOMPARE(injector.draw(u"0200"), FaultKind::Garbage);
    QCOMPARE(injector.draw(u"0220"), FaultKind::Garbage);
    QCOMPARE(injector.draw(u"0400"), FaultKind::Garbage);

    // Requests outside the filter consume no draw: interleaving them keeps the sequence.
    config.rules = parseFaultSpec(u"garbage=0.5"_qs).value();
    config.mtis = {u"0200"_qs};
    FaultInjector plain(config);
    FaultInjector interleaved(config);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(interleaved.draw(u"0800"), FaultKind::None);
        QCOMPARE(interleaved.draw(u"0200"), plain.draw(u"0200"));
    }
    FaultInjector inactive;
    QVERIFY(!inactive.isActive());
    QCOMPARE(inactive.draw(u"0200"), FaultKind::None);
}

void tst_FaultInjector::garbageIsSixteenToSixtyFourBytes()
{
    FaultInjector injector;
    QSet<qsizetype> lengths;
    for (int i = 0; i < 500; ++i) {
        const QByteArray bytes = injector.garbage();
        QVERIFY(bytes.size() >= 16 && bytes.size() <= 64);
        lengths.insert(bytes.size());
    }
    QVERIFY(lengths.size() > 20);
}

QTEST_GUILESS_MAIN(tst_FaultInjector)
#include "tst_fault_injector.moc"
