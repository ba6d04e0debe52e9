// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/crypto/CryptoPrimitives.h"
#include "core/crypto/SelfTest.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::crypto;

class tst_Crypto final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void standardKnownAnswersPass_data();
    void standardKnownAnswersPass();
    void corruptedKnownAnswerFails_data();
    void corruptedKnownAnswerFails();
    void faultInjectionFromEnvironment();
    void rejectsWrongKeyLength_data();
    void rejectsWrongKeyLength();
    void rejectsPartialBlocks_data();
    void rejectsPartialBlocks();
    void decryptInvertsEncrypt_data();
    void decryptInvertsEncrypt();
    void secureWipeClears();
};

void tst_Crypto::standardKnownAnswersPass_data()
{
    QTest::addColumn<QString>("name");
    for (const KnownAnswer& answer : standardKnownAnswers())
        QTest::newRow(qPrintable(answer.name)) << answer.name;
}

void tst_Crypto::standardKnownAnswersPass()
{
    QFETCH(QString, name);
    QList<KnownAnswer> one;
    for (const KnownAnswer& answer : standardKnownAnswers()) {
        if (answer.name == name)
            one.append(answer);
    }
    QCOMPARE(one.size(), 1);
    const SelfTestReport report = runSelfTest(one);
    QCOMPARE(report.outcomes.size(), 1);
    QVERIFY2(report.outcomes.first().passed, qPrintable(report.outcomes.first().detail));
    QVERIFY(report.passed());
}

void tst_Crypto::corruptedKnownAnswerFails_data()
{
    standardKnownAnswersPass_data();
}

// Negative control: the self-test must notice a single flipped bit in any expected value.
void tst_Crypto::corruptedKnownAnswerFails()
{
    QFETCH(QString, name);
    QList<KnownAnswer> answers = standardKnownAnswers();
    for (KnownAnswer& answer : answers) {
        if (answer.name == name)
            answer.expected[answer.expected.size() - 1] = static_cast<char>(answer.expected.back() ^ 0x80);
    }
    const SelfTestReport report = runSelfTest(answers);
    QVERIFY(!report.passed());
    QCOMPARE(report.failedNames(), QStringList{name});
}

void tst_Crypto::faultInjectionFromEnvironment()
{
    qputenv(faultInjectionVariable, "sm3-abc");
    const SelfTestReport report = runSelfTest(startupKnownAnswers());
    qunsetenv(faultInjectionVariable);
    QCOMPARE(report.failedNames(), QStringList{QStringLiteral("sm3-abc")});
    QVERIFY(runSelfTest(startupKnownAnswers()).passed());
}

void tst_Crypto::rejectsWrongKeyLength_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<int>("keyLength");
    QTest::newRow("3des 8-byte key") << 0 << 8;
    QTest::newRow("3des 20-byte key") << 0 << 20;
    QTest::newRow("sm4 24-byte key") << 1 << 24;
    QTest::newRow("sm4 empty key") << 1 << 0;
}

void tst_Crypto::rejectsWrongKeyLength()
{
    QFETCH(int, algorithm);
    QFETCH(int, keyLength);
    const QByteArray key(keyLength, '\x11');
    const QByteArray block(16, '\0');
    const Result<QByteArray> result = algorithm == 0 ? tdesEcbEncrypt(key, block) : sm4EcbEncrypt(key, block);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY(!result.error().userMessage.isEmpty());
}

void tst_Crypto::rejectsPartialBlocks_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<int>("dataLength");
    QTest::newRow("3des 7 bytes") << 0 << 7;
    QTest::newRow("3des empty") << 0 << 0;
    QTest::newRow("sm4 8 bytes") << 1 << 8;
    QTest::newRow("sm4 17 bytes") << 1 << 17;
}

void tst_Crypto::rejectsPartialBlocks()
{
    QFETCH(int, algorithm);
    QFETCH(int, dataLength);
    const QByteArray data(dataLength, '\x22');
    const Result<QByteArray> result = algorithm == 0 ? tdesEcbEncrypt(QByteArray(16, '\x01'), data)
                                                     : sm4EcbEncrypt(QByteArray(16, '\x01'), data);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
}

void tst_Crypto::decryptInvertsEncrypt_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("3des double length") << 0 << QByteArray::fromHex("00112233445566778899aabbccddeeff");
    QTest::newRow("3des triple length")
        << 0 << QByteArray::fromHex("00112233445566778899aabbccddeeff0011223344556677");
    QTest::newRow("sm4") << 1 << QByteArray::fromHex("ffeeddccbbaa99887766554433221100");
}

void tst_Crypto::decryptInvertsEncrypt()
{
    QFETCH(int, algorithm);
    QFETCH(QByteArray, key);
    const QByteArray plain = QByteArray("forty-eight bytes of plain text for ECB blocks!!").left(48);
    const Result<QByteArray> cipher = algorithm == 0 ? tdesEcbEncrypt(key, plain) : sm4EcbEncrypt(key, plain);
    POS_VERIFY_RESULT(cipher);
    QVERIFY(cipher.value() != plain);
    QCOMPARE(cipher.value().size(), plain.size());
    const Result<QByteArray> back =
        algorithm == 0 ? tdesEcbDecrypt(key, cipher.value()) : sm4EcbDecrypt(key, cipher.value());
    POS_VERIFY_RESULT(back);
    QCOMPARE(back.value(), plain);
}

void tst_Crypto::secureWipeClears()
{
    QByteArray secret = QByteArray::fromHex("0123456789abcdef");
    secureWipe(secret);
    QVERIFY(secret.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Crypto)
#include "tst_crypto.moc"
