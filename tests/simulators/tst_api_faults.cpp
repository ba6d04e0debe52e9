// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Seeded fault injection of the simulator's JSON API: --api-faults and --api-fault-paths parsing, the path
// filter and determinism per seed.
#include "simulators/acquirer/api/ApiFaults.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::sim;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<pos::sim::ApiFaultRule>)

namespace {

QList<ApiFaultKind> drawSequence(quint64 seed, int count)
{
    ApiFaultConfig config;
    config.rules = parseApiFaultSpec(u"drop-request:0.1,drop-response:0.1,delay:0.1,http-500:0.1,"
                                     u"http-503-after:0.1,bad-signature:0.1")
                       .value();
    config.seed = seed;
    ApiFaultInjector injector(config);
    QList<ApiFaultKind> kinds;
    for (int i = 0; i < count; ++i)
        kinds.append(injector.draw("POST", "/v1/qr/pay"));
    return kinds;
}

} // namespace

class tst_ApiFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidSpecs_data();
    void parsesValidSpecs();
    void rejectsInvalidSpecs_data();
    void rejectsInvalidSpecs();
    void parsesPathLists_data();
    void parsesPathLists();
    void namesRoundTrip();
    void sameSeedGivesSameSequence();
    void otherSeedGivesOtherSequence();
    void defaultFilterSelectsStateChangingQrAndTerminalCalls_data();
    void defaultFilterSelectsStateChangingQrAndTerminalCalls();
    void explicitPathsSelectEveryMethod();
    void unselectedCallsDrawNothing();
    void certainFaultAlwaysHits();
};

void tst_ApiFaults::parsesValidSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QList<ApiFaultRule>>("expected");
    QTest::newRow("none") << u"none"_qs << QList<ApiFaultRule>{};
    QTest::newRow("colon") << u"http-500:0.25"_qs << QList<ApiFaultRule>{{ApiFaultKind::Http500, 0.25}};
    QTest::newRow("equals") << u"delay=0.5, bad-signature:0.5"_qs
                            << QList<ApiFaultRule>{{ApiFaultKind::Delay, 0.5},
                                                   {ApiFaultKind::BadSignature, 0.5}};
    QTest::newRow("bad tmk kcv") << u"bad-tmk-kcv:0.5"_qs
                                 << QList<ApiFaultRule>{{ApiFaultKind::BadTmkKcv, 0.5}};
    QTest::newRow("bare kind") << u"drop-response"_qs
                               << QList<ApiFaultRule>{{ApiFaultKind::DropResponse, 1.0}};
    QTest::newRow("sums to one") << u"drop-request:0.1,drop-response:0.2,http-503-after:0.7"_qs
                                 << QList<ApiFaultRule>{{ApiFaultKind::DropRequest, 0.1},
                                                        {ApiFaultKind::DropResponse, 0.2},
                                                        {ApiFaultKind::Http503After, 0.7}};
}

void tst_ApiFaults::parsesValidSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QList<ApiFaultRule>, expected);
    const Result<QList<ApiFaultRule>> rules = parseApiFaultSpec(spec);
    POS_VERIFY_RESULT(rules);
    QCOMPARE(rules.value(), expected);
}

void tst_ApiFaults::rejectsInvalidSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("empty") << QString();
    QTest::newRow("unknown kind") << u"http-418:0.5"_qs;
    QTest::newRow("card host fault") << u"garbage:0.5"_qs;
    QTest::newRow("zero") << u"delay:0"_qs;
    QTest::newRow("above one") << u"delay:1.5"_qs;
    QTest::newRow("not a number") << u"delay:often"_qs;
    QTest::newRow("twice") << u"delay:0.1,delay:0.2"_qs;
    QTest::newRow("sum above one") << u"delay:0.6,http-500:0.6"_qs;
    QTest::newRow("none inside a list") << u"none,delay"_qs;
}

void tst_ApiFaults::rejectsInvalidSpecs()
{
    QFETCH(QString, spec);
    const Result<QList<ApiFaultRule>> rules = parseApiFaultSpec(spec);
    QVERIFY(!rules);
    QCOMPARE(rules.error().code, ErrorCode::InvalidInput);
    QVERIFY(!rules.error().userMessage.isEmpty());
}

void tst_ApiFaults::parsesPathLists_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<bool>("valid");
    QTest::newRow("prefix and exact") << u"/v1/qr/*, /v1/onboarding/documents"_qs << true;
    QTest::newRow("not under /v1/") << u"/v2/qr/*"_qs << false;
    QTest::newRow("relative") << u"qr/pay"_qs << false;
    QTest::newRow("star inside") << u"/v1/*/pay"_qs << false;
    QTest::newRow("query") << u"/v1/qr/bill?date=x"_qs << false;
    QTest::newRow("empty item") << u"/v1/qr/*,"_qs << false;
}

void tst_ApiFaults::parsesPathLists()
{
    QFETCH(QString, list);
    QFETCH(bool, valid);
    const Result<QStringList> paths = parseApiFaultPaths(list);
    QCOMPARE(paths.hasValue(), valid);
    if (valid)
        QCOMPARE(paths.value().size(), list.count(QLatin1Char(',')) + 1);
}

void tst_ApiFaults::namesRoundTrip()
{
    for (const ApiFaultKind kind :
         {ApiFaultKind::DropRequest, ApiFaultKind::DropResponse, ApiFaultKind::Delay, ApiFaultKind::Http500,
          ApiFaultKind::Http503After, ApiFaultKind::BadSignature})
        QCOMPARE(apiFaultKindFromName(apiFaultName(kind)), std::optional<ApiFaultKind>(kind));
    QCOMPARE(apiFaultKindFromName(u"explode"), std::nullopt);
}

void tst_ApiFaults::sameSeedGivesSameSequence()
{
    const QList<ApiFaultKind> first = drawSequence(42, 200);
    QCOMPARE(drawSequence(42, 200), first);
    // Every kind and None occur in 200 draws at 10 % each (fails only if the draw were constant).
    QVERIFY(first.contains(ApiFaultKind::None));
    QVERIFY(first.contains(ApiFaultKind::BadSignature));
    QVERIFY(first.contains(ApiFaultKind::DropRequest));
}

void tst_ApiFaults::otherSeedGivesOtherSequence()
{
    QVERIFY(drawSequence(1, 200) != drawSequence(2, 200));
}

void tst_ApiFaults::defaultFilterSelectsStateChangingQrAndTerminalCalls_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("selected");
    QTest::newRow("qr pay") << QByteArray("POST") << QByteArray("/v1/qr/pay") << true;
    QTest::newRow("qr refund") << QByteArray("POST") << QByteArray("/v1/qr/refund") << true;
    QTest::newRow("activate") << QByteArray("POST") << QByteArray("/v1/terminals/activate") << true;
    QTest::newRow("qr bill GET") << QByteArray("GET") << QByteArray("/v1/qr/bill") << false;
    QTest::newRow("onboarding POST") << QByteArray("POST") << QByteArray("/v1/onboarding/applications")
                                     << false;
    QTest::newRow("onboarding PUT") << QByteArray("PUT") << QByteArray("/v1/onboarding/applications/A1")
                                    << false;
}

void tst_ApiFaults::defaultFilterSelectsStateChangingQrAndTerminalCalls()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(bool, selected);
    QCOMPARE(ApiFaultInjector().selects(method, path), selected);
}

void tst_ApiFaults::explicitPathsSelectEveryMethod()
{
    ApiFaultConfig config;
    config.paths = parseApiFaultPaths(u"/v1/onboarding/*,/v1/qr/query"_qs).value();
    const ApiFaultInjector injector(config);
    QVERIFY(injector.selects("GET", "/v1/onboarding/applications/A1"));
    QVERIFY(injector.selects("POST", "/v1/qr/query"));
    QVERIFY(!injector.selects("POST", "/v1/qr/pay"));
    QVERIFY(!injector.selects("POST", "/v1/qr/query/more"));
}

// Unselected calls consume no draw: interleaving them leaves the selected calls' faults unchanged.
void tst_ApiFaults::unselectedCallsDrawNothing()
{
    ApiFaultConfig config;
    config.rules = {{ApiFaultKind::Http500, 0.5}};
    config.seed = 9;
    ApiFaultInjector plain(config);
    ApiFaultInjector interleaved(config);
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(interleaved.draw("GET", "/v1/qr/bill"), ApiFaultKind::None);
        QCOMPARE(interleaved.draw("POST", "/v1/qr/pay"), plain.draw("POST", "/v1/qr/pay"));
    }
}

void tst_ApiFaults::certainFaultAlwaysHits()
{
    ApiFaultConfig config;
    config.rules = {{ApiFaultKind::DropResponse, 1.0}};
    ApiFaultInjector injector(config);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(injector.draw("POST", "/v1/terminals/activate"), ApiFaultKind::DropResponse);
}

QTEST_GUILESS_MAIN(tst_ApiFaults)
#include "tst_api_faults.moc"
