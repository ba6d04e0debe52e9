// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/engine/ActivationTerms.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::acquirer;

class tst_ActivationTerms final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void readsTheValues();
    void buildsWhatItParses();
    void buildRefusesBadTerms();
};

void tst_ActivationTerms::parses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("default") << QByteArray(
                                    "SL=000005000000;DL=000020000000;FEE=debit:50:2000|credit:60:|qr:38:")
                             << true;
    QTest::newRow("one fee") << QByteArray("SL=000000000001;DL=000000000002;FEE=qr:0:") << true;
    QTest::newRow("rate 10000, cap 0")
        << QByteArray("SL=000000000001;DL=000000000002;FEE=qr:10000:0") << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("no FEE") << QByteArray("SL=000005000000;DL=000020000000") << false;
    QTest::newRow("empty FEE") << QByteArray("SL=000005000000;DL=000020000000;FEE=") << false;
    QTest::newRow("order") << QByteArray("DL=000020000000;SL=000005000000;FEE=qr:38:") << false;
    QTest::newRow("SL 11 digits") << QByteArray("SL=00005000000;DL=000020000000;FEE=qr:38:") << false;
    QTest::newRow("SL sign") << QByteArray("SL=-00005000000;DL=000020000000;FEE=qr:38:") << false;
    QTest::newRow("lower key") << QByteArray("sl=000005000000;DL=000020000000;FEE=qr:38:") << false;
    QTest::newRow("trailing ;") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:38:;") << false;
    QTest::newRow("trailing |") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:38:|") << false;
    QTest::newRow("space") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr: 38:") << false;
    QTest::newRow("rate 10001") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:10001:") << false;
    QTest::newRow("rate leading 0") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:038:") << false;
    QTest::newRow("rate empty") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr::") << false;
    QTest::newRow("cap 13 digits") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:38:1000000000000")
                                   << false;
    QTest::newRow("cap letters") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:38:2k") << false;
    QTest::newRow("two colons") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:38") << false;
    QTest::newRow("upper tender") << QByteArray("SL=000005000000;DL=000020000000;FEE=QR:38:") << false;
    QTest::newRow("tender twice") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:38:|qr:40:") << false;
    QByteArray seventeen("SL=000005000000;DL=000020000000;FEE=");
    for (int i = 0; i < 17; ++i)
        seventeen += (i ? "|t" : "t") + QByteArray::number(i) + ":1:";
    QTest::newRow("17 fees") << seventeen << false;
    QTest::newRow("too long") << QByteArray("SL=000005000000;DL=000020000000;FEE=qr:38:") +
                                     QByteArray(600, '1')
                              << false;
}

void tst_ActivationTerms::parses()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, accepted);
    const Result<ActivationTerms> parsed = parseActivationTerms(text);
    QCOMPARE(parsed.hasValue(), accepted);
    if (!parsed)
        QCOMPARE(parsed.error().code, ErrorCode::ProtocolViolation);
}

void tst_ActivationTerms::readsTheValues()
{
    const Result<ActivationTerms> parsed =
        parseActivationTerms("SL=000005000000;DL=000020000000;FEE=debit:50:2000|credit:60:|qr:38:");
    POS_VERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().singleLimitFen, 5'000'000);
    QCOMPARE(parsed.value().dailyLimitFen, 20'000'000);
    QCOMPARE(parsed.value().fees.size(), 3);
    QCOMPARE(parsed.value().fees.at(0).tender, QStringLiteral("debit"));
    QCOMPARE(parsed.value().fees.at(0).rateBasisPoints, 50);
    QCOMPARE(parsed.value().fees.at(0).capFen, std::optional<qint64>(2000));
    QCOMPARE(parsed.value().fees.at(1).capFen, std::optional<qint64>());
    QCOMPARE(parsed.value().fees.at(2).rateBasisPoints, 38);
}

void tst_ActivationTerms::buildsWhatItParses()
{
    ActivationTerms terms;
    terms.singleLimitFen = 123;
    terms.dailyLimitFen = 4567;
    terms.fees = {{QStringLiteral("debit"), 50, 2000}, {QStringLiteral("qr"), 38, std::nullopt}};
    const Result<QByteArray> built = buildActivationTerms(terms);
    POS_VERIFY_RESULT(built);
    QCOMPARE(built.value(), QByteArray("SL=000000000123;DL=000000004567;FEE=debit:50:2000|qr:38:"));
    const Result<ActivationTerms> back = parseActivationTerms(built.value());
    POS_VERIFY_RESULT(back);
    QCOMPARE(back.value().fees.at(0).capFen, std::optional<qint64>(2000));
}

void tst_ActivationTerms::buildRefusesBadTerms()
{
    ActivationTerms terms;
    terms.singleLimitFen = 1;
    terms.dailyLimitFen = 1;
    QVERIFY(!buildActivationTerms(terms)); // no fees
    terms.fees = {{QStringLiteral("debit"), 10001, std::nullopt}};
    QVERIFY(!buildActivationTerms(terms));
    terms.fees = {{QStringLiteral("De bit"), 50, std::nullopt}};
    QVERIFY(!buildActivationTerms(terms));
    terms.fees = {{QStringLiteral("debit"), 50, -1}};
    QVERIFY(!buildActivationTerms(terms));
    terms.fees = {{QStringLiteral("debit"), 50, std::nullopt}};
    terms.singleLimitFen = -1;
    QVERIFY(!buildActivationTerms(terms));
    terms.singleLimitFen = 1;
    QVERIFY(buildActivationTerms(terms).hasValue());
}

QTEST_GUILESS_MAIN(tst_ActivationTerms)
#include "tst_activation_terms.moc"
