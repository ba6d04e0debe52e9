// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/validation/ValidationResult.h"

#include <QStringView>

// Mobile numbers and names of the onboarding wizard (product.md §2). Positions in messages and details are
// 1-based and count characters (Unicode code points) of the normalised value.
namespace pos {
namespace validation {

// A mainland mobile number, product.md §2 `1[3-9]\d{9}`. Noise: whitespace, '-', full-width digits, and a
// leading +86, 0086 or (for 13 digits) 86. Another country code (+852, 00852…) is not_mainland. Order: empty,
// not_mainland, bad_character, bad_length, bad_prefix. normalized: the 11 digits. details: none (no sourced
// carrier prefix table is shipped).
ValidationResult validateMobile(QStringView input);

// A person's name (legal representative, contact, personal account holder), 2–30 characters, either
// Chinese: CJK unified ideographs (basic block, extensions A–H, 〇) with · between parts for minority names
// (・ U+30FB, ‧ U+2027 and ･ U+FF65 are read as ·; spaces are dropped), or Latin (for foreigners): letters,
// single spaces, hyphen, apostrophe and full stop, starting with a letter. Order: empty, bad_character,
// mixed_scripts, bad_middle_dot, bad_length. details: script ("han" or "latin").
ValidationResult validatePersonName(QStringView input);

// A registered business or shop name, 2–100 characters: letters of any script (Chinese, Latin), digits,
// spaces, parentheses, and · & - . , ' 、. Noise: surrounding whitespace, runs of whitespace (one space kept
// between Latin words, none next to a Chinese character) and the width of parentheses: ( ) become （ ） as
// printed on a business licence. Order: empty, bad_character, bad_length.
ValidationResult validateBusinessName(QStringView input);

// Which name a settlement account's holder name must equal (product.md §2).
enum class AccountHolder {
    Company,             // corporate account: the name on the business licence
    LegalRepresentative, // personal account: the legal representative's name
};

// The account name must equal the expected name after the normalisation of validateBusinessName (Company)
// or validatePersonName (LegalRepresentative); otherwise name_mismatch (or the reason the account name
// itself is refused). Latin letters compare case-insensitively.
ValidationResult validateAccountName(QStringView accountName, QStringView expectedName, AccountHolder holder);

} // namespace validation
} // namespace pos
