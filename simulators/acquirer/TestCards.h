// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Money.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// The test-card table shared by the acquirer host simulator (which decides on it), the PIN pad emulator and
// the terminal tests (which present the cards). Test data only: these PANs, PINs and tracks are published on
// purpose and must never be treated as real card data.
namespace pos {
namespace sim {

struct TestCard
{
    enum Kind { Magstripe, Chip, Contactless };

    QString label;       // short stable name for test rows and logs, e.g. "magstripe-approve"
    QString pan;         // digits, check digit included
    QString expiry;      // YYMM
    QString serviceCode; // 3 digits; "2xx" for cards with a chip
    QString pin;         // the PIN the host accepts
    Kind kind = Magstripe;
    Money balance; // available balance the host checks sales against (51) and reports (balance inquiry)
    // The host's answer to a sale of a small amount with the right PIN: "00", "51" (low balance), "54"
    // (expired), "41" (lost), "61" (card limit). "55" is never listed: the host answers 55 to a wrong PIN on
    // any card.
    QString expectedResponse;
    QString cardSequence; // F23 for chip and contactless cards ("001"), empty for magstripe
    Money perSaleLimit;   // the card's own single-sale limit (61 above it); zero = no card limit
};

// Every test card, in a stable order. All have valid Luhn check digits except the reference PAN
// 6225880137563118 of acquirer-protocol.md §1.3/§7 (kept because the reference vectors use it).
const QList<TestCard>& testCards();

// The card with this PAN, if any.
std::optional<TestCard> findTestCard(QStringView pan);

// The card with this label, if any.
std::optional<TestCard> findTestCardByLabel(QStringView label);

// Track 2 as F35 carries it: PAN, 'D', YYMM, service code, ten discretionary zeros
// ("6225880137563118D30122010000000000").
QString track2Of(const TestCard& card);

// Luhn (mod 10) check over a digit string including its check digit; false for empty or non-digit input.
bool luhnValid(QStringView digits);

} // namespace sim
} // namespace pos
