// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/ApiConfig.h"
#include "acquirer/api/ApiResponses.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>

#include <functional>
#include <optional>

namespace pos {
namespace acquirer {

// How much the POS knows about what a call did at the acquirer (docs/acquirer-api.md "Outcome classes").
enum class ApiOutcome {
    Definite, // a 2xx or 4xx answer arrived, signed for this request: 2xx done, 4xx nothing done
    NotSent,  // the request certainly never left (connection refused, TLS handshake refused): nothing done
    Unknown,  // anything else (timeout, 5xx, cut connection, bad signature or nonce): it may have been done
};

// A definite answer: the HTTP status (2xx or 4xx), the body, and for a 4xx the parsed error body (absent
// when the body is not the contract's error object).
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    std::optional<ApiErrorBody> error;

    bool succeeded() const { return status >= 200 && status < 300; }
    // The error code of a 4xx ("FIELD_INVALID"), empty for a 2xx or an unreadable error body.
    QString errorCode() const { return error ? error->code : QString(); }
};

// The class of a failed call: ErrorCode::NetworkFailure is NotSent, every other failure is Unknown.
ApiOutcome apiOutcomeOf(const Error& error);

enum class ApiBudget { Onboarding, Qr }; // which of ApiConfig's timeouts applies

struct ApiRequest
{
    QByteArray method = QByteArrayLiteral("POST"); // GET, POST or PUT
    QString path;                                  // raw path with any query string, e.g. /v1/qr/pay
    QByteArray body;
    QByteArray contentType =
        QByteArrayLiteral("application/json; charset=utf-8"); // ignored when body is empty
    QList<QPair<QByteArray, QByteArray>> extraHeaders;        // e.g. X-Pos-Document-Kind
    ApiBudget budget = ApiBudget::Qr;
};

// One HTTPS client of the acquirer JSON API: signs every request (X-Pos-*), sends it over its own TLS
// connection pinned to the acquirer CA (HTTP/1.1, "Connection: close", written exactly once: HttpsExchange,
// never re-sent behind the caller's back), enforces the call's whole budget with a timer that aborts it, and
// verifies every answer (nonce echo and signature) before it is believed.
//
// Result of call(): a value is a Definite answer (2xx or 4xx). A failure is NotSent (ErrorCode::
// NetworkFailure) or Unknown (ErrorCode::OutcomeUnknown: timeout, 5xx, cut connection, unsigned or badly
// signed answer, 401 NONCE_REPLAYED — this client never reuses a nonce, so a replay means an earlier copy
// of the request reached the server). NotSent covers a refused connection, a TLS handshake the client
// refused (wrong CA, wrong name) and a budget that ran out before the handshake completed: in each case no
// request byte was written. Redirects are not followed (Unknown); proxies are not used.
//
// Thread affinity: the creating thread. done runs there exactly once, never synchronously inside call(), and
// not at all when context is destroyed first or the client is destroyed with the call pending (the call is
// aborted). Calls are independent and may overlap.
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    using Completion = std::function<void(Result<ApiResponse>)>;

    explicit ApiClient(ApiConfig config, QObject* parent = nullptr);
    ~ApiClient() override;

    // Switches the key after activation (installer key → terminal key). Calls already sent keep theirs.
    void setCredentials(const QString& keyId, const ApiSecret& secret);
    const ApiConfig& config() const { return m_config; }

    void call(ApiRequest request, QObject* context, Completion done);

private:
    struct Pending;
    qint64 now() const;

    ApiConfig m_config;
    QSet<QObject*> m_inFlight; // the HttpsExchange of each pending call, owned by this client
};

} // namespace acquirer
} // namespace pos
