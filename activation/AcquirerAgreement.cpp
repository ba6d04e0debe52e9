// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/AcquirerAgreement.h"

#include "acquirer/api/OnboardingClient.h"

#include <QCoreApplication>

namespace pos {
namespace activation {

namespace {

struct AgreementText
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::AcquirerAgreement)
};

} // namespace

AgreementOffer agreementOffer(const acquirer::AgreementTerms& terms)
{
    AgreementOffer offer;
    offer.version = terms.version;
    offer.text = terms.text;
    for (const acquirer::AgreementFee& fee : terms.fees)
        offer.fees.append(FeeRate{fee.tender, fee.rateBasisPoints, fee.capFen});
    offer.settlementCycles = terms.settlementCycles;
    return offer;
}

AgreementSource acquirerAgreementSource(acquirer::OnboardingClient& client)
{
    return [&client](QObject* context, std::function<void(Result<AgreementOffer>)> done) {
        client.agreement(context, [done](Result<acquirer::ApiAnswer<acquirer::AgreementTerms>> answer) {
            if (!answer) {
                done(Failure{answer.error()});
                return;
            }
            if (!answer.value().succeeded()) {
                done(fail(ErrorCode::Declined,
                          AgreementText::tr("The acquirer did not send its agreement (%1). Try again later.")
                              .arg(answer.value().refusalCode()),
                          QStringLiteral("agreement refused: %1").arg(answer.value().refusalCode())));
                return;
            }
            done(agreementOffer(*answer.value().value));
        });
    };
}

} // namespace activation
} // namespace pos
