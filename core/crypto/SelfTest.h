// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Known-answer tests (KATs) of every crypto primitive the application uses. pos refuses to start and
// pos-tool selftest exits non-zero when any of them fails.
namespace pos {
namespace crypto {

enum class KatAlgorithm {
    Sha256,
    HmacSha256,
    Sm3,
    TdesEcbEncrypt,
    TdesEcbDecrypt,
    Sm4EcbEncrypt,
    Sm4EcbDecrypt
};

struct KnownAnswer
{
    QString name;   // stable identifier, e.g. "sm4-ecb-gbt32907"
    QString source; // where the vector comes from (standard and section)
    KatAlgorithm algorithm;
    QByteArray key; // empty for digests
    QByteArray input;
    QByteArray expected;
};

struct KatOutcome
{
    QString name;
    QString source;
    bool passed = false;
    QString detail; // untranslated; hex of the mismatch or the OpenSSL error
};

struct SelfTestReport
{
    QList<KatOutcome> outcomes;
    bool passed() const;
    QStringList failedNames() const;
};

// The built-in vectors from published standards (FIPS 180-4, RFC 4231, NIST SP 800-67, GB/T 32905, GB/T
// 32907).
QList<KnownAnswer> standardKnownAnswers();

// Environment variable naming one KAT whose expected value is corrupted before the run. It exists so that
// tests and support staff can prove the refusal path works; it can only make the self-test fail.
inline constexpr char faultInjectionVariable[] = "POS_SELFTEST_CORRUPT";

// standardKnownAnswers() with the fault injection from the environment applied.
QList<KnownAnswer> startupKnownAnswers();

SelfTestReport runSelfTest(const QList<KnownAnswer>& answers);

} // namespace crypto
} // namespace pos
