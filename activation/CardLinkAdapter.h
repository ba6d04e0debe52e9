// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/ActivationService.h"

namespace pos {
namespace acquirer {
class CardEngine;
struct ActivationSwipeResult;
} // namespace acquirer

namespace activation {

// The engine's result as the activation service reads it (fees as the JSON rows it stores).
FirstSwipeOutcome firstSwipeOutcome(const acquirer::ActivationSwipeResult& result);

// The activation service's card link over the card engine (sign-on and CardEngine::activate). engine must
// outlive the operations' users.
CardLinkOperations cardLinkOperations(acquirer::CardEngine& engine);

} // namespace activation
} // namespace pos
