// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/CardLinkAdapter.h"

#include "acquirer/engine/CardEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace activation {

FirstSwipeOutcome firstSwipeOutcome(const acquirer::ActivationSwipeResult& result)
{
    using Outcome = acquirer::CardResult::Outcome;
    using Kind = FirstSwipeOutcome::Kind;
    FirstSwipeOutcome out;
    switch (result.outcome) {
    case Outcome::Approved: out.kind = Kind::Approved; break;
    case Outcome::Declined: out.kind = Kind::Declined; break;
    case Outcome::NotSent: out.kind = Kind::NotSent; break;
    case Outcome::Reversed: out.kind = Kind::Reversed; break;
    case Outcome::ReversalPending: out.kind = Kind::ReversalPending; break;
    }
    out.responseCode = result.responseCode;
    out.rrn = result.rrn;
    out.singleLimitFen = result.singleLimitFen;
    out.dailyLimitFen = result.dailyLimitFen;
    QJsonArray fees;
    for (const acquirer::AgreementFee& fee : result.fees) {
        QJsonObject row{{QStringLiteral("tender"), fee.tender},
                        {QStringLiteral("rateBasisPoints"), fee.rateBasisPoints}};
        if (fee.capFen)
            row.insert(QStringLiteral("capFen"), *fee.capFen);
        fees.append(row);
    }
    out.feeScheduleJson = QString::fromUtf8(QJsonDocument(fees).toJson(QJsonDocument::Compact));
    return out;
}

CardLinkOperations cardLinkOperations(acquirer::CardEngine& engine)
{
    CardLinkOperations ops;
    ops.signOn = [&engine](std::function<void(Result<WorkKeyCheck>)> done) {
        engine.signOn(std::move(done));
    };
    ops.isSignedOn = [&engine] { return engine.isSignedOn(); };
    ops.firstSwipe = [&engine](const CardRead& card, std::function<void(Result<FirstSwipeOutcome>)> done) {
        engine.activate(card, [done = std::move(done)](Result<acquirer::ActivationSwipeResult> result) {
            if (!result) {
                done(Failure{result.error()});
                return;
            }
            done(firstSwipeOutcome(result.value()));
        });
    };
    return ops;
}

} // namespace activation
} // namespace pos
