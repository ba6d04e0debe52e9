// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/OnboardingFlow.h"

#include <array>

namespace pos {
namespace activation {

QString onboardingStatusKey(OnboardingStatus status)
{
    static const std::array<const char*, 6> keys = {"draft",        "submitting", "submitted",
                                                    "under_review", "approved",   "rejected"};
    return QString::fromLatin1(keys.at(static_cast<std::size_t>(status)));
}

} // namespace activation
} // namespace pos
