// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QString>
#include <QStringView>
#include <QVariantMap>

// The common answer of every onboarding validator (docs/validation.md). Validators are pure functions: no I/O
// (the BIN table is a compiled-in resource), thread-safe, and they never "fix" a wrong character; they only
// drop input noise (whitespace, full-width forms, letter case where the standard is case-free).
namespace pos {
namespace validation {

// Why a value was refused. Callers branch on it; reasonKey() is its stable name for JSON and logs.
enum class Reason {
    Valid,                 // "ok"
    Empty,                 // "empty": nothing but noise was entered
    BadCharacter,          // "bad_character": details position (1-based, after noise removal), character
    BadLength,             // "bad_length": details length, expectedLength or minLength/maxLength
    BadCheckCharacter,     // "bad_check_character": details position, expected, actual
    UnknownProvince,       // "unknown_province": details provinceCode
    BadBirthDate,          // "bad_birth_date": not a calendar date (e.g. 29 February of a common year)
    BirthDateInFuture,     // "birth_date_in_future": after the reference day
    BirthDateTooEarly,     // "birth_date_too_early": before 1900-01-01
    LuhnFailure,           // "luhn_failure": the card number's check digit does not match
    LooksLikePersonalCard, // "looks_like_personal_card": a corporate account that is a personal card number
    BadPrefix,             // "bad_prefix": e.g. a mainland mobile number not starting 13–19
    NotMainland,           // "not_mainland": a phone number with a country code other than +86
    BadMiddleDot,          // "bad_middle_dot": a name's · at the start or end, or doubled
    MixedScripts,          // "mixed_scripts": a person name mixing Chinese characters and Latin letters
    NameMismatch,          // "name_mismatch": a name differs from the one it must equal
};

// "ok", "bad_check_character", ... (the comments above). Stable: scripts and the wizard match on them.
QString reasonKey(Reason reason);

// The outcome of one validation. message is translated and names exactly what is wrong (which position,
// which check character was expected); it never repeats the whole value. normalized is the value with input
// noise removed (what would be stored), set even when invalid, empty only for Empty. details carries
// machine-readable facts (strings, ints, bools only; keys documented per validator), e.g. the birth date of
// a resident ID or the bank of a card number. A caller that shows or logs a card, account or ID number uses
// maskMiddle() on normalized: product.md §2 shows personal data masked.
struct ValidationResult
{
    bool valid = false;
    Reason reason = Reason::Empty;
    QString message;
    QString normalized;
    QVariantMap details;
};

// Input noise common to the numeric identifiers: drops all whitespace (including U+3000 ideographic space)
// and maps full-width ASCII forms (U+FF01..U+FF5E, what a Chinese IME types) to ASCII. Upper-cases ASCII
// letters when upperCase is set. Characters that are neither noise nor ASCII are kept, so they are reported.
QString compactIdentifier(QStringView input, bool upperCase);

// "622202******1234": keeps keepFirst leading and keepLast trailing characters and masks the rest with '*'.
// Values too short to hide anything are masked completely.
QString maskMiddle(QStringView value, int keepFirst, int keepLast);

} // namespace validation
} // namespace pos
