// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <cstdio>

// Shared by the fuzz_<name>.cpp files only (see FuzzTargets.h for the contract they implement).
namespace pos {
namespace fuzz {

// Reports a violated property on stderr and returns false, for `return violated(...)`. Names the target and
// the property only, never input bytes.
inline bool violated(const char* target, const char* property)
{
    std::fprintf(stderr, "%s: property violated: %s\n", target, property);
    return false;
}

// libFuzzer's (pointer, size) as a view; size never exceeds -max_len, far below qsizetype's range.
inline QByteArrayView inputView(const std::uint8_t* data, std::size_t size)
{
    return QByteArrayView(data, static_cast<qsizetype>(size));
}

} // namespace fuzz
} // namespace pos
