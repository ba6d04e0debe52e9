// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/crypto/Aes256Gcm.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::crypto;

namespace {

const QByteArray vectorKey =
    QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
const QByteArray vectorNonce = QByteArray::fromHex("cafebabefacedbaddecaf888");
const QByteArray vectorPlaintext60 = QByteArray::fromHex(
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e"
    "2449a6b525b16aedf5aa0de657ba637b39");

QByteArray key(char fill)
{
    return QByteArray(aes256GcmKeyBytes, fill);
}

} // namespace

class tst_AesGcm final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 13-16 (256-bit keys).
    void publishedVectors_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("ciphertextAndTag");
        QTest::newRow("case 13") << QByteArray(32, '\0') << QByteArray(12, '\0') << QByteArray()
                                 << QByteArray() << QByteArray::fromHex("530f8afbc74536b9a963b4f1c4cb738b");
        QTest::newRow("case 14") << QByteArray(32, '\0') << QByteArray(12, '\0') << QByteArray(16, '\0')
                                 << QByteArray()
                                 << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18"
                                                        "d0d1c8a799996bf0265b98b5d48ab919");
        QTest::newRow("case 15")
            << vectorKey << vectorNonce << vectorPlaintext60 + QByteArray::fromHex("1aafd255") << QByteArray()
            << QByteArray::fromHex(
                   "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590d"
                   "bb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad"
                   "b094dac5d93471bdec1a502270e3cc6c");
        QTest::newRow("case 16")
            << vectorKey << vectorNonce << vectorPlaintext60
            << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
            << QByteArray::fromHex(
                   "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590d"
                   "bb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                   "76fc6ece0f4e1768cddf8853bb2d551b");
    }
    void publishedVectors()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, ciphertextAndTag);
        const Result<QByteArray> encrypted = aes256GcmEncryptWithNonce(key, nonce, plaintext, aad);
        POS_VERIFY_RESULT(encrypted);
        QCOMPARE(encrypted.value().toHex(), ciphertextAndTag.toHex());
        // The same vector through the sealed format: open must give the plaintext back.
        const QByteArray sealed = QByteArray(1, aes256GcmSealVersion) + nonce + ciphertextAndTag;
        const Result<QByteArray> opened = aes256GcmOpen(key, sealed, aad);
        POS_VERIFY_RESULT(opened);
        QCOMPARE(opened.value().toHex(), plaintext.toHex());
    }

    void roundTrips_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("empty") << QByteArray() << QByteArray("onboarding-draft");
        QTest::newRow("one byte") << QByteArray("x") << QByteArray("attachment:licence");
        QTest::newRow("json, no aad") << QByteArray(R"({"idNumber":"110105199003071239"})") << QByteArray();
        QTest::newRow("1 MiB") << QByteArray(1024 * 1024, '\x7f') << QByteArray("attachment:id-front");
    }
    void roundTrips()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const Result<QByteArray> sealed = aes256GcmSeal(key('k'), plaintext, aad);
        POS_VERIFY_RESULT(sealed);
        QCOMPARE(sealed.value().size(), plaintext.size() + aes256GcmOverheadBytes);
        QCOMPARE(sealed.value().at(0), aes256GcmSealVersion);
        if (plaintext.size() >= 16)
            QVERIFY(!sealed.value().contains(plaintext.left(16)));
        const Result<QByteArray> opened = aes256GcmOpen(key('k'), sealed.value(), aad);
        POS_VERIFY_RESULT(opened);
        QCOMPARE(opened.value(), plaintext);
    }

    void freshNonceEachSeal()
    {
        const Result<QByteArray> first = aes256GcmSeal(key('k'), "same", "aad");
        const Result<QByteArray> second = aes256GcmSeal(key('k'), "same", "aad");
        POS_VERIFY_RESULT(first);
        POS_VERIFY_RESULT(second);
        QVERIFY(first.value().mid(1, aes256GcmNonceBytes) != second.value().mid(1, aes256GcmNonceBytes));
    }

    void tamperIsRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("position"); // byte flipped, -1 for none
        QTest::newRow("version byte") << u"flip"_qs << 0;
        QTest::newRow("nonce first") << u"flip"_qs << 1;
        QTest::newRow("nonce last") << u"flip"_qs << 12;
        QTest::newRow("ciphertext") << u"flip"_qs << 13;
        QTest::newRow("ciphertext last") << u"flip"_qs << 13 + 19;
        QTest::newRow("tag first") << u"flip"_qs << 13 + 20;
        QTest::newRow("tag last") << u"flip"_qs << 13 + 20 + 15;
        QTest::newRow("wrong aad") << u"aad"_qs << -1;
        QTest::newRow("missing aad") << u"no-aad"_qs << -1;
        QTest::newRow("wrong key") << u"key"_qs << -1;
        QTest::newRow("truncated by one") << u"truncate1"_qs << -1;
        QTest::newRow("truncated to the header") << u"header"_qs << -1;
        QTest::newRow("empty") << u"empty"_qs << -1;
        QTest::newRow("one byte appended") << u"append"_qs << -1;
    }
    void tamperIsRefused()
    {
        QFETCH(QString, damage);
        QFETCH(int, position);
        const QByteArray plaintext("0123456789abcdefghij"); // 20 bytes
        const Result<QByteArray> sealed = aes256GcmSeal(key('k'), plaintext, "purpose");
        POS_VERIFY_RESULT(sealed);
        QByteArray bytes = sealed.value();
        QByteArray openKey = key('k');
        QByteArray aad("purpose");
        if (damage == u"flip"_qs)
            bytes[position] = char(bytes.at(position) ^ 0x01);
        else if (damage == u"aad"_qs)
            aad = "purposf";
        else if (damage == u"no-aad"_qs)
            aad.clear();
        else if (damage == u"key"_qs)
            openKey[31] = 'l';
        else if (damage == u"truncate1"_qs)
            bytes.chop(1);
        else if (damage == u"header"_qs)
            bytes.truncate(1 + aes256GcmNonceBytes);
        else if (damage == u"empty"_qs)
            bytes.clear();
        else if (damage == u"append"_qs)
            bytes.append('\0');
        const Result<QByteArray> undamaged = aes256GcmOpen(key('k'), sealed.value(), "purpose");
        POS_VERIFY_RESULT(undamaged); // control: the same sealed value opens when left alone
        const Result<QByteArray> opened = aes256GcmOpen(openKey, bytes, aad);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::CryptoFailure);
        QVERIFY(!opened.error().detail.contains(QLatin1String(plaintext)));
    }

    void wrongKeyLengthIsInvalidInput_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("0") << 0;
        QTest::newRow("16") << 16;
        QTest::newRow("31") << 31;
        QTest::newRow("33") << 33;
    }
    void wrongKeyLengthIsInvalidInput()
    {
        QFETCH(int, length);
        const QByteArray shortKey(length, 'k');
        const Result<QByteArray> sealed = aes256GcmSeal(shortKey, "x", "aad");
        QVERIFY(!sealed);
        QCOMPARE(sealed.error().code, ErrorCode::InvalidInput);
        const Result<QByteArray> opened = aes256GcmOpen(shortKey, QByteArray(40, 'x'), "aad");
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(tst_AesGcm)
#include "tst_aes_gcm.moc"
