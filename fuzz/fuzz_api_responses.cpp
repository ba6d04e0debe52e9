// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/ApiResponses.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <cstdlib>

// The acquirer JSON API's response parsers (acquirer/api/ApiResponses.h). data[0] selects the parser
// (apiResponseSelectorCount choices, modulo); the rest is the response body.
//
// Properties: no parser crashes, and what a parser accepts keeps the contract's invariants (a PAID order has
// a transaction id, a payment time and a positive amount; refunded never exceeds the amount; a PAYERROR has
// its code; a rejected application has reasons and an approved one its merchant id and activation code; an
// activation has a 32-byte API secret and a non-empty wrapped TMK; an agreement has fees within 0..10000 bp,
// caps >= 0 and at least one settlement cycle).
namespace pos {
namespace fuzz {
namespace {

using namespace acquirer;

constexpr const char* target = "fuzz_api_responses";

bool orderHolds(const QrOrderResult& order)
{
    if (order.outTradeNo.isEmpty() || order.outTradeNo.size() > 32)
        return violated(target, "accepted order without a valid outTradeNo");
    if (order.amountFen < 0 || order.refundedFen < 0 || order.refundedFen > order.amountFen)
        return violated(target, "accepted order with inconsistent amounts");
    if (order.status == QrOrderStatus::Paid &&
        (order.transactionId.isEmpty() || !order.paidAtMs || order.amountFen <= 0))
        return violated(target, "accepted PAID order without transaction, time or amount");
    if (order.status == QrOrderStatus::PayError && order.errorCode.isEmpty())
        return violated(target, "accepted PAYERROR without errorCode");
    return true;
}

} // namespace

bool apiResponsesHold(QByteArrayView data)
{
    if (data.isEmpty())
        return true;
    const QByteArray body = data.sliced(1).toByteArray();
    switch (static_cast<unsigned char>(data.front()) % apiResponseSelectorCount) {
    case 0: {
        const Result<QrOrderResult> order = parseQrOrderResult(body);
        return !order || orderHolds(order.value());
    }
    case 1: {
        const Result<QrBill> bill = parseQrBill(body);
        if (!bill)
            return true;
        for (const QrOrderResult& order : bill.value().orders) {
            if (!orderHolds(order))
                return false;
        }
        return bill.value().date.size() == 10 || violated(target, "accepted bill with a malformed date");
    }
    case 2: {
        const Result<ApiErrorBody> error = parseApiError(body);
        return !error || !error.value().code.isEmpty() || violated(target, "accepted error without code");
    }
    case 3: {
        const Result<DocumentUploadResult> document = parseDocumentUpload(body);
        return !document || (document.value().documentId.size() == 17 && document.value().sizeBytes > 0) ||
               violated(target, "accepted document upload with a bad id or size");
    }
    case 4: {
        const Result<ApplicationSubmitted> submitted = parseApplicationSubmitted(body);
        return !submitted || submitted.value().applicationId.startsWith(u'A') ||
               violated(target, "accepted submission without an A… id");
    }
    case 5: {
        const Result<ApplicationState> state = parseApplicationState(body);
        if (!state)
            return true;
        if (state.value().status == ApplicationStatus::Rejected && state.value().reasons.isEmpty())
            return violated(target, "accepted rejection without reasons");
        if (state.value().status == ApplicationStatus::Approved &&
            (state.value().merchantId.size() != 15 || state.value().activationCode.size() != 8))
            return violated(target, "accepted approval without merchant id or activation code");
        return true;
    }
    case 7: {
        const Result<AgreementTerms> terms = parseAgreementTerms(body);
        if (!terms)
            return true;
        if (terms.value().fees.isEmpty() || terms.value().settlementCycles.isEmpty())
            return violated(target, "accepted agreement without fees or settlement cycles");
        for (const AgreementFee& fee : terms.value().fees) {
            if (fee.rateBasisPoints < 0 || fee.rateBasisPoints > 10000 || (fee.capFen && *fee.capFen < 0))
                return violated(target, "accepted agreement fee out of range");
        }
        return true;
    }
    default: {
        const Result<ActivationResult> activation = parseActivationResult(body);
        return !activation ||
               (activation.value().apiSecret.size() == 32 && !activation.value().tmkWrapped.isEmpty() &&
                activation.value().terminalId.size() == 8) ||
               violated(target, "accepted activation without secret, wrapped TMK or terminal id");
    }
    }
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::apiResponsesHold(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
