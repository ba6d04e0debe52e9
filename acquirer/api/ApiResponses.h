// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "core/ledger/LedgerTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Strict parsers of the acquirer JSON API's response bodies (docs/acquirer-api.md), pure functions from the
// body bytes to a typed value, so they can be fuzzed (fuzz/fuzz_api_responses.cpp). Rules common to all:
// the body must be one JSON object; every required field present with its JSON type (integers: JSON numbers
// without a fraction within ±2^53); enumerations only take the values the contract lists (an unknown status
// string is refused); optional fields may be absent or null. Unknown extra keys are ignored (the server may
// add fields). Failures: ProtocolViolation whose detail names the JSON path (never the field's value).
namespace pos {
namespace acquirer {

// {"error": {"code": "UPPER_SNAKE", "message": "..."}} of a 4xx/5xx answer.
struct ApiErrorBody
{
    QString code;
    QString message;
};
Result<ApiErrorBody> parseApiError(const QByteArray& body);

enum class QrOrderStatus { Paid, UserPaying, NotPay, Closed, Reversed, Refund, PayError };
std::optional<QrOrderStatus> qrOrderStatusFromWire(const QString& text); // "PAID", ...
QString qrOrderStatusWire(QrOrderStatus status);
std::optional<QrChannel> qrChannelFromWire(const QString& text); // "wechat", "alipay", "unionpay"

// The result shape of pay/query/close/reverse/refund and of the bill's orders.
struct QrOrderResult
{
    QString outTradeNo;
    QrOrderStatus status = QrOrderStatus::NotPay;
    qint64 amountFen = 0;             // 0 for a close/reverse tombstone
    std::optional<QrChannel> channel; // absent on a tombstone (the server never saw the code)
    QString transactionId;            // required for PAID and REFUND
    std::optional<qint64> paidAtMs;   // required for PAID
    qint64 refundedFen = 0;           // absent means 0
    QString errorCode;                // required for PAYERROR (e.g. NOTENOUGH, AUTHCODE_EXPIRED)
    QString message;
};
Result<QrOrderResult> parseQrOrderResult(const QByteArray& body);

struct QrBill
{
    QString date; // YYYY-MM-DD
    QList<QrOrderResult> orders;
};
Result<QrBill> parseQrBill(const QByteArray& body);

// 200/201 of POST /v1/onboarding/documents.
struct DocumentUploadResult
{
    QString documentId; // "D" + 16 hex
    QString sha256;     // 64 hex
    qint64 sizeBytes = 0;
};
Result<DocumentUploadResult> parseDocumentUpload(const QByteArray& body);

enum class ApplicationStatus { Submitted, UnderReview, Approved, Rejected };
std::optional<ApplicationStatus> applicationStatusFromWire(const QString& text);

// 200/202 of POST/PUT /v1/onboarding/applications.
struct ApplicationSubmitted
{
    QString applicationId;
    ApplicationStatus status = ApplicationStatus::Submitted;
};
Result<ApplicationSubmitted> parseApplicationSubmitted(const QByteArray& body);

struct RejectionReason
{
    QString code;
    QString field; // JSON path, e.g. "licence.uscc"
    QString message;
};

// 200 of GET /v1/onboarding/applications/{id}. reasons only when rejected (at least one); merchantId (15
// characters) and activationCode (8 of A–Z 2–9 without I and O) required when approved.
struct ApplicationState
{
    QString applicationId;
    ApplicationStatus status = ApplicationStatus::Submitted;
    qint64 updatedAtMs = 0;
    QList<RejectionReason> reasons;
    QString merchantId;
    QString activationCode;
};
Result<ApplicationState> parseApplicationState(const QByteArray& body);

enum class TmkScheme { TripleDes, Sm4 };

// 200 of POST /v1/terminals/activate. The TMK stays wrapped under the PIN pad's key: the POS process never
// holds it in clear. apiSecret is the terminal's new API secret (32 bytes): the caller stores it and wipes
// this copy (crypto::secureWipe).
struct ActivationResult
{
    QString terminalId; // 8 digits
    QString merchantId;
    QString merchantName;
    TmkScheme tmkScheme = TmkScheme::TripleDes;
    QByteArray tmkWrapped; // decoded from base64, never empty
    QString tmkKcv;        // 6 uppercase hex
    QString apiKeyId;
    QByteArray apiSecret; // decoded from 64 hex
    QString cardHost;     // "host:port"
    qint64 singleLimitFen = 0;
    qint64 dailyLimitFen = 0;
};
Result<ActivationResult> parseActivationResult(const QByteArray& body);

// One row of the published fee schedule: rateBasisPoints 0..10000 (1 bp = 0.01 %), capFen the per-transaction
// cap in fen when the tender has one.
struct AgreementFee
{
    QString tender; // "debit", "credit", "qr"
    int rateBasisPoints = 0;
    std::optional<qint64> capFen;
};

// 200 of GET /v1/onboarding/agreement: the acquiring agreement the merchant signs. The application names
// version and the lowercase hex SHA-256 of text's UTF-8 bytes. At least one fee and one settlement cycle.
struct AgreementTerms
{
    QString version;
    QString text;
    QList<AgreementFee> fees;
    QStringList settlementCycles; // "T+1", "D0"
};
Result<AgreementTerms> parseAgreementTerms(const QByteArray& body);

} // namespace acquirer
} // namespace pos
