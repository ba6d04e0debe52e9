// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QString>

#include <optional>
#include <span>

// Province-level administrative divisions of GB/T 2260 (中华人民共和国行政区划代码): the first two digits of
// a six-digit division code, as used in resident ID numbers (positions 1–2) and USCCs (positions 3–4).
namespace pos {
namespace validation {

struct Province
{
    int code = 0;             // 11 (Beijing) … 65 (Xinjiang), 71 Taiwan, 81 Hong Kong, 82 Macao
    const char16_t* nameZh{}; // official short-form name: "北京市", "广西壮族自治区"
    const char* nameEn{};     // "Beijing", "Guangxi"

    QString chineseName() const { return QString::fromUtf16(nameZh); }
    QString englishName() const { return QString::fromLatin1(nameEn); }
};

// All 34 province-level codes in ascending order.
std::span<const Province> provinces();

// The province for a two-digit code, or nothing for a code GB/T 2260 does not assign (e.g. 10, 20, 66, 83).
std::optional<Province> provinceByCode(int code);

} // namespace validation
} // namespace pos
