// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingDraft.h"
#include "core/crypto/CryptoPrimitives.h"
#include "simulators/acquirer/api/AcquirerAgreement.h"

#include <QDateTime>

// A complete, valid onboarding draft for the service tests (the simulator approves it), without attachments.
namespace pos {
namespace test {

// The simulator's published agreement: the acquirer refuses an application signed over any other text.
inline QString testAgreementText()
{
    return sim::currentAgreement().text;
}

inline activation::OnboardingDraft validTestDraft()
{
    using namespace activation;
    const QString name = QStringLiteral("福州测试商贸有限公司");
    OnboardingDraft d;
    d.merchant = {name,
                  QStringLiteral("测试便利店"),
                  {QStringLiteral("福建省"), QStringLiteral("福州市"), QStringLiteral("鼓楼区"),
                   QStringLiteral("五四路 1 号")},
                  QStringLiteral("张三"),
                  QStringLiteral("13800138000"),
                  QStringLiteral("5411")};
    d.licence.uscc = QStringLiteral("91350100M000100Y43");
    d.licence.name = name;
    d.licence.longTerm = true;
    d.tax.taxId = d.licence.uscc;
    d.legal.name = QStringLiteral("张三");
    d.legal.idNumber = QStringLiteral("110105199003071239");
    d.legal.idValidUntil = QDate(2036, 1, 1);
    d.settlement = {AccountType::Corporate, name, QStringLiteral("35001234567890123"),
                    QStringLiteral("中国建设银行"), QStringLiteral("福州五四支行")};
    d.features = {Feature::Swipe, Feature::Ic, Feature::Qr};
    d.agreement.version = sim::currentAgreement().version;
    d.agreement.signedText = testAgreementText();
    d.agreement.textSha256 =
        QString::fromLatin1(crypto::sha256(testAgreementText().toUtf8()).value().toHex());
    d.agreement.settlementCycle = QStringLiteral("T+1");
    d.agreement.signedName = QStringLiteral("张三");
    d.agreement.signedAtMs = QDateTime::currentMSecsSinceEpoch();
    return d;
}

} // namespace test
} // namespace pos
