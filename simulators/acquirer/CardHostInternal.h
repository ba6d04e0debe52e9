// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "simulators/acquirer/CardHost.h"
#include "simulators/acquirer/TestCards.h"

#include <QString>

#include <optional>

// Shared between the CardHost translation units only.
namespace pos {
namespace sim {

// The outcome of one financial decision before it is committed.
struct CardHost::Decision
{
    QString code = QStringLiteral("00");
    QString kind; // hostkind::*
    qint64 amountFen = 0;
    QString pan; // clear PAN, in memory only; stored masked
    std::optional<TestCard> card;
    std::optional<qint64> originalId;
    QString originalNewState;        // the original's state once this one is approved (a void: "voided")
    QString field54;                 // balance inquiry: additional amounts
    QByteArray field62;              // activation: the terms (acquirer/engine/ActivationTerms.h)
    bool repeatedActivation = false; // an active terminal's activation: answered, not recorded as one
};

namespace hostcode {
inline const QString approved = QStringLiteral("00");
inline const QString invalidTransaction = QStringLiteral("12");
inline const QString invalidAmount = QStringLiteral("13");
inline const QString invalidCard = QStringLiteral("14");
inline const QString originalNotFound = QStringLiteral("25");
inline const QString formatError = QStringLiteral("30");
inline const QString notActivated = QStringLiteral("40"); // function not supported: pending first swipe
inline const QString lostCard = QStringLiteral("41");
inline const QString insufficientFunds = QStringLiteral("51");
inline const QString expiredCard = QStringLiteral("54");
inline const QString wrongPin = QStringLiteral("55");
inline const QString cardVerificationError = QStringLiteral("59");
inline const QString overLimit = QStringLiteral("61");
inline const QString amountMismatch = QStringLiteral("64");
inline const QString duplicate = QStringLiteral("94");
inline const QString systemError = QStringLiteral("96");
inline const QString unknownTerminal = QStringLiteral("97");
inline const QString badMac = QStringLiteral("A0");
} // namespace hostcode

// Header byte 2 low nibble in a response: the terminal must sign on again.
inline constexpr int requirementSignOn = 3;

// Field 60 digits of a request, "" when absent.
QString field60Batch(const acquirer::IsoMessage& message);

} // namespace sim
} // namespace pos
