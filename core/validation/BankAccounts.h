// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/validation/BankBins.h"
#include "core/validation/ValidationResult.h"

#include <QStringView>

// Settlement account numbers of the onboarding wizard (product.md §2, 结算账户). Noise accepted: whitespace
// anywhere (cards are written in groups of four) and full-width digits. Messages never repeat the number.
namespace pos {
namespace validation {

// A personal bank card (对私): 12–19 digits (product.md §2) passing the Luhn check. The bank is suggested
// from the BIN table; an unknown BIN is still valid. Order of checks: empty, bad_character, bad_length,
// luhn_failure. details: bin (first six digits), bankKnown (bool); when known also bankCode, bank (Chinese
// name), bankEn, cardKind ("debit", "credit", "semi_credit") and binSource.
ValidationResult validateBankCard(QStringView input, const BinTable& bins = BinTable::builtIn());

// A corporate settlement account (对公账户): bank-specific formats are not standardised, so 8–30 digits and
// no check digit. Refused with looks_like_personal_card when the number is a personal card: its BIN is in the
// table, its length is the one the table lists for that BIN, and it passes Luhn. Order: empty,
// bad_character, bad_length, looks_like_personal_card. details: length; for a personal card also bankCode,
// bank, bankEn, cardKind.
ValidationResult validateCorporateAccount(QStringView input, const BinTable& bins = BinTable::builtIn());

// True when digits (ASCII digits only, at least two) pass the Luhn (ISO/IEC 7812-1 annex B) check.
bool passesLuhn(QStringView digits);

} // namespace validation
} // namespace pos
