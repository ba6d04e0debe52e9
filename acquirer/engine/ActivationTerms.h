// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/ApiResponses.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// The terms a card host hands to a terminal in F62 of its first-swipe activation answer (0210, F39 00), as
// ASCII [A] (docs/acquirer-protocol.md "First-swipe activation"):
//
//   SL=<12 digits>;DL=<12 digits>;FEE=<fee>|<fee>|…      fee = <tender>:<rate bp>:<cap fen or empty>
//   e.g. SL=000005000000;DL=000020000000;FEE=debit:50:2000|credit:60:|qr:38:
//
// SL and DL are the single-transaction and daily limits in fen; tender is 1–16 of a–z, 0–9, '_', '-' starting
// with a letter; rate ≤ 10000 (1 bp = 0.01 %) and cap (1–12 digits, or empty: no cap) without leading zeros,
// so every terms have exactly one spelling. Exactly the three items in this order, 1–16 fees, no tender
// twice, at most 512 bytes, nothing else (no spaces, no trailing separator). Pure functions: no I/O.
namespace pos {
namespace acquirer {

struct ActivationTerms
{
    qint64 singleLimitFen = 0;
    qint64 dailyLimitFen = 0;
    QList<AgreementFee> fees;
};

inline constexpr qsizetype maxActivationTermsBytes = 512;
inline constexpr int maxActivationFees = 16;

// ProtocolViolation (detail names the part that is wrong, never the bytes) when text breaks any rule above.
Result<ActivationTerms> parseActivationTerms(QByteArrayView text);
// The wire text of terms; InvalidInput when they cannot be written within the rules (negative or too large
// limits, a bad tender, rate or cap, no fees, too many).
Result<QByteArray> buildActivationTerms(const ActivationTerms& terms);

} // namespace acquirer
} // namespace pos
