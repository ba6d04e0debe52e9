// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The stateless CUP terminal crypto of acquirer/crypto (block ciphers, KCV, PIN block, MACs, track) against
// the vectors of /work/shared/design/acquirer-protocol.md (§6.4, §6.5, §7; "§7 #n" = row n of its table) and
// published MAC vectors (FIPS 113 for X9.9; Bouncy Castle's ISO9797Alg3MacTest for X9.19). Rows marked
// "derived" check a rule of the reference against an independent computation with the core primitives, where
// no published vector exists ([A] choices: SM4 KCV, SM4 MAC, SM4 PIN block).
#include "acquirer/CupReferenceVectors.h"
#include "acquirer/crypto/CupMac.h"
#include "acquirer/crypto/PinBlock.h"
#include "acquirer/crypto/SchemeCipher.h"
#include "acquirer/crypto/TrackEncryption.h"
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

// FIPS 113 / §7 #8: "7654321 Now is the time for " (28 bytes).
const QByteArray fipsMacData = QByteArrayLiteral("7654321 Now is the time for ");

QByteArray xorBytes(QByteArrayView left, QByteArrayView right)
{
    QByteArray out(left.size(), '\0');
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i] = static_cast<char>(left.at(i) ^ right.at(i));
    return out;
}

} // namespace

class tst_CupCrypto final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encryptsReferenceBlocks_data();
    void encryptsReferenceBlocks();
    void keyCheckValueMatchesReference_data();
    void keyCheckValueMatchesReference();
    void sm4KeyCheckValueEncrypts16ZeroBytes();
    void keyCheckValueRejects_data();
    void keyCheckValueRejects();

    void clearPinBlock_data();
    void clearPinBlock();
    void encryptedPinBlock_data();
    void encryptedPinBlock();
    void decryptPinRecoversPin_data();
    void decryptPinRecoversPin();
    void decryptPinRejectsForeignBlocks_data();
    void decryptPinRejectsForeignBlocks();
    void pinBlockRejectsBadInput_data();
    void pinBlockRejectsBadInput();

    void macMatchesReference_data();
    void macMatchesReference();
    void cupEcbMacPadsWithZeros();
    void sm4CupEcbMacFollowsTheSteps();
    void macRejectsBadInput_data();
    void macRejectsBadInput();

    void trackMatchesReference_data();
    void trackMatchesReference();
    void trackEncryptsOnlyTheWindow_data();
    void trackEncryptsOnlyTheWindow();
    void trackRejectsBadInput_data();
    void trackRejectsBadInput();
};

void tst_CupCrypto::encryptsReferenceBlocks_data()
{
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("§7 #1 DES zeros") << KeyScheme::SingleDes << hex("0123456789ABCDEF") << QByteArray(8, '\0')
                                     << hex("D5D44FF720683D0D");
    QTest::newRow("§7 #2 3DES zeros")
        << KeyScheme::TripleDes << referencePik << QByteArray(8, '\0') << hex("08D7B4FB629D0885");
    QTest::newRow("§7 #14 SM4 GB/T 32907")
        << KeyScheme::Sm4 << referencePik << referencePik << hex("681EDF34D206965E86B3E94F536E4246");
    QTest::newRow("§7 #18 PIK under TMK")
        << KeyScheme::TripleDes << referenceTmk << referencePik << hex("CB4AB541CD5AD4FC256A882726936A5A");
}

void tst_CupCrypto::encryptsReferenceBlocks()
{
    QFETCH(KeyScheme, scheme);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> encrypted = encryptBlocks(scheme, key, plain);
    POS_VERIFY_RESULT(encrypted);
    QCOMPARE(encrypted.value().toHex().toUpper(), expected.toHex().toUpper());
    const Result<QByteArray> decrypted = decryptBlocks(scheme, key, encrypted.value());
    POS_VERIFY_RESULT(decrypted);
    QCOMPARE(decrypted.value(), plain);
}

void tst_CupCrypto::keyCheckValueMatchesReference_data()
{
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("§7 #1 DES, whole block")
        << KeyScheme::SingleDes << hex("0123456789ABCDEF") << qsizetype(8) << hex("D5D44FF720683D0D");
    QTest::newRow("§7 #2 3DES, whole block")
        << KeyScheme::TripleDes << referencePik << qsizetype(8) << hex("08D7B4FB629D0885");
    QTest::newRow("§7 #18 PIK KCV (3DES)")
        << KeyScheme::TripleDes << referencePik << qsizetype(4) << hex("08D7B4FB");
    QTest::newRow("§7 #18 MAK KCV (single DES)")
        << KeyScheme::SingleDes << referenceMak << qsizetype(4) << hex("0D40BFF8");
    QTest::newRow("§7 #18 TDK KCV (3DES)")
        << KeyScheme::TripleDes << referenceTdk << qsizetype(4) << hex("EB7A8DF9");
    QTest::newRow("MAK as K‖K = single DES KCV")
        << KeyScheme::TripleDes << QByteArray(referenceMak + referenceMak) << qsizetype(4) << hex("0D40BFF8");
}

void tst_CupCrypto::keyCheckValueMatchesReference()
{
    QFETCH(KeyScheme, scheme);
    QFETCH(QByteArray, key);
    QFETCH(qsizetype, length);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> kcv = keyCheckValue(scheme, key, length);
    POS_VERIFY_RESULT(kcv);
    QCOMPARE(kcv.value().toHex().toUpper(), expected.toHex().toUpper());
}

// [A] derived: the SM4 KCV is E_SM4(key, 16 zero bytes)[0..3] (§4.3), not an 8-byte zero input.
void tst_CupCrypto::sm4KeyCheckValueEncrypts16ZeroBytes()
{
    const Result<QByteArray> kcv = keyCheckValue(KeyScheme::Sm4, referencePik);
    POS_VERIFY_RESULT(kcv);
    const Result<QByteArray> oracle = crypto::sm4EcbEncrypt(referencePik, QByteArray(16, '\0'));
    POS_VERIFY_RESULT(oracle);
    QCOMPARE(kcv.value().size(), qsizetype(4));
    QCOMPARE(kcv.value().toHex(), oracle.value().left(4).toHex());
}

void tst_CupCrypto::keyCheckValueRejects_data()
{
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<qsizetype>("length");
    QTest::newRow("DES 16-byte key") << KeyScheme::SingleDes << referencePik << qsizetype(4);
    QTest::newRow("3DES 8-byte key") << KeyScheme::TripleDes << referenceMak << qsizetype(4);
    QTest::newRow("3DES 24-byte key") << KeyScheme::TripleDes << QByteArray(24, '\x01') << qsizetype(4);
    QTest::newRow("SM4 8-byte key") << KeyScheme::Sm4 << referenceMak << qsizetype(4);
    QTest::newRow("empty key") << KeyScheme::TripleDes << QByteArray() << qsizetype(4);
    QTest::newRow("length 0") << KeyScheme::TripleDes << referencePik << qsizetype(0);
    QTest::newRow("length 9 for DES") << KeyScheme::SingleDes << referenceMak << qsizetype(9);
    QTest::newRow("length 17 for SM4") << KeyScheme::Sm4 << referencePik << qsizetype(17);
}

void tst_CupCrypto::keyCheckValueRejects()
{
    QFETCH(KeyScheme, scheme);
    QFETCH(QByteArray, key);
    QFETCH(qsizetype, length);
    const Result<QByteArray> kcv = keyCheckValue(scheme, key, length);
    QVERIFY(!kcv);
    QCOMPARE(kcv.error().code, ErrorCode::InvalidInput);
    QVERIFY(!kcv.error().userMessage.isEmpty());
}

void tst_CupCrypto::clearPinBlock_data()
{
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<Sm4PinBlockPadding>("padding");
    QTest::addColumn<QByteArray>("pin");
    QTest::addColumn<QByteArray>("pan");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("§7 #3 ISO-0") << KeyScheme::TripleDes << Sm4PinBlockPadding::ExtendFields << "1234"_ba
                                 << "5544332211009966"_ba << hex("041277CDDEEFF669");
    QTest::newRow("§7 #3 ISO-0 for a single-length PIK")
        << KeyScheme::SingleDes << Sm4PinBlockPadding::ExtendFields << "1234"_ba
        << "5544332211009966"_ba << hex("041277CDDEEFF669");
    // [A] derived by hand from the definitions in core/KeyTypes.h.
    QTest::newRow("SM4 extend fields") << KeyScheme::Sm4 << Sm4PinBlockPadding::ExtendFields << "1234"_ba
                                       << "5544332211009966"_ba << hex("041234FFFFFFFFFFFFFFBCCDDEEFF669");
    QTest::newRow("SM4 append FF") << KeyScheme::Sm4 << Sm4PinBlockPadding::AppendFF << "1234"_ba
                                   << "5544332211009966"_ba << hex("041277CDDEEFF669FFFFFFFFFFFFFFFF");
    QTest::newRow("SM4 append zeros") << KeyScheme::Sm4 << Sm4PinBlockPadding::AppendZeros << "1234"_ba
                                      << "5544332211009966"_ba << hex("041277CDDEEFF6690000000000000000");
    // ISO 9564-1: fewer than 12 PAN digits before the check digit are left-padded with zeros.
    QTest::newRow("short PAN padded left")
        << KeyScheme::TripleDes << Sm4PinBlockPadding::ExtendFields << "1234"_ba
        << "123456789"_ba << hex("041234FFEDCBA987");
}

void tst_CupCrypto::clearPinBlock()
{
    QFETCH(KeyScheme, scheme);
    QFETCH(Sm4PinBlockPadding, padding);
    QFETCH(QByteArray, pin);
    QFETCH(QByteArray, pan);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> block = formatPinBlock(scheme, pin, pan, padding);
    POS_VERIFY_RESULT(block);
    QCOMPARE(block.value().toHex().toUpper(), expected.toHex().toUpper());
}

void tst_CupCrypto::encryptedPinBlock_data()
{
    QTest::addColumn<QByteArray>("pik");
    QTest::addColumn<QByteArray>("pin");
    QTest::addColumn<QByteArray>("pan");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("§7 #5 F52 of §1.3") << referencePik << "123456"_ba
                                       << "6225880137563118"_ba << hex("F770027C86263587");
}

void tst_CupCrypto::encryptedPinBlock()
{
    QFETCH(QByteArray, pik);
    QFETCH(QByteArray, pin);
    QFETCH(QByteArray, pan);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> block = encryptPinBlock(KeyScheme::TripleDes, pik, pin, pan);
    POS_VERIFY_RESULT(block);
    QCOMPARE(block.value().toHex().toUpper(), expected.toHex().toUpper());
}

void tst_CupCrypto::decryptPinRecoversPin_data()
{
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<Sm4PinBlockPadding>("padding");
    QTest::addColumn<QByteArray>("pik");
    QTest::addColumn<QByteArray>("pin");
    QTest::addColumn<QByteArray>("pan");
    QTest::newRow("3DES") << KeyScheme::TripleDes << Sm4PinBlockPadding::ExtendFields << referencePik
                          << "123456"_ba
                          << "6225880137563118"_ba;
    QTest::newRow("DES, 12-digit PIN")
        << KeyScheme::SingleDes << Sm4PinBlockPadding::ExtendFields << referenceMak << "987654321098"_ba
        << "6225880137563118"_ba;
    QTest::newRow("SM4 extend fields")
        << KeyScheme::Sm4 << Sm4PinBlockPadding::ExtendFields << referencePik << "1234"_ba
        << "6212264200008234827"_ba;
    QTest::newRow("SM4 append FF") << KeyScheme::Sm4 << Sm4PinBlockPadding::AppendFF << referencePik
                                   << "123456"_ba
                                   << "6225880137563118"_ba;
    QTest::newRow("SM4 append zeros")
        << KeyScheme::Sm4 << Sm4PinBlockPadding::AppendZeros << referencePik << "123456"_ba
        << "6225880137563118"_ba;
}

void tst_CupCrypto::decryptPinRecoversPin()
{
    QFETCH(KeyScheme, scheme);
    QFETCH(Sm4PinBlockPadding, padding);
    QFETCH(QByteArray, pik);
    QFETCH(QByteArray, pin);
    QFETCH(QByteArray, pan);
    const Result<QByteArray> encrypted = encryptPinBlock(scheme, pik, pin, pan, padding);
    POS_VERIFY_RESULT(encrypted);
    QCOMPARE(encrypted.value().size(), blockLength(scheme));
    const Result<QByteArray> recovered = decryptPin(scheme, pik, encrypted.value(), pan, padding);
    POS_VERIFY_RESULT(recovered);
    QCOMPARE(recovered.value(), pin);
}

void tst_CupCrypto::decryptPinRejectsForeignBlocks_data()
{
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<Sm4PinBlockPadding>("padding");
    QTest::addColumn<QByteArray>("pik");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QByteArray>("pan");
    QTest::newRow("wrong PIK") << KeyScheme::TripleDes << Sm4PinBlockPadding::ExtendFields << referenceTdk
                               << hex("F770027C86263587") << "6225880137563118"_ba;
    QTest::newRow("flipped bit") << KeyScheme::TripleDes << Sm4PinBlockPadding::ExtendFields << referencePik
                                 << hex("F770027C86263586") << "6225880137563118"_ba;
    QTest::newRow("block too short") << KeyScheme::TripleDes << Sm4PinBlockPadding::ExtendFields
                                     << referencePik << hex("F770027C862635") << "6225880137563118"_ba;
    QTest::newRow("8-byte block for SM4") << KeyScheme::Sm4 << Sm4PinBlockPadding::ExtendFields
                                          << referencePik << hex("F770027C86263587") << "6225880137563118"_ba;
    QTest::newRow("bad PAN") << KeyScheme::TripleDes << Sm4PinBlockPadding::ExtendFields << referencePik
                             << hex("F770027C86263587") << "62258801375631X8"_ba;
}

void tst_CupCrypto::decryptPinRejectsForeignBlocks()
{
    QFETCH(KeyScheme, scheme);
    QFETCH(Sm4PinBlockPadding, padding);
    QFETCH(QByteArray, pik);
    QFETCH(QByteArray, block);
    QFETCH(QByteArray, pan);
    const Result<QByteArray> pin = decryptPin(scheme, pik, block, pan, padding);
    QVERIFY(!pin);
    QCOMPARE(pin.error().code, ErrorCode::InvalidInput);
    QVERIFY(!pin.error().detail.contains(QString::fromLatin1(pan)));
}

void tst_CupCrypto::pinBlockRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("pin");
    QTest::addColumn<QByteArray>("pan");
    QTest::newRow("PIN of 3 digits") << "123"_ba
                                     << "6225880137563118"_ba;
    QTest::newRow("PIN of 13 digits") << "1234567890123"_ba
                                      << "6225880137563118"_ba;
    QTest::newRow("PIN with a letter") << "12a4"_ba
                                       << "6225880137563118"_ba;
    QTest::newRow("empty PIN") << QByteArray() << "6225880137563118"_ba;
    QTest::newRow("PAN of 7 digits") << "1234"_ba
                                     << "6225880"_ba;
    QTest::newRow("PAN of 20 digits") << "1234"_ba
                                      << "62258801375631181234"_ba;
    QTest::newRow("PAN with '='") << "1234"_ba
                                  << "6225880137563118=2512"_ba;
}

void tst_CupCrypto::pinBlockRejectsBadInput()
{
    QFETCH(QByteArray, pin);
    QFETCH(QByteArray, pan);
    const Result<QByteArray> block = encryptPinBlock(KeyScheme::TripleDes, referencePik, pin, pan);
    QVERIFY(!block);
    QCOMPARE(block.error().code, ErrorCode::InvalidInput);
    if (!pin.isEmpty())
        QVERIFY(!block.error().detail.contains(QString::fromLatin1(pin)));
}

void tst_CupCrypto::macMatchesReference_data()
{
    QTest::addColumn<MacAlgorithm>("algorithm");
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("§6.4 CUP ECB, 8-byte MAK")
        << MacAlgorithm::CupEcb << KeyScheme::SingleDes << referenceMak << referenceMab << "65980D46"_ba;
    QTest::newRow("§6.4 CUP ECB, MAK as K‖K")
        << MacAlgorithm::CupEcb << KeyScheme::TripleDes << QByteArray(referenceMak + referenceMak)
        << referenceMab << "65980D46"_ba;
    QTest::newRow("§7 #8 X9.9 FIPS 113") << MacAlgorithm::AnsiX99 << KeyScheme::SingleDes
                                         << hex("0123456789ABCDEF") << fipsMacData << hex("F1D30F6849312CA4");
    QTest::newRow("§7 #8 X9.9 CBC step 1")
        << MacAlgorithm::AnsiX99 << KeyScheme::SingleDes << hex("0123456789ABCDEF") << fipsMacData.left(8)
        << hex("21FB193693A16C28");
    QTest::newRow("§7 #8 X9.9 CBC step 2")
        << MacAlgorithm::AnsiX99 << KeyScheme::SingleDes << hex("0123456789ABCDEF") << fipsMacData.left(16)
        << hex("6C463F0CB7167A6F");
    QTest::newRow("§7 #8 X9.9 CBC step 3")
        << MacAlgorithm::AnsiX99 << KeyScheme::SingleDes << hex("0123456789ABCDEF") << fipsMacData.left(24)
        << hex("956EE891E889D91E");
    QTest::newRow("§7 #9 X9.19 Bouncy Castle")
        << MacAlgorithm::AnsiX919 << KeyScheme::TripleDes << hex("7CA110454A1A6E570131D9619DC1376E")
        << "Hello World !!!!"_ba << hex("F09B856213BAB83B");
    // ISO 9797-1: algorithm 3 with K1 = K2 reduces to algorithm 1 (X9.9).
    QTest::newRow("X9.19 with K1 = K2 is X9.9")
        << MacAlgorithm::AnsiX919 << KeyScheme::TripleDes << hex("0123456789ABCDEF0123456789ABCDEF")
        << fipsMacData << hex("F1D30F6849312CA4");
}

void tst_CupCrypto::macMatchesReference()
{
    QFETCH(MacAlgorithm, algorithm);
    QFETCH(KeyScheme, scheme);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> mac = computeMac(algorithm, scheme, key, data);
    POS_VERIFY_RESULT(mac);
    QCOMPARE(mac.value().toHex().toUpper(), expected.toHex().toUpper());
}

// §6.3 step 2: 0x00 padding to a multiple of 8, so explicit trailing zeros up to the boundary change nothing,
// while any other trailing byte does.
void tst_CupCrypto::cupEcbMacPadsWithZeros()
{
    const Result<QByteArray> padded =
        cupEcbMac(KeyScheme::SingleDes, referenceMak, QByteArray(referenceMab + QByteArray(7, '\0')));
    POS_VERIFY_RESULT(padded);
    QCOMPARE(padded.value(), "65980D46"_ba);
    const Result<QByteArray> other =
        cupEcbMac(KeyScheme::SingleDes, referenceMak, QByteArray(referenceMab + QByteArray(7, '\x01')));
    POS_VERIFY_RESULT(other);
    QVERIFY(other.value() != "65980D46"_ba);
}

// [A] derived: the SM4 variant of §6.3 recomputed step by step with the SM4 primitive.
void tst_CupCrypto::sm4CupEcbMacFollowsTheSteps()
{
    const QByteArray mak = referenceTdk;
    const QByteArray padded = referenceMab + QByteArray(16 - referenceMab.size() % 16, '\0');
    QByteArray resultBlock(16, '\0');
    for (qsizetype offset = 0; offset < padded.size(); offset += 16)
        resultBlock = xorBytes(resultBlock, padded.mid(offset, 16));
    const QByteArray resultHex = resultBlock.toHex().toUpper();
    const Result<QByteArray> first = crypto::sm4EcbEncrypt(mak, resultHex.left(16));
    POS_VERIFY_RESULT(first);
    const Result<QByteArray> second = crypto::sm4EcbEncrypt(mak, xorBytes(first.value(), resultHex.mid(16)));
    POS_VERIFY_RESULT(second);
    const QByteArray oracle = second.value().toHex().toUpper().left(8);

    const Result<QByteArray> mac = cupEcbMac(KeyScheme::Sm4, mak, referenceMab);
    POS_VERIFY_RESULT(mac);
    QCOMPARE(mac.value(), oracle);
    QCOMPARE(mac.value().size(), cupMacLength);
}

void tst_CupCrypto::macRejectsBadInput_data()
{
    QTest::addColumn<MacAlgorithm>("algorithm");
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("CUP ECB empty MAB")
        << MacAlgorithm::CupEcb << KeyScheme::SingleDes << referenceMak << QByteArray();
    QTest::newRow("CUP ECB 7-byte MAK")
        << MacAlgorithm::CupEcb << KeyScheme::SingleDes << referenceMak.left(7) << referenceMab;
    QTest::newRow("CUP ECB 3DES with 8-byte MAK")
        << MacAlgorithm::CupEcb << KeyScheme::TripleDes << referenceMak << referenceMab;
    QTest::newRow("CUP ECB SM4 with 8-byte MAK")
        << MacAlgorithm::CupEcb << KeyScheme::Sm4 << referenceMak << referenceMab;
    QTest::newRow("X9.9 with a 16-byte key")
        << MacAlgorithm::AnsiX99 << KeyScheme::TripleDes << referencePik << fipsMacData;
    QTest::newRow("X9.9 empty data") << MacAlgorithm::AnsiX99 << KeyScheme::SingleDes << referenceMak
                                     << QByteArray();
    QTest::newRow("X9.19 with an 8-byte key")
        << MacAlgorithm::AnsiX919 << KeyScheme::SingleDes << referenceMak << fipsMacData;
    QTest::newRow("X9.19 with an SM4 MAK")
        << MacAlgorithm::AnsiX919 << KeyScheme::Sm4 << referencePik << fipsMacData;
}

void tst_CupCrypto::macRejectsBadInput()
{
    QFETCH(MacAlgorithm, algorithm);
    QFETCH(KeyScheme, scheme);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    const Result<QByteArray> mac = computeMac(algorithm, scheme, key, data);
    QVERIFY(!mac);
    QCOMPARE(mac.error().code, ErrorCode::InvalidInput);
}

void tst_CupCrypto::trackMatchesReference_data()
{
    QTest::addColumn<QByteArray>("track");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("§6.5 F35") << "6225880137563118D25122010000000000"_ba
                              << "6225880137563118759048C4C7F0E26300"_ba;
    QTest::newRow("§6.5 F35 with '='") << "6225880137563118=25122010000000000"_ba
                                       << "6225880137563118759048C4C7F0E26300"_ba;
}

void tst_CupCrypto::trackMatchesReference()
{
    QFETCH(QByteArray, track);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> encrypted = encryptTrack(KeyScheme::TripleDes, referenceTdk, track);
    POS_VERIFY_RESULT(encrypted);
    QCOMPARE(encrypted.value(), expected);
    const Result<QByteArray> decrypted = decryptTrack(KeyScheme::TripleDes, referenceTdk, encrypted.value());
    POS_VERIFY_RESULT(decrypted);
    QCOMPARE(decrypted.value(), QByteArray(track).replace('=', 'D'));
}

void tst_CupCrypto::trackEncryptsOnlyTheWindow_data()
{
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<QByteArray>("track");
    QTest::addColumn<qsizetype>("windowStart");
    const QByteArray track2 = "6225880137563118D25122010000000000"_ba; // 34 digits
    QTest::newRow("3DES even length") << KeyScheme::TripleDes << track2 << qsizetype(34 - 18);
    QTest::newRow("3DES odd length") << KeyScheme::TripleDes << track2.left(33) << qsizetype(33 - 17);
    QTest::newRow("3DES odd minimum") << KeyScheme::TripleDes << track2.left(17) << qsizetype(0);
    QTest::newRow("SM4 even length") << KeyScheme::Sm4 << QByteArray(track2 + "123456"_ba)
                                     << qsizetype(40 - 34);
    QTest::newRow("SM4 odd length") << KeyScheme::Sm4 << QByteArray(track2 + "123"_ba) << qsizetype(37 - 33);
}

void tst_CupCrypto::trackEncryptsOnlyTheWindow()
{
    QFETCH(KeyScheme, scheme);
    QFETCH(QByteArray, track);
    QFETCH(qsizetype, windowStart);
    const QByteArray tdk = scheme == KeyScheme::Sm4 ? referencePik : referenceTdk;
    const qsizetype windowDigits = 2 * blockLength(scheme);
    const Result<QByteArray> encrypted = encryptTrack(scheme, tdk, track);
    POS_VERIFY_RESULT(encrypted);
    const Result<QByteArray> window =
        encryptBlocks(scheme, tdk, QByteArray::fromHex(track.mid(windowStart, windowDigits)));
    POS_VERIFY_RESULT(window);
    QCOMPARE(encrypted.value().size(), track.size());
    QCOMPARE(encrypted.value().left(windowStart), track.left(windowStart));
    QCOMPARE(encrypted.value().mid(windowStart, windowDigits), window.value().toHex().toUpper());
    QCOMPARE(encrypted.value().mid(windowStart + windowDigits), track.mid(windowStart + windowDigits));
}

void tst_CupCrypto::trackRejectsBadInput_data()
{
    QTest::addColumn<bool>("encrypt");
    QTest::addColumn<KeyScheme>("scheme");
    QTest::addColumn<QByteArray>("tdk");
    QTest::addColumn<QByteArray>("track");
    const QByteArray track2 = "6225880137563118D25122010000000000"_ba;
    QTest::newRow("16 digits for 3DES") << true << KeyScheme::TripleDes << referenceTdk << track2.left(16);
    QTest::newRow("32 digits for SM4") << true << KeyScheme::Sm4 << referencePik << track2.left(32);
    QTest::newRow("empty") << true << KeyScheme::TripleDes << referenceTdk << QByteArray();
    QTest::newRow("letter in track") << true << KeyScheme::TripleDes << referenceTdk
                                     << "6225880137563118X25122010000000000"_ba;
    QTest::newRow("hex digit in clear window")
        << true << KeyScheme::TripleDes << referenceTdk << "6225880137563118DA5122010000000000"_ba;
    QTest::newRow("105 digits") << true << KeyScheme::TripleDes << referenceTdk << QByteArray(105, '1');
    QTest::newRow("8-byte TDK") << true << KeyScheme::TripleDes << referenceMak << track2;
    QTest::newRow("non-hex in encrypted window")
        << false << KeyScheme::TripleDes << referenceTdk << "6225880137563118759048C4C7F0E2G300"_ba;
}

void tst_CupCrypto::trackRejectsBadInput()
{
    QFETCH(bool, encrypt);
    QFETCH(KeyScheme, scheme);
    QFETCH(QByteArray, tdk);
    QFETCH(QByteArray, track);
    const Result<QByteArray> result =
        encrypt ? encryptTrack(scheme, tdk, track) : decryptTrack(scheme, tdk, track);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    if (track.size() >= 16)
        QVERIFY(!result.error().detail.contains(QString::fromLatin1(track.left(16))));
}

QTEST_GUILESS_MAIN(tst_CupCrypto)
#include "tst_cup_crypto.moc"
