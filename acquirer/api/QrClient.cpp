// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/QrClient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace acquirer {

namespace {

QByteArray compact(const QJsonObject& body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

void QrClient::post(const QString& path,
                    const QJsonObject& body,
                    QObject* context,
                    Completion<QrOrderResult> done)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = path;
    request.body = compact(body);
    request.budget = ApiBudget::Qr;
    detail::typedCall<QrOrderResult>(m_client, std::move(request), context, &parseQrOrderResult,
                                     std::move(done));
}

void QrClient::pay(const QString& outTradeNo,
                   qint64 amountFen,
                   const QString& authCode,
                   const QString& description,
                   QObject* context,
                   Completion<QrOrderResult> done)
{
    QJsonObject body{{QStringLiteral("outTradeNo"), outTradeNo},
                     {QStringLiteral("amountFen"), amountFen},
                     {QStringLiteral("authCode"), authCode}};
    body.insert(QStringLiteral("description"), description);
    post(QStringLiteral("/v1/qr/pay"), body, context, std::move(done));
}

void QrClient::query(const QString& outTradeNo, QObject* context, Completion<QrOrderResult> done)
{
    post(QStringLiteral("/v1/qr/query"), {{QStringLiteral("outTradeNo"), outTradeNo}}, context,
         std::move(done));
}

void QrClient::close(const QString& outTradeNo, QObject* context, Completion<QrOrderResult> done)
{
    post(QStringLiteral("/v1/qr/close"), {{QStringLiteral("outTradeNo"), outTradeNo}}, context,
         std::move(done));
}

void QrClient::reverse(const QString& outTradeNo, QObject* context, Completion<QrOrderResult> done)
{
    post(QStringLiteral("/v1/qr/reverse"), {{QStringLiteral("outTradeNo"), outTradeNo}}, context,
         std::move(done));
}

void QrClient::refund(const QString& outTradeNo,
                      const QString& outRefundNo,
                      qint64 refundFen,
                      QObject* context,
                      Completion<QrOrderResult> done)
{
    post(QStringLiteral("/v1/qr/refund"),
         {{QStringLiteral("outTradeNo"), outTradeNo},
          {QStringLiteral("outRefundNo"), outRefundNo},
          {QStringLiteral("refundFen"), refundFen}},
         context, std::move(done));
}

void QrClient::bill(QDate date, QObject* context, Completion<QrBill> done)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("GET");
    request.path = QStringLiteral("/v1/qr/bill?date=%1").arg(date.toString(Qt::ISODate));
    request.budget = ApiBudget::Qr;
    detail::typedCall<QrBill>(m_client, std::move(request), context, &parseQrBill, std::move(done));
}

std::optional<QrChannel> qrChannelOfAuthCode(const QString& authCode)
{
    if (authCode.size() != 18)
        return std::nullopt;
    for (QChar c : authCode) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const int prefix = QStringView(authCode).left(2).toInt();
    if (prefix >= 10 && prefix <= 15)
        return QrChannel::WeChat;
    if (prefix >= 25 && prefix <= 30)
        return QrChannel::Alipay;
    if (prefix == 62)
        return QrChannel::UnionPay;
    return std::nullopt;
}

} // namespace acquirer
} // namespace pos
