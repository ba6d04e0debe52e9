// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingService.h"

namespace pos {
namespace acquirer {
class OnboardingClient;
struct AgreementTerms;
} // namespace acquirer

namespace activation {

// The acquirer's published agreement as the wizard shows it.
AgreementOffer agreementOffer(const acquirer::AgreementTerms& terms);

// The onboarding service's agreement source over GET /v1/onboarding/agreement. A refusal or an unreadable
// answer fails with a translated message. client must outlive the source.
AgreementSource acquirerAgreementSource(acquirer::OnboardingClient& client);

} // namespace activation
} // namespace pos
