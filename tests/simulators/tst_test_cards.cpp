// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The acquirer simulator's test-card table and its --terminal option.
#include "simulators/acquirer/AcquirerSimulator.h"
#include "simulators/acquirer/TestCards.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::sim;
using namespace Qt::StringLiterals;

namespace {

TestCard card(const char* label)
{
    const std::optional<TestCard> found = findTestCardByLabel(QString::fromLatin1(label));
    Q_ASSERT(found);
    return *found;
}

} // namespace

class tst_TestCards final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void testCardsHaveValidNumbers();
    void track2FollowsReferenceLayout();
    void findsCardsByPan();
    void terminalOptionParses_data();
    void terminalOptionParses();
};

void tst_TestCards::testCardsHaveValidNumbers()
{
    QVERIFY(testCards().size() >= 8);
    for (const TestCard& testCard : testCards()) {
        // The reference PAN of acquirer-protocol.md §1.3 fails the Luhn check; it is kept for the vectors.
        if (testCard.pan == QLatin1String("6225880137563118"))
            QVERIFY(!luhnValid(testCard.pan));
        else
            QVERIFY2(luhnValid(testCard.pan), qPrintable(testCard.label));
        QCOMPARE(testCard.expiry.size(), 4);
        QCOMPARE(testCard.expiry < u"2611"_qs, testCard.expectedResponse == QLatin1String("54"));
    }
    QVERIFY(!luhnValid(u"6228480112345671"_qs));
    QVERIFY(!luhnValid(u"62284801123456x0"_qs));
}

void tst_TestCards::track2FollowsReferenceLayout()
{
    TestCard reference = card("magstripe-approve");
    reference.expiry = u"2512"_qs;
    QCOMPARE(track2Of(reference), u"6225880137563118D25122010000000000"_qs);
}

void tst_TestCards::terminalOptionParses_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<KeyScheme>("scheme");
    QTest::newRow("3DES default") << u"20000001,898100012340002,00112233445566778899AABBCCDDEEFF"_qs << true
                                  << KeyScheme::TripleDes;
    QTest::newRow("SM4") << u"20000001,898100012340002,00112233445566778899AABBCCDDEEFF,sm4"_qs << true
                         << KeyScheme::Sm4;
    QTest::newRow("DES") << u"20000001,898100012340002,0011223344556677,des"_qs << true
                         << KeyScheme::SingleDes;
    QTest::newRow("short TID") << u"2000001,898100012340002,00112233445566778899AABBCCDDEEFF"_qs << false
                               << KeyScheme::TripleDes;
    QTest::newRow("short MID") << u"20000001,89810001234000,00112233445566778899AABBCCDDEEFF"_qs << false
                               << KeyScheme::TripleDes;
    QTest::newRow("TMK too short") << u"20000001,898100012340002,0011223344556677"_qs << false
                                   << KeyScheme::TripleDes;
    QTest::newRow("TMK not hex") << u"20000001,898100012340002,00112233445566778899AABBCCDDEEFG"_qs << false
                                 << KeyScheme::TripleDes;
    QTest::newRow("unknown scheme") << u"20000001,898100012340002,00112233445566778899AABBCCDDEEFF,aes"_qs
                                    << false << KeyScheme::TripleDes;
    QTest::newRow("missing TMK") << u"20000001,898100012340002"_qs << false << KeyScheme::TripleDes;
}

void tst_TestCards::terminalOptionParses()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QFETCH(KeyScheme, scheme);
    const Result<HostTerminal> parsed = parseTerminalOption(value, 100, 200);
    QCOMPARE(parsed.hasValue(), valid);
    if (!valid) {
        QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
        QVERIFY(!parsed.error().detail.contains(u"00112233"_qs));
        return;
    }
    QCOMPARE(parsed.value().tid, u"20000001"_qs);
    QCOMPARE(parsed.value().mid, u"898100012340002"_qs);
    QCOMPARE(parsed.value().tmkScheme, scheme);
    QCOMPARE(parsed.value().tmk.size(), keyLength(scheme));
    QCOMPARE(parsed.value().singleLimitFen, qint64(100));
    QCOMPARE(parsed.value().dailyLimitFen, qint64(200));
}

void tst_TestCards::findsCardsByPan()
{
    for (const TestCard& testCard : testCards())
        QCOMPARE(findTestCard(testCard.pan)->label, testCard.label);
    QVERIFY(!findTestCard(u"6228480112345671"_qs));
    QVERIFY(!findTestCardByLabel(u"no-such-card"_qs));
    QVERIFY(card("chip-approve").kind == TestCard::Chip);
    QVERIFY(!card("chip-approve").cardSequence.isEmpty());
}

QTEST_GUILESS_MAIN(tst_TestCards)
#include "tst_test_cards.moc"
