// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

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

// Negative control of the fuzzing pipeline (scripts/fuzz must see a crash and exit non-zero): with the
// environment variable POS_FUZZ_SELF_TEST_CRASH set (any value), every libFuzzer target aborts on its first
// input. Called first by each LLVMFuzzerTestOneInput; never set it in a real run.
inline void abortIfSelfTestCrashRequested()
{
    static const bool requested = std::getenv("POS_FUZZ_SELF_TEST_CRASH") != nullptr;
    if (requested) {
        std::fputs("POS_FUZZ_SELF_TEST_CRASH is set: aborting on purpose\n", stderr);
        std::abort();
    }
}

// libFuzzer's (pointer, size) as a view; size never exceeds -max_len, far below qsizetype's range.
inline QByteArrayView inputView(const std::uint8_t* data, std::size_t size)
{
    return QByteArrayView(data, static_cast<qsizetype>(size));
}

} // namespace fuzz
} // namespace pos
