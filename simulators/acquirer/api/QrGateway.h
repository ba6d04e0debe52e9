// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "simulators/acquirer/api/ApiStore.h"
#include "simulators/acquirer/api/HttpResponse.h"
#include "simulators/acquirer/api/QrOrderStore.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace pos {
namespace sim {

// The QR (B扫C) payment gateway of the JSON API (/v1/qr/*), for terminal keys: orders per merchant keyed by
// outTradeNo, persisted in host.db. Channel from the payment code's prefix (10–15 wechat, 25–30 alipay, 62
// unionpay); outcome from its last digit: 0–5 PAID at once, 6 USERPAYING then PAID at the 2nd query, 7
// USERPAYING then NOTPAY at the 2nd query, 8 PAYERROR NOTENOUGH, 9 USERPAYING until closed or reversed.
// close/reverse of an unknown outTradeNo leave tombstones (a later pay is refused with 409). Refunds are
// idempotent by outRefundNo and never exceed the paid amount. Each handler returns the response to send.
class QrGateway final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::QrGateway)

public:
    struct Settings
    {
        qint64 reverseWindowMs = 7LL * 24 * 3600 * 1000; // [A] reversal allowed this long after the pay
    };

    QrGateway(HostLedger& ledger, Settings settings) : m_store(ledger), m_settings(settings) {}

    HttpResponse pay(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs);
    HttpResponse query(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs);
    HttpResponse close(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs);
    HttpResponse reverse(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs);
    HttpResponse refund(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs);
    // target: "/v1/qr/bill?date=YYYY-MM-DD"
    HttpResponse bill(const ApiKeyRecord& key, const QByteArray& target);

    // The result object of an order (pay/query/close/reverse/refund answers and bill rows).
    static QJsonObject resultJson(const QrOrder& order);

private:
    // Reads {"outTradeNo"} and loads the order: false with response set when the request fails there.
    bool loadOrder(const ApiKeyRecord& key,
                   const QByteArray& body,
                   QString& outTradeNo,
                   std::optional<QrOrder>& order,
                   HttpResponse& response);
    QrOrder
    tombstone(const ApiKeyRecord& key, const QString& outTradeNo, const QString& status, qint64 nowMs);
    Result<QString> newTransactionId(qint64 nowMs);

    QrOrderStore m_store;
    Settings m_settings;
};

} // namespace sim
} // namespace pos
