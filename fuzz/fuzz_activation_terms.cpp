// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/engine/ActivationTerms.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <cstdlib>

// The first-swipe activation terms of F62 (acquirer/engine/ActivationTerms.h). Properties: whatever
// parseActivationTerms() accepts keeps the rules (limits within 12 digits, 1–16 fees, rates 0..10000, caps
// >= 0) and has exactly one spelling: buildActivationTerms() of it gives back the input bytes.
namespace pos {
namespace fuzz {
namespace {

constexpr const char* target = "fuzz_activation_terms";

} // namespace

bool activationTermsHold(QByteArrayView data)
{
    const Result<acquirer::ActivationTerms> terms = acquirer::parseActivationTerms(data);
    if (!terms)
        return true;
    const acquirer::ActivationTerms& t = terms.value();
    if (t.singleLimitFen < 0 || t.dailyLimitFen < 0 || t.singleLimitFen > 999'999'999'999 ||
        t.dailyLimitFen > 999'999'999'999)
        return violated(target, "accepted a limit outside 12 digits");
    if (t.fees.isEmpty() || t.fees.size() > acquirer::maxActivationFees)
        return violated(target, "accepted terms with no or too many fees");
    for (const acquirer::AgreementFee& fee : t.fees) {
        if (fee.tender.isEmpty() || fee.rateBasisPoints < 0 || fee.rateBasisPoints > 10000 ||
            (fee.capFen && *fee.capFen < 0))
            return violated(target, "accepted a fee out of range");
    }
    const Result<QByteArray> built = acquirer::buildActivationTerms(t);
    if (!built)
        return violated(target, "buildActivationTerms() refuses what parseActivationTerms() accepted");
    if (built.value() != data)
        return violated(target, "buildActivationTerms(parseActivationTerms(data)) differs from data");
    return true;
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::activationTermsHold(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
