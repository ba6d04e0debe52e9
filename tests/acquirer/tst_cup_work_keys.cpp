// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The F62 work-key block of acquirer/crypto/WorkKeys (layouts of acquirer-protocol.md §4.3, CHF/BP) against
// the sign-on response of §1.2, whose keys §7 #18 generates: unwrapping and KCV checks, the inverse for the
// host simulator, round trips of the layouts without a published vector (001, 006), and malformed blocks.
#include "acquirer/CupReferenceVectors.h"
#include "acquirer/crypto/WorkKeys.h"
#include "core/crypto/CryptoPrimitives.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(text);
}

} // namespace

class tst_CupWorkKeys final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unwrapsSignOnKeys_data();
    void unwrapsSignOnKeys();
    void buildsReferenceSignOnBlock_data();
    void buildsReferenceSignOnBlock();
    void workKeyBlockRoundTrips_data();
    void workKeyBlockRoundTrips();
    void reportsKcvMismatch_data();
    void reportsKcvMismatch();
    void rejectsMalformedWorkKeyBlock_data();
    void rejectsMalformedWorkKeyBlock();
    void mapsNetworkManagementCodes_data();
    void mapsNetworkManagementCodes();
    void workKeySetRejectsWrongKeyLengths_data();
    void workKeySetRejectsWrongKeyLengths();
    void workKeySetMoveLeavesSourceEmpty();
};

void tst_CupWorkKeys::unwrapsSignOnKeys_data()
{
    QTest::addColumn<WorkKeyLayout>("layout");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QByteArray>("expectedKcvs"); // 4 bytes per key, in F62 order
    QTest::newRow("§1.2 F62, 60.3 = 004")
        << WorkKeyLayout::TripleDesTrack004 << referenceF62 << hex("08D7B4FB0D40BFF8EB7A8DF9");
    // The 003 layout is the first 40 bytes of the 004 one.
    QTest::newRow("§1.2 F62 cut to 60.3 = 003")
        << WorkKeyLayout::TripleDes003 << referenceF62.left(40) << hex("08D7B4FB0D40BFF8");
}

void tst_CupWorkKeys::unwrapsSignOnKeys()
{
    QFETCH(WorkKeyLayout, layout);
    QFETCH(QByteArray, block);
    QFETCH(QByteArray, expectedKcvs);
    Result<UnwrappedWorkKeys> unwrapped = unwrapWorkKeys(layout, KeyScheme::TripleDes, referenceTmk, block);
    POS_VERIFY_RESULT(unwrapped);
    const WorkKeyCheck& check = unwrapped.value().check;
    QCOMPARE(check.layout, layout);
    QCOMPARE(check.keys.size(), expectedKcvs.size() / 4);
    for (qsizetype i = 0; i < check.keys.size(); ++i) {
        QCOMPARE(check.keys.at(i).role, workKeyRoles(layout).at(i));
        QCOMPARE(check.keys.at(i).receivedKcv.toHex(), expectedKcvs.mid(4 * i, 4).toHex());
        QCOMPARE(check.keys.at(i).computedKcv.toHex(), expectedKcvs.mid(4 * i, 4).toHex());
        QVERIFY(check.keys.at(i).matches());
    }
    QVERIFY(check.allMatch());
    const WorkKeySet& keys = unwrapped.value().keys;
    QCOMPARE(keys.layout(), layout);
    QCOMPARE(keys.key(WorkKeyRole::Pin).toByteArray().toHex(), referencePik.toHex());
    QCOMPARE(keys.key(WorkKeyRole::Mac).toByteArray().toHex(), referenceMak.toHex());
    QCOMPARE(keys.has(WorkKeyRole::Track), layout == WorkKeyLayout::TripleDesTrack004);
    if (keys.has(WorkKeyRole::Track))
        QCOMPARE(keys.key(WorkKeyRole::Track).toByteArray().toHex(), referenceTdk.toHex());
}

void tst_CupWorkKeys::buildsReferenceSignOnBlock_data()
{
    QTest::addColumn<WorkKeyLayout>("layout");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("§1.2 F62, 60.3 = 004") << WorkKeyLayout::TripleDesTrack004 << referenceF62;
    QTest::newRow("§1.2 F62 cut to 60.3 = 003") << WorkKeyLayout::TripleDes003 << referenceF62.left(40);
}

void tst_CupWorkKeys::buildsReferenceSignOnBlock()
{
    QFETCH(WorkKeyLayout, layout);
    QFETCH(QByteArray, expected);
    const bool withTrack = layout == WorkKeyLayout::TripleDesTrack004;
    const Result<WorkKeySet> keys = WorkKeySet::fromClearKeys(layout, referencePik, referenceMak,
                                                              withTrack ? referenceTdk : QByteArray());
    POS_VERIFY_RESULT(keys);
    const Result<QByteArray> block = buildWorkKeyBlock(KeyScheme::TripleDes, referenceTmk, keys.value());
    POS_VERIFY_RESULT(block);
    QCOMPARE(block.value().toHex().toUpper(), expected.toHex().toUpper());
}

void tst_CupWorkKeys::workKeyBlockRoundTrips_data()
{
    QTest::addColumn<WorkKeyLayout>("layout");
    QTest::addColumn<KeyScheme>("tmkScheme");
    QTest::addColumn<QByteArray>("tmk");
    QTest::addColumn<QByteArray>("pik");
    QTest::addColumn<QByteArray>("mak");
    QTest::addColumn<QByteArray>("tdk");
    QTest::newRow("001 under a 3DES TMK") << WorkKeyLayout::Des001 << KeyScheme::TripleDes << referenceTmk
                                          << hex("0123456789ABCDEF") << referenceMak << QByteArray();
    QTest::newRow("001 under a DES TMK")
        << WorkKeyLayout::Des001 << KeyScheme::SingleDes << hex("1111111111111111") << hex("0123456789ABCDEF")
        << referenceMak << QByteArray();
    QTest::newRow("006 SM4") << WorkKeyLayout::Sm4006 << KeyScheme::Sm4 << referenceTmk << referencePik
                             << referenceTdk << hex("00112233445566778899AABBCCDDEEFF");
}

void tst_CupWorkKeys::workKeyBlockRoundTrips()
{
    QFETCH(WorkKeyLayout, layout);
    QFETCH(KeyScheme, tmkScheme);
    QFETCH(QByteArray, tmk);
    QFETCH(QByteArray, pik);
    QFETCH(QByteArray, mak);
    QFETCH(QByteArray, tdk);
    const Result<WorkKeySet> keys = WorkKeySet::fromClearKeys(layout, pik, mak, tdk);
    POS_VERIFY_RESULT(keys);
    const Result<QByteArray> block = buildWorkKeyBlock(tmkScheme, tmk, keys.value());
    POS_VERIFY_RESULT(block);
    QCOMPARE(block.value().size(), workKeyBlockLength(layout));
    QVERIFY(!block.value().contains(pik));
    Result<UnwrappedWorkKeys> unwrapped = unwrapWorkKeys(layout, tmkScheme, tmk, block.value());
    POS_VERIFY_RESULT(unwrapped);
    QVERIFY(unwrapped.value().check.allMatch());
    QCOMPARE(unwrapped.value().keys.key(WorkKeyRole::Pin).toByteArray(), pik);
    QCOMPARE(unwrapped.value().keys.key(WorkKeyRole::Mac).toByteArray(), mak);
    QCOMPARE(unwrapped.value().keys.key(WorkKeyRole::Track).toByteArray(), tdk);
    // The MAK KCV is the one of the MAK's own scheme (§4.3; SM4 over 16 zero bytes is [A]), recomputed here
    // with the primitives directly.
    const Result<QByteArray> makZeros = layout == WorkKeyLayout::Sm4006
                                            ? crypto::sm4EcbEncrypt(mak, QByteArray(16, '\0'))
                                            : crypto::desEcbEncrypt(mak, QByteArray(8, '\0'));
    POS_VERIFY_RESULT(makZeros);
    QCOMPARE(unwrapped.value().check.keys.at(1).receivedKcv.toHex(), makZeros.value().left(4).toHex());
}

void tst_CupWorkKeys::reportsKcvMismatch_data()
{
    QTest::addColumn<qsizetype>("flippedByte");
    QTest::addColumn<int>("mismatchingKey"); // index in F62 order
    QTest::newRow("PIK KCV") << qsizetype(16) << 0;
    QTest::newRow("MAK KCV") << qsizetype(39) << 1;
    QTest::newRow("TDK KCV") << qsizetype(59) << 2;
    QTest::newRow("PIK ciphertext") << qsizetype(0) << 0;
    QTest::newRow("TDK ciphertext") << qsizetype(40) << 2;
}

void tst_CupWorkKeys::reportsKcvMismatch()
{
    QFETCH(qsizetype, flippedByte);
    QFETCH(int, mismatchingKey);
    QByteArray tampered = referenceF62;
    tampered[flippedByte] = static_cast<char>(tampered.at(flippedByte) ^ 0x01);
    Result<UnwrappedWorkKeys> unwrapped =
        unwrapWorkKeys(WorkKeyLayout::TripleDesTrack004, KeyScheme::TripleDes, referenceTmk, tampered);
    POS_VERIFY_RESULT(unwrapped);
    const WorkKeyCheck& check = unwrapped.value().check;
    QVERIFY(!check.allMatch());
    QCOMPARE(check.keys.size(), qsizetype(3));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(check.keys.at(i).matches(), i != mismatchingKey);
    QVERIFY(unwrapped.value().keys.isEmpty());
    QVERIFY(!unwrapped.value().keys.has(WorkKeyRole::Mac));
}

void tst_CupWorkKeys::rejectsMalformedWorkKeyBlock_data()
{
    QTest::addColumn<WorkKeyLayout>("layout");
    QTest::addColumn<KeyScheme>("tmkScheme");
    QTest::addColumn<QByteArray>("tmk");
    QTest::addColumn<QByteArray>("block");
    QTest::newRow("004 code, 003 length")
        << WorkKeyLayout::TripleDesTrack004 << KeyScheme::TripleDes << referenceTmk << referenceF62.left(40);
    QTest::newRow("003 code, 004 length")
        << WorkKeyLayout::TripleDes003 << KeyScheme::TripleDes << referenceTmk << referenceF62;
    QTest::newRow("001 code, 40 bytes")
        << WorkKeyLayout::Des001 << KeyScheme::TripleDes << referenceTmk << referenceF62.left(40);
    QTest::newRow("006 code, 24 bytes")
        << WorkKeyLayout::Sm4006 << KeyScheme::Sm4 << referenceTmk << referenceF62.left(24);
    QTest::newRow("empty block") << WorkKeyLayout::TripleDesTrack004 << KeyScheme::TripleDes << referenceTmk
                                 << QByteArray();
    QTest::newRow("8-byte TMK for 3DES")
        << WorkKeyLayout::TripleDesTrack004 << KeyScheme::TripleDes << referenceTmk.left(8) << referenceF62;
    QTest::newRow("SM4 TMK for 004") << WorkKeyLayout::TripleDesTrack004 << KeyScheme::Sm4 << referenceTmk
                                     << referenceF62;
    QTest::newRow("3DES TMK for 006")
        << WorkKeyLayout::Sm4006 << KeyScheme::TripleDes << referenceTmk << referenceF62;
    QTest::newRow("DES TMK for 003") << WorkKeyLayout::TripleDes003 << KeyScheme::SingleDes
                                     << referenceTmk.left(8) << referenceF62.left(40);
}

void tst_CupWorkKeys::rejectsMalformedWorkKeyBlock()
{
    QFETCH(WorkKeyLayout, layout);
    QFETCH(KeyScheme, tmkScheme);
    QFETCH(QByteArray, tmk);
    QFETCH(QByteArray, block);
    const Result<UnwrappedWorkKeys> unwrapped = unwrapWorkKeys(layout, tmkScheme, tmk, block);
    QVERIFY(!unwrapped);
    QCOMPARE(unwrapped.error().code, ErrorCode::InvalidInput);
    QVERIFY(!unwrapped.error().userMessage.isEmpty());
}

void tst_CupWorkKeys::mapsNetworkManagementCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("sm4Code");
    QTest::addColumn<bool>("known");
    QTest::addColumn<WorkKeyLayout>("layout");
    QTest::newRow("001") << u"001"_qs << u"006"_qs << true << WorkKeyLayout::Des001;
    QTest::newRow("003") << u"003"_qs << u"006"_qs << true << WorkKeyLayout::TripleDes003;
    QTest::newRow("004") << u"004"_qs << u"006"_qs << true << WorkKeyLayout::TripleDesTrack004;
    QTest::newRow("006 default SM4") << u"006"_qs << u"006"_qs << true << WorkKeyLayout::Sm4006;
    QTest::newRow("configured SM4 code") << u"011"_qs << u"011"_qs << true << WorkKeyLayout::Sm4006;
    QTest::newRow("006 when SM4 is elsewhere") << u"006"_qs << u"011"_qs << false << WorkKeyLayout::Sm4006;
    QTest::newRow("002 sign-off") << u"002"_qs << u"006"_qs << false << WorkKeyLayout::Sm4006;
}

void tst_CupWorkKeys::mapsNetworkManagementCodes()
{
    QFETCH(QString, code);
    QFETCH(QString, sm4Code);
    QFETCH(bool, known);
    QFETCH(WorkKeyLayout, layout);
    const std::optional<WorkKeyLayout> mapped = workKeyLayoutForCode(code, sm4Code);
    QCOMPARE(mapped.has_value(), known);
    if (known)
        QCOMPARE(*mapped, layout);
}

void tst_CupWorkKeys::workKeySetRejectsWrongKeyLengths_data()
{
    QTest::addColumn<WorkKeyLayout>("layout");
    QTest::addColumn<QByteArray>("pik");
    QTest::addColumn<QByteArray>("mak");
    QTest::addColumn<QByteArray>("tdk");
    QTest::newRow("003 with a 16-byte MAK")
        << WorkKeyLayout::TripleDes003 << referencePik << referencePik << QByteArray();
    QTest::newRow("003 with a TDK") << WorkKeyLayout::TripleDes003 << referencePik << referenceMak
                                    << referenceTdk;
    QTest::newRow("004 without a TDK")
        << WorkKeyLayout::TripleDesTrack004 << referencePik << referenceMak << QByteArray();
    QTest::newRow("006 with an 8-byte MAK")
        << WorkKeyLayout::Sm4006 << referencePik << referenceMak << referenceTdk;
    QTest::newRow("001 with a 16-byte PIK")
        << WorkKeyLayout::Des001 << referencePik << referenceMak << QByteArray();
}

void tst_CupWorkKeys::workKeySetRejectsWrongKeyLengths()
{
    QFETCH(WorkKeyLayout, layout);
    QFETCH(QByteArray, pik);
    QFETCH(QByteArray, mak);
    QFETCH(QByteArray, tdk);
    const Result<WorkKeySet> keys = WorkKeySet::fromClearKeys(layout, pik, mak, tdk);
    QVERIFY(!keys);
    QCOMPARE(keys.error().code, ErrorCode::InvalidInput);
}

void tst_CupWorkKeys::workKeySetMoveLeavesSourceEmpty()
{
    Result<WorkKeySet> created =
        WorkKeySet::fromClearKeys(WorkKeyLayout::TripleDesTrack004, referencePik, referenceMak, referenceTdk);
    POS_VERIFY_RESULT(created);
    WorkKeySet source = std::move(created).value();
    WorkKeySet target;
    QVERIFY(target.isEmpty());
    target = std::move(source);
    QVERIFY(source.isEmpty()); // the moved-from state is part of the contract under test
    QVERIFY(!source.has(WorkKeyRole::Track));
    QCOMPARE(target.key(WorkKeyRole::Track).toByteArray(), referenceTdk);
    target.clear();
    QVERIFY(target.isEmpty());
    QVERIFY(target.key(WorkKeyRole::Pin).isEmpty());
}

QTEST_GUILESS_MAIN(tst_CupWorkKeys)
#include "tst_cup_work_keys.moc"
