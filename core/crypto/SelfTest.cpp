// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/crypto/SelfTest.h"

#include "core/CoreLog.h"
#include "core/crypto/CryptoPrimitives.h"

#include <algorithm>

namespace pos {
namespace crypto {
namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

Result<QByteArray> compute(const KnownAnswer& answer)
{
    switch (answer.algorithm) {
    case KatAlgorithm::Sha256: return sha256(answer.input);
    case KatAlgorithm::HmacSha256: return hmacSha256(answer.key, answer.input);
    case KatAlgorithm::Sm3: return sm3(answer.input);
    case KatAlgorithm::TdesEcbEncrypt: return tdesEcbEncrypt(answer.key, answer.input);
    case KatAlgorithm::TdesEcbDecrypt: return tdesEcbDecrypt(answer.key, answer.input);
    case KatAlgorithm::Sm4EcbEncrypt: return sm4EcbEncrypt(answer.key, answer.input);
    case KatAlgorithm::Sm4EcbDecrypt: return sm4EcbDecrypt(answer.key, answer.input);
    }
    return fail(ErrorCode::Internal, {}, QStringLiteral("unknown KAT algorithm"));
}

} // namespace

bool SelfTestReport::passed() const
{
    return !outcomes.isEmpty() &&
           std::all_of(outcomes.cbegin(), outcomes.cend(), [](const KatOutcome& o) { return o.passed; });
}

QStringList SelfTestReport::failedNames() const
{
    QStringList names;
    for (const KatOutcome& outcome : outcomes) {
        if (!outcome.passed)
            names.append(outcome.name);
    }
    return names;
}

QList<KnownAnswer> standardKnownAnswers()
{
    return {
        {QStringLiteral("sha256-abc"),
         QStringLiteral("FIPS 180-4 / NIST CSRC example, \"abc\""),
         KatAlgorithm::Sha256,
         {},
         QByteArray("abc"),
         hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")},
        {QStringLiteral("hmac-sha256-rfc4231-2"), QStringLiteral("RFC 4231 test case 2"),
         KatAlgorithm::HmacSha256, QByteArray("Jefe"), QByteArray("what do ya want for nothing?"),
         hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")},
        {QStringLiteral("sm3-abc"),
         QStringLiteral("GB/T 32905-2016 appendix A.1, \"abc\""),
         KatAlgorithm::Sm3,
         {},
         QByteArray("abc"),
         hex("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")},
        {QStringLiteral("3des-ecb-sp800-67"),
         QStringLiteral("NIST SP 800-67 rev.1 appendix B, 3-key TDEA ECB"), KatAlgorithm::TdesEcbEncrypt,
         hex("0123456789abcdef23456789abcdef01456789abcdef0123"),
         hex("54686520717566636b2062726f776e20666f78206a756d70"),
         hex("a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900")},
        {QStringLiteral("3des2-ecb-double-length"),
         QStringLiteral(
             "double-length TDEA (K1 K2 K1) on 0123456789ABCDE7, payment-industry reference value"),
         KatAlgorithm::TdesEcbEncrypt, hex("0123456789abcdeffedcba9876543210"), hex("0123456789abcde7"),
         hex("7f1d0a77826b8aff")},
        {QStringLiteral("3des2-ecb-decrypt"), QStringLiteral("inverse of 3des2-ecb-double-length"),
         KatAlgorithm::TdesEcbDecrypt, hex("0123456789abcdeffedcba9876543210"), hex("7f1d0a77826b8aff"),
         hex("0123456789abcde7")},
        {QStringLiteral("sm4-ecb-gbt32907"), QStringLiteral("GB/T 32907-2016 appendix A.1"),
         KatAlgorithm::Sm4EcbEncrypt, hex("0123456789abcdeffedcba9876543210"),
         hex("0123456789abcdeffedcba9876543210"), hex("681edf34d206965e86b3e94f536e4246")},
        {QStringLiteral("sm4-ecb-decrypt"), QStringLiteral("inverse of sm4-ecb-gbt32907"),
         KatAlgorithm::Sm4EcbDecrypt, hex("0123456789abcdeffedcba9876543210"),
         hex("681edf34d206965e86b3e94f536e4246"), hex("0123456789abcdeffedcba9876543210")},
    };
}

QList<KnownAnswer> startupKnownAnswers()
{
    QList<KnownAnswer> answers = standardKnownAnswers();
    const QString corrupt = qEnvironmentVariable(faultInjectionVariable);
    if (corrupt.isEmpty())
        return answers;
    for (KnownAnswer& answer : answers) {
        if (answer.name == corrupt || corrupt == QLatin1String("all")) {
            answer.expected[0] = static_cast<char>(answer.expected.at(0) ^ 0x01);
            qCWarning(lcCrypto) << "self-test fault injection corrupts" << answer.name;
        }
    }
    return answers;
}

SelfTestReport runSelfTest(const QList<KnownAnswer>& answers)
{
    SelfTestReport report;
    for (const KnownAnswer& answer : answers) {
        KatOutcome outcome{answer.name, answer.source, false, {}};
        const Result<QByteArray> actual = compute(answer);
        if (!actual) {
            outcome.detail = actual.error().detail;
        } else if (actual.value() != answer.expected) {
            outcome.detail = QStringLiteral("expected %1, got %2")
                                 .arg(QString::fromLatin1(answer.expected.toHex()),
                                      QString::fromLatin1(actual.value().toHex()));
        } else {
            outcome.passed = true;
        }
        if (!outcome.passed)
            qCCritical(lcCrypto) << "known-answer test failed:" << answer.name << outcome.detail;
        report.outcomes.append(outcome);
    }
    return report;
}

} // namespace crypto
} // namespace pos
