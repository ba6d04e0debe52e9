// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/validation/ValidationResult.h"

#include <QChar>
#include <QDate>
#include <QStringView>

#include <optional>

// Chinese registration numbers of the onboarding wizard (product.md §2): the unified social credit code of a
// business licence and the resident identity number of the legal representative. Noise accepted: whitespace
// anywhere, full-width forms, lower-case letters (upper-cased; x → X). Never corrected: any other character.
namespace pos {
namespace validation {

// 统一社会信用代码, GB 32100-2015: 18 characters from 0-9 A-H J-N P-R T U W-Y (never I O Z S V), positions
// 3–8 a GB/T 2260 division code (digits), position 18 the check character: weights 1,3,9,…,28 (3^i mod 31),
// check = (31 − Σ mod 31) mod 31. Checks run in this order and the first failure is reported: empty,
// bad_character, bad_length, bad_character (a letter in positions 3–8), bad_check_character.
// details: divisionCode ("110108"), registrationAuthority (position 1), and when positions 3–4 name a
// province also provinceCode (int), region (Chinese name) and regionEn. An unknown province is not an error
// here: nationally registered organisations use division code 100000.
ValidationResult validateUscc(QStringView input);

// 居民身份证号码, GB 11643-1999: 17 digits and a check character (digit or X) computed by ISO 7064 MOD 11-2
// (weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; Σ mod 11 indexes "10X98765432"). Order of checks: empty,
// bad_character, bad_length (a 15-digit first-generation number is named as such), unknown_province
// (positions 1–2 per Regions.h), bad_birth_date (positions 7–14 not a calendar date), birth_date_too_early
// (before 1900-01-01), birth_date_in_future (after today), bad_check_character.
// details: birthDate ("1990-02-28"), sex ("male" for an odd 17th digit, "female" for even), provinceCode,
// region, regionEn, divisionCode.
ValidationResult validateResidentId(QStringView input, QDate today = QDate::currentDate());

// The check character for the first 17 characters of a USCC (upper case), or nothing when one is outside
// the USCC alphabet. The wizard and test generators use it.
std::optional<QChar> usccCheckCharacter(QStringView first17);

// The check character ('0'–'9' or 'X') for the first 17 digits of a resident ID, or nothing when one of them
// is not a digit.
std::optional<QChar> residentIdCheckCharacter(QStringView first17);

} // namespace validation
} // namespace pos
