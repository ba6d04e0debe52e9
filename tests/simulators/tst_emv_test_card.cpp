// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The test chip's ARQC (simulators/pinpad/EmvTestCard) against three sources that do not use its code:
//  1. published vectors: the doctest examples of pyemv (github.com/knovichikhin/pyemv, kd.py and ac.py) for
//     Option A master key derivation, the common session key derivation and the AC MAC;
//  2. full ARQCs of test-card transactions computed outside the project with Python "cryptography"
//     (a short script: Option A, session key, ISO 9797-1 algorithm 3; it reproduces the vectors of 1.);
//  3. the same chain recomputed here step by step with the raw DES/3DES ECB primitives.
// Negative rows: one bit flipped in the amount, the UN, the ATC, the date, the type, or another key, PAN or
// PSN gives another ARQC and verifyArqc() answers false; a changed TLV fails verifyIccData().
#include "acquirer/iso8583/Tlv.h"
#include "core/crypto/CryptoPrimitives.h"
#include "simulators/pinpad/EmvTestCard.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::sim;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

QByteArray oddParity(QByteArray key)
{
    for (char& byte : key) {
        int ones = 0;
        for (int bit = 0; bit < 8; ++bit)
            ones += (static_cast<quint8>(byte) >> bit) & 1;
        if (ones % 2 == 0)
            byte = static_cast<char>(static_cast<quint8>(byte) ^ 1);
    }
    return key;
}

QByteArray xorBytes(const QByteArray& a, const QByteArray& b)
{
    QByteArray out(a.size(), '\0');
    for (qsizetype i = 0; i < a.size(); ++i)
        out[i] = static_cast<char>(a.at(i) ^ b.at(i));
    return out;
}

// The whole chain, written out from EMV Book 2 A1.4.1, A1.3.1 and ISO 9797-1 algorithm 3 (final block:
// single-DES encrypt under K_L, decrypt under K_R, encrypt under K_L).
QByteArray arqcStepByStep(const QByteArray& imk, const QString& yDigits, quint16 atc, const QByteArray& data)
{
    const QByteArray y = QByteArray::fromHex(yDigits.toLatin1());
    const QByteArray mkLeft = crypto::tdesEcbEncrypt(imk, y).value();
    const QByteArray mkRight = crypto::tdesEcbEncrypt(imk, xorBytes(y, QByteArray(8, '\xFF'))).value();
    const QByteArray mk = oddParity(mkLeft + mkRight);
    QByteArray r(8, '\0');
    r[0] = static_cast<char>(atc >> 8);
    r[1] = static_cast<char>(atc & 0xFF);
    QByteArray rLeft = r, rRight = r;
    rLeft[2] = '\xF0';
    rRight[2] = '\x0F';
    const QByteArray sk =
        oddParity(crypto::tdesEcbEncrypt(mk, rLeft).value() + crypto::tdesEcbEncrypt(mk, rRight).value());
    QByteArray padded = data + QByteArray(1, '\x80');
    padded.append(QByteArray((8 - padded.size() % 8) % 8, '\0'));
    QByteArray h(8, '\0');
    for (qsizetype at = 0; at < padded.size(); at += 8)
        h = crypto::desEcbEncrypt(sk.left(8), xorBytes(h, padded.mid(at, 8))).value();
    return crypto::desEcbEncrypt(sk.left(8), crypto::desEcbDecrypt(sk.mid(8), h).value()).value();
}

struct Row
{
    EmvCardInput card;
    EmvTransactionInput transaction;
};

Row chipSale()
{
    Row row;
    row.card = {u"6212264200008234827"_qs, u"001"_qs, 0x0001, false};
    row.transaction.amountFen = 1111;
    row.transaction.date = QDate(2022, 8, 24);
    row.transaction.type = 0x00;
    row.transaction.unpredictableNumber = hex("9536C9B8");
    return row;
}

} // namespace

Q_DECLARE_METATYPE(pos::sim::EmvCardInput)
Q_DECLARE_METATYPE(pos::sim::EmvTransactionInput)

class tst_EmvTestCard final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishedOptionAVector();
    void publishedSessionKeyVector();
    void publishedAcMacVector();
    void arqcMatchesIndependentComputation_data();
    void arqcMatchesIndependentComputation();
    void changedInputChangesArqc_data();
    void changedInputChangesArqc();
    void iccDataCarriesTheArqcAndNoCardholderData();
    void alteredIccDataFailsVerification_data();
    void alteredIccDataFailsVerification();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
};

// pyemv kd.derive_icc_mk_a docstring.
void tst_EmvTestCard::publishedOptionAVector()
{
    const Result<QByteArray> mk =
        deriveIccMasterKeyOptionA(hex("0123456789ABCDEFFEDCBA9876543210"), u"12345678901234567", u"01");
    QVERIFY(mk);
    QCOMPARE(mk.value().toHex().toUpper(), QByteArray("73AD54688CEF2934B0979857E3C719F1"));
}

// pyemv kd.derive_common_sk docstring: R = 001C000000000000, i.e. ATC 001C.
void tst_EmvTestCard::publishedSessionKeyVector()
{
    const Result<QByteArray> sk = deriveAcSessionKey(hex("0123456789ABCDEFFEDCBA9876543210"), 0x001C);
    QVERIFY(sk);
    QCOMPARE(sk.value().toHex().toUpper(), QByteArray("E9FB384AF807B940FEDCEA613461B0C4"));
}

// pyemv ac.generate_ac docstring (EMV padding = ISO 9797-1 method 2).
void tst_EmvTestCard::publishedAcMacVector()
{
    const Result<QByteArray> mac =
        macIso9797Algorithm3(hex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBB"),
                             hex("000000002000000000000000012400000080000124110309003804823E58000001"));
    QVERIFY(mac);
    QCOMPARE(mac.value().toHex().toUpper(), QByteArray("3B76CF10FECD8789"));
}

void tst_EmvTestCard::arqcMatchesIndependentComputation_data()
{
    QTest::addColumn<EmvCardInput>("card");
    QTest::addColumn<EmvTransactionInput>("transaction");
    QTest::addColumn<QString>("y");           // rightmost 16 digits of PAN || PSN
    QTest::addColumn<QByteArray>("macInput"); // the 37 bytes MAC'd
    QTest::addColumn<QByteArray>("arqc");     // from the external Python computation

    const Row chip = chipSale();
    QTest::newRow("chip-approve sale, 19-digit PAN")
        << chip.card << chip.transaction << u"6420000823482701"_qs
        << hex("000000001111000000000000015600000000000156220824009536C9B87C00000103A00000")
        << hex("5B64CB235DB1E846");

    Row contactless;
    contactless.card = {u"6234567800012349"_qs, u"002"_qs, 0x0C66, true};
    contactless.transaction.amountFen = 123456;
    contactless.transaction.date = QDate(2026, 11, 22);
    contactless.transaction.type = 0x20;
    contactless.transaction.unpredictableNumber = hex("01020304");
    QTest::newRow("contactless refund, 16-digit PAN")
        << contactless.card << contactless.transaction << u"3456780001234902"_qs
        << hex("00000012345600000000000001560000000000015626112220010203047C000C6603A00000")
        << hex("273521A57D029E0A");

    Row shortPan;
    shortPan.card = {u"6225880137563"_qs, QString(), 0xFFFF, false};
    shortPan.transaction.amountFen = 0;
    shortPan.transaction.date = QDate(2099, 12, 31);
    shortPan.transaction.unpredictableNumber = hex("FFFFFFFF");
    QTest::newRow("13-digit PAN, no PSN, last ATC")
        << shortPan.card << shortPan.transaction << u"0622588013756300"_qs
        << hex("00000000000000000000000001560000000000015699123100FFFFFFFF7C00FFFF03A00000")
        << hex("555D962AC5CDF0F6");
}

void tst_EmvTestCard::arqcMatchesIndependentComputation()
{
    QFETCH(EmvCardInput, card);
    QFETCH(EmvTransactionInput, transaction);
    QFETCH(QString, y);
    QFETCH(QByteArray, macInput);
    QFETCH(QByteArray, arqc);

    const Result<QByteArray> data = arqcInputData(card, transaction);
    QVERIFY(data);
    QCOMPARE(data.value().toHex().toUpper(), macInput.toHex().toUpper());

    const QByteArray imk = emvTestIssuerMasterKey();
    QCOMPARE(imk.size(), 16);
    QCOMPARE(arqcStepByStep(imk, y, card.atc, macInput).toHex().toUpper(), arqc.toHex().toUpper());

    const Result<QByteArray> computed = computeArqc(imk, card, transaction);
    QVERIFY(computed);
    QCOMPARE(computed.value().toHex().toUpper(), arqc.toHex().toUpper());
    const Result<bool> verified = verifyArqc(imk, card, transaction, arqc);
    QVERIFY(verified);
    QVERIFY(verified.value());
}

void tst_EmvTestCard::changedInputChangesArqc_data()
{
    QTest::addColumn<EmvCardInput>("card");
    QTest::addColumn<EmvTransactionInput>("transaction");
    QTest::addColumn<QByteArray>("issuerKey");

    const Row base = chipSale();
    const QByteArray imk = emvTestIssuerMasterKey();
    Row row = base;
    row.transaction.amountFen ^= 1;
    QTest::newRow("amount bit 0") << row.card << row.transaction << imk;
    row = base;
    row.transaction.unpredictableNumber[3] =
        static_cast<char>(row.transaction.unpredictableNumber.at(3) ^ 0x01);
    QTest::newRow("UN bit 0") << row.card << row.transaction << imk;
    row = base;
    row.card.atc ^= 0x0100;
    QTest::newRow("ATC bit 8") << row.card << row.transaction << imk;
    row = base;
    row.transaction.date = row.transaction.date.addDays(1);
    QTest::newRow("date") << row.card << row.transaction << imk;
    row = base;
    row.transaction.type = 0x20;
    QTest::newRow("type refund") << row.card << row.transaction << imk;
    row = base;
    row.transaction.currencyCode = 840;
    QTest::newRow("currency") << row.card << row.transaction << imk;
    row = base;
    row.card.cardSequence = u"002"_qs;
    QTest::newRow("PSN") << row.card << row.transaction << imk;
    row = base;
    row.card.pan = u"6212264200008234835"_qs;
    QTest::newRow("PAN") << row.card << row.transaction << imk;
    QByteArray otherKey = imk;
    otherKey[15] = static_cast<char>(otherKey.at(15) ^ 0x02); // not a parity bit
    QTest::newRow("issuer key") << base.card << base.transaction << otherKey;
}

void tst_EmvTestCard::changedInputChangesArqc()
{
    QFETCH(EmvCardInput, card);
    QFETCH(EmvTransactionInput, transaction);
    QFETCH(QByteArray, issuerKey);

    const Row base = chipSale();
    const QByteArray original = computeArqc(emvTestIssuerMasterKey(), base.card, base.transaction).value();
    const Result<QByteArray> changed = computeArqc(issuerKey, card, transaction);
    QVERIFY(changed);
    QVERIFY(changed.value() != original);
    const Result<bool> verified = verifyArqc(issuerKey, card, transaction, original);
    QVERIFY(verified);
    QCOMPARE(verified.value(), false);
}

void tst_EmvTestCard::iccDataCarriesTheArqcAndNoCardholderData()
{
    const Row row = chipSale();
    const QByteArray imk = emvTestIssuerMasterKey();
    const Result<QByteArray> icc = buildIccData(imk, row.card, row.transaction);
    QVERIFY(icc);
    QVERIFY(icc.value().size() <= 255); // field 55's limit
    const Result<QList<acquirer::TlvElement>> elements = acquirer::decodeTlv(icc.value());
    QVERIFY(elements);
    QStringList tags;
    for (const acquirer::TlvElement& element : elements.value())
        tags.append(acquirer::tlvTagHex(element.tag));
    QCOMPARE(tags.join(u' '),
             u"9F26 9F27 9F10 9F37 9F36 95 9A 9C 9F02 5F2A 82 9F1A 9F03 9F33 9F34 9F35 84 5F34"_qs);
    const auto value = [&](quint32 tag) { return acquirer::findTlv(elements.value(), tag)->value; };
    QCOMPARE(value(0x9F26), hex("5B64CB235DB1E846"));
    QCOMPARE(value(0x9F27), hex("80"));
    QCOMPARE(value(0x9F10), hex("07010103A00000"));
    QCOMPARE(value(0x9F36), hex("0001"));
    QCOMPARE(value(0x9F02), hex("000000001111"));
    QCOMPARE(value(0x9A), hex("220824"));
    QCOMPARE(value(0x84), hex("A000000333010101"));
    QCOMPARE(value(0x5F34), hex("01"));
    // No PAN (5A), no track 2 (57), and the PAN's digits appear nowhere.
    QVERIFY(!acquirer::findTlv(elements.value(), 0x5A));
    QVERIFY(!acquirer::findTlv(elements.value(), 0x57));
    QVERIFY(!icc.value().contains(hex("6212264200")));

    const Result<bool> verified = verifyIccData(imk, row.card.pan, row.card.cardSequence, icc.value());
    QVERIFY(verified);
    QVERIFY(verified.value());
}

void tst_EmvTestCard::alteredIccDataFailsVerification_data()
{
    QTest::addColumn<quint32>("tag");
    QTest::addColumn<int>("byteIndex");
    QTest::newRow("9F26 ARQC") << quint32(0x9F26) << 7;
    QTest::newRow("9F02 amount") << quint32(0x9F02) << 5;
    QTest::newRow("9F37 UN") << quint32(0x9F37) << 0;
    QTest::newRow("9F36 ATC") << quint32(0x9F36) << 1;
    QTest::newRow("9F10 CVR") << quint32(0x9F10) << 4;
    QTest::newRow("95 TVR") << quint32(0x95) << 0;
    QTest::newRow("9A date") << quint32(0x9A) << 2;
}

void tst_EmvTestCard::alteredIccDataFailsVerification()
{
    QFETCH(quint32, tag);
    QFETCH(int, byteIndex);
    const Row row = chipSale();
    const QByteArray imk = emvTestIssuerMasterKey();
    QList<acquirer::TlvElement> elements =
        acquirer::decodeTlv(buildIccData(imk, row.card, row.transaction).value()).value();
    bool found = false;
    for (acquirer::TlvElement& element : elements) {
        if (element.tag == tag) {
            element.value[byteIndex] = static_cast<char>(element.value.at(byteIndex) ^ 0x01);
            found = true;
        }
    }
    QVERIFY(found);
    const Result<bool> verified =
        verifyIccData(imk, row.card.pan, row.card.cardSequence, acquirer::encodeTlv(elements).value());
    QVERIFY(verified);
    QCOMPARE(verified.value(), false);
}

void tst_EmvTestCard::rejectsInvalidInput_data()
{
    QTest::addColumn<EmvCardInput>("card");
    QTest::addColumn<EmvTransactionInput>("transaction");
    QTest::addColumn<QByteArray>("issuerKey");
    const Row base = chipSale();
    const QByteArray imk = emvTestIssuerMasterKey();
    Row row = base;
    row.transaction.unpredictableNumber = hex("010203");
    QTest::newRow("3-byte UN") << row.card << row.transaction << imk;
    row = base;
    row.transaction.amountFen = -1;
    QTest::newRow("negative amount") << row.card << row.transaction << imk;
    row = base;
    row.transaction.amountFen = 1'000'000'000'000;
    QTest::newRow("13-digit amount") << row.card << row.transaction << imk;
    row = base;
    row.transaction.date = QDate();
    QTest::newRow("no date") << row.card << row.transaction << imk;
    row = base;
    row.card.pan = u"62122642000082348X7"_qs;
    QTest::newRow("non-digit PAN") << row.card << row.transaction << imk;
    row = base;
    row.card.pan = u"62122642000"_qs;
    QTest::newRow("11-digit PAN") << row.card << row.transaction << imk;
    row = base;
    row.card.cardSequence = u"0A1"_qs;
    QTest::newRow("non-digit sequence") << row.card << row.transaction << imk;
    QTest::newRow("8-byte issuer key") << base.card << base.transaction << imk.left(8);
}

void tst_EmvTestCard::rejectsInvalidInput()
{
    QFETCH(EmvCardInput, card);
    QFETCH(EmvTransactionInput, transaction);
    QFETCH(QByteArray, issuerKey);
    const Result<QByteArray> arqc = computeArqc(issuerKey, card, transaction);
    QVERIFY(!arqc);
    QCOMPARE(arqc.error().code, ErrorCode::InvalidInput);
    QVERIFY(!arqc.error().detail.contains(card.pan.left(10)));
    QVERIFY(!buildIccData(issuerKey, card, transaction));
    QVERIFY(!verifyArqc(issuerKey, card, transaction, QByteArray(8, '\0')));
}

QTEST_GUILESS_MAIN(tst_EmvTestCard)
#include "tst_emv_test_card.moc"
