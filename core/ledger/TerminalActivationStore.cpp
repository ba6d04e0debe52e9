// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/ledger/TerminalActivationStore.h"

#include <array>

namespace pos {

QString activationStepKey(ActivationStep step)
{
    static const std::array<const char*, 7> keys = {"not_started", "registering", "terminal_registered",
                                                    "tmk_loaded",  "signed_on",   "first_swipe_approved",
                                                    "activated"};
    return QString::fromLatin1(keys.at(static_cast<std::size_t>(step)));
}

} // namespace pos
