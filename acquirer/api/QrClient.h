// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/ApiAnswer.h"

#include <QDate>

namespace pos {
namespace acquirer {

// The QR payment calls of the acquirer JSON API (B扫C, docs/acquirer-api.md "QR payments"); terminal key
// only. Each call is one ApiClient::call with the QR budget; see ApiAnswer for what done receives. Inputs
// are not validated here beyond what the wire needs (the server refuses bad ones with a 4xx): callers pass
// outTradeNo as committed in the ledger. The client must outlive the calls.
class QrClient final
{
public:
    template <typename T>
    using Completion = std::function<void(Result<ApiAnswer<T>>)>;

    explicit QrClient(ApiClient& client) : m_client(client) {}

    // POST /v1/qr/pay. authCode: the customer's 18-digit payment code.
    void pay(const QString& outTradeNo,
             qint64 amountFen,
             const QString& authCode,
             const QString& description,
             QObject* context,
             Completion<QrOrderResult> done);
    void query(const QString& outTradeNo, QObject* context, Completion<QrOrderResult> done);
    void close(const QString& outTradeNo, QObject* context, Completion<QrOrderResult> done);
    void reverse(const QString& outTradeNo, QObject* context, Completion<QrOrderResult> done);
    void refund(const QString& outTradeNo,
                const QString& outRefundNo,
                qint64 refundFen,
                QObject* context,
                Completion<QrOrderResult> done);
    // GET /v1/qr/bill?date=YYYY-MM-DD.
    void bill(QDate date, QObject* context, Completion<QrBill> done);

private:
    void post(const QString& path, const QJsonObject& body, QObject* context, Completion<QrOrderResult> done);

    ApiClient& m_client;
};

// The wallet a payment code belongs to, from its prefix (10–15 WeChat, 25–30 Alipay, 62 UnionPay), when it
// is 18 digits; nullopt otherwise (the server would refuse it with AUTHCODE_INVALID).
std::optional<QrChannel> qrChannelOfAuthCode(const QString& authCode);

} // namespace acquirer
} // namespace pos
