// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/ApiClient.h"
#include "acquirer/api/ApiResponses.h"

#include <QCoreApplication>

#include <functional>
#include <optional>
#include <utility>

namespace pos {
namespace acquirer {

// A definite answer of a typed call: either the parsed 2xx body (value) or the server's refusal (4xx:
// nothing was done; refusal->code is the contract's error code, or "HTTP_<status>" when the error body was
// unreadable). Failures of the typed calls (Result errors) are NotSent or Unknown, as for ApiClient; a 2xx
// body that does not parse is Unknown (the server did something this terminal cannot read).
template <typename T>
struct ApiAnswer
{
    int httpStatus = 0;
    std::optional<T> value;
    std::optional<ApiErrorBody> refusal;

    bool succeeded() const { return value.has_value(); }
    QString refusalCode() const { return refusal ? refusal->code : QString(); }
};

namespace detail {

struct ApiAnswerText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::ApiAnswer)
};

// Sends request through client and turns the answer into ApiAnswer<T> with parse (ApiResponses.h).
template <typename T>
void typedCall(ApiClient& client,
               ApiRequest request,
               QObject* context,
               Result<T> (*parse)(const QByteArray&),
               std::function<void(Result<ApiAnswer<T>>)> done)
{
    client.call(std::move(request), context, [parse, done = std::move(done)](Result<ApiResponse> response) {
        if (!response) {
            done(Failure{response.error()});
            return;
        }
        ApiAnswer<T> answer;
        answer.httpStatus = response.value().status;
        if (!response.value().succeeded()) {
            answer.refusal = response.value().error.value_or(
                ApiErrorBody{QStringLiteral("HTTP_%1").arg(answer.httpStatus), QString()});
            done(std::move(answer));
            return;
        }
        Result<T> parsed = parse(response.value().body);
        if (!parsed) {
            done(fail(ErrorCode::OutcomeUnknown,
                      ApiAnswerText::tr("The acquirer's answer could not be read. The outcome is unknown."),
                      parsed.error().detail));
            return;
        }
        answer.value = std::move(parsed).value();
        done(std::move(answer));
    });
}

} // namespace detail
} // namespace acquirer
} // namespace pos
