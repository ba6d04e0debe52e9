// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/QrGateway.h"

#include "simulators/SimulatorLog.h"
#include "simulators/acquirer/HostLedger.h"
#include "simulators/acquirer/api/ApiJson.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

namespace pos {
namespace sim {
namespace {

constexpr qint64 maxAmountFen = 100'000'000;

bool isOutTradeNo(const QString& text, qsizetype maxLength)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') ||
                             (u >= u'A' && u <= u'Z') || u == u'_' || u == u'-';
        if (!allowed)
            return false;
    }
    return true;
}

// The channel of an 18-digit payment code, or empty when its prefix belongs to none.
QString channelOf(const QString& authCode)
{
    if (authCode.size() != 18)
        return QString();
    for (const QChar c : authCode) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return QString();
    }
    const int prefix = authCode.left(2).toInt();
    if (prefix >= 10 && prefix <= 15)
        return QStringLiteral("wechat");
    if (prefix >= 25 && prefix <= 30)
        return QStringLiteral("alipay");
    if (prefix == 62)
        return QStringLiteral("unionpay");
    return QString();
}

int behaviourDigit(const QrOrder& order)
{
    return order.authCode.isEmpty() ? 0 : order.authCode.back().unicode() - u'0';
}

QString statusMessage(const QrOrder& order)
{
    if (order.status == qrstatus::paid)
        return QStringLiteral("支付成功");
    if (order.status == qrstatus::userPaying)
        return QStringLiteral("用户支付中，需要输入密码");
    if (order.status == qrstatus::notPay)
        return QStringLiteral("用户取消支付");
    if (order.status == qrstatus::closed)
        return QStringLiteral("订单已关闭");
    if (order.status == qrstatus::reversed)
        return QStringLiteral("订单已撤销");
    if (order.status == qrstatus::refund)
        return QStringLiteral("订单已退款");
    if (order.errorCode == QLatin1String("NOTENOUGH"))
        return QStringLiteral("余额不足");
    return QStringLiteral("支付失败");
}

HttpResponse orderNotExist()
{
    return HttpResponse::error(404, "ORDER_NOT_EXIST", QrGateway::tr("No order with this outTradeNo."));
}

} // namespace

QJsonObject QrGateway::resultJson(const QrOrder& order)
{
    QJsonObject result;
    result.insert(QStringLiteral("outTradeNo"), order.outTradeNo);
    result.insert(QStringLiteral("status"), order.status);
    result.insert(QStringLiteral("amountFen"), order.amountFen);
    if (!order.channel.isEmpty())
        result.insert(QStringLiteral("channel"), order.channel);
    const bool paid = order.status == qrstatus::paid || order.status == qrstatus::refund;
    if (paid && !order.transactionId.isEmpty())
        result.insert(QStringLiteral("transactionId"), order.transactionId);
    if (paid && order.paidAtMs)
        result.insert(QStringLiteral("paidAtMs"), *order.paidAtMs);
    result.insert(QStringLiteral("refundedFen"), order.refundedFen);
    if (order.status == qrstatus::payError)
        result.insert(QStringLiteral("errorCode"), order.errorCode);
    result.insert(QStringLiteral("message"), statusMessage(order));
    return result;
}

Result<QString> QrGateway::newTransactionId(qint64 nowMs)
{
    const Result<qint64> number = m_store.ledger().nextCounterValue(QStringLiteral("qr"));
    if (!number)
        return Failure{number.error()};
    const QString date = QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("yyyyMMdd"));
    return QStringLiteral("42%1%2").arg(date).arg(number.value(), 10, 10, QLatin1Char('0'));
}

QrOrder
QrGateway::tombstone(const ApiKeyRecord& key, const QString& outTradeNo, const QString& status, qint64 nowMs)
{
    QrOrder order;
    order.mid = key.mid;
    order.outTradeNo = outTradeNo;
    order.tid = key.tid;
    order.status = status;
    order.tombstone = true;
    order.localDate = QDateTime::fromMSecsSinceEpoch(nowMs).date().toString(Qt::ISODate);
    order.createdMs = nowMs;
    order.updatedMs = nowMs;
    return order;
}

bool QrGateway::loadOrder(const ApiKeyRecord& key,
                          const QByteArray& body,
                          QString& outTradeNo,
                          std::optional<QrOrder>& order,
                          HttpResponse& response)
{
    const std::optional<QJsonObject> root = parseJsonObject(body);
    if (!root) {
        response = fieldInvalidResponse(QString());
        return false;
    }
    outTradeNo = root->value(QStringLiteral("outTradeNo")).toString();
    if (!isOutTradeNo(outTradeNo, 32)) {
        response = fieldInvalidResponse(QStringLiteral("outTradeNo"));
        return false;
    }
    const Result<std::optional<QrOrder>> found = m_store.order(key.mid, outTradeNo);
    if (!found) {
        response = systemErrorResponse();
        return false;
    }
    order = found.value();
    return true;
}

HttpResponse QrGateway::pay(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs)
{
    const std::optional<QJsonObject> root = parseJsonObject(body);
    if (!root)
        return fieldInvalidResponse(QString());
    JsonFieldReader fields(*root);
    const QString outTradeNo = fields.text(QStringLiteral("outTradeNo"), 32);
    if (!outTradeNo.isEmpty() && !isOutTradeNo(outTradeNo, 32))
        fields.invalid(QStringLiteral("outTradeNo"));
    const std::optional<qint64> amountFen = fields.integer(QStringLiteral("amountFen"), 1, maxAmountFen);
    const QString authCode = fields.text(QStringLiteral("authCode"), 32);
    const QJsonValue description = root->value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isNull() &&
        (!description.isString() || description.toString().size() > 128))
        fields.invalid(QStringLiteral("description"));
    if (!fields.ok())
        return fieldInvalidResponse(fields.badPath());
    const QString channel = channelOf(authCode);
    if (channel.isEmpty())
        return HttpResponse::error(
            400, "AUTHCODE_INVALID",
            tr("The payment code is not an 18-digit WeChat, Alipay or UnionPay code."));

    const Result<std::optional<QrOrder>> existing = m_store.order(key.mid, outTradeNo);
    if (!existing)
        return systemErrorResponse();
    if (const std::optional<QrOrder>& order = existing.value()) {
        if (order->tombstone && order->status == qrstatus::reversed)
            return HttpResponse::error(409, "ORDER_REVERSED", tr("This outTradeNo was reversed."));
        if (order->tombstone)
            return HttpResponse::error(409, "ORDER_CLOSED", tr("This outTradeNo was closed."));
        if (order->amountFen != *amountFen || order->authCode != authCode)
            return HttpResponse::error(409, "OUT_TRADE_NO_USED",
                                       tr("This outTradeNo was used with another amount or payment code."));
        return HttpResponse::json(200, resultJson(*order)); // a retry: no second charge
    }

    QrOrder order;
    order.mid = key.mid;
    order.outTradeNo = outTradeNo;
    order.tid = key.tid;
    order.amountFen = *amountFen;
    order.channel = channel;
    order.authCode = authCode;
    order.description = description.toString();
    order.localDate = QDateTime::fromMSecsSinceEpoch(nowMs).date().toString(Qt::ISODate);
    order.createdMs = nowMs;
    order.updatedMs = nowMs;
    const int digit = behaviourDigit(order);
    if (digit <= 5) {
        const Result<QString> transactionId = newTransactionId(nowMs);
        if (!transactionId)
            return systemErrorResponse();
        order.status = qrstatus::paid;
        order.transactionId = transactionId.value();
        order.paidAtMs = nowMs;
    } else if (digit == 8) {
        order.status = qrstatus::payError;
        order.errorCode = QStringLiteral("NOTENOUGH");
    } else {
        order.status = qrstatus::userPaying;
    }
    if (const Result<> saved = m_store.saveOrder(order); !saved) {
        qCWarning(lcSim).noquote() << "api: QR order not stored:" << saved.error().detail;
        return systemErrorResponse();
    }
    qCInfo(lcSim).noquote() << "api: QR order" << outTradeNo << "of" << key.mid << order.status;
    return HttpResponse::json(200, resultJson(order));
}

HttpResponse QrGateway::query(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs)
{
    QString outTradeNo;
    std::optional<QrOrder> order;
    HttpResponse response;
    if (!loadOrder(key, body, outTradeNo, order, response))
        return response;
    if (!order)
        return orderNotExist();
    if (order->status == qrstatus::userPaying) {
        ++order->queryCount;
        const int digit = behaviourDigit(*order);
        if (digit == 6 && order->queryCount >= 2) {
            const Result<QString> transactionId = newTransactionId(nowMs);
            if (!transactionId)
                return systemErrorResponse();
            order->status = qrstatus::paid;
            order->transactionId = transactionId.value();
            order->paidAtMs = nowMs;
        } else if (digit == 7 && order->queryCount >= 2) {
            order->status = qrstatus::notPay;
        }
        order->updatedMs = nowMs;
        if (const Result<> saved = m_store.saveOrder(*order); !saved)
            return systemErrorResponse();
    }
    return HttpResponse::json(200, resultJson(*order));
}

HttpResponse QrGateway::close(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs)
{
    QString outTradeNo;
    std::optional<QrOrder> order;
    HttpResponse response;
    if (!loadOrder(key, body, outTradeNo, order, response))
        return response;
    if (!order) {
        order = tombstone(key, outTradeNo, qrstatus::closed, nowMs);
    } else if (order->status == qrstatus::paid || order->status == qrstatus::refund) {
        return HttpResponse::error(409, "ORDER_PAID", tr("The order is paid; reverse or refund it instead."));
    } else if (order->status == qrstatus::closed || order->status == qrstatus::reversed) {
        return HttpResponse::json(200, resultJson(*order));
    } else {
        order->status = qrstatus::closed;
        order->updatedMs = nowMs;
    }
    if (const Result<> saved = m_store.saveOrder(*order); !saved)
        return systemErrorResponse();
    return HttpResponse::json(200, resultJson(*order));
}

HttpResponse QrGateway::reverse(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs)
{
    QString outTradeNo;
    std::optional<QrOrder> order;
    HttpResponse response;
    if (!loadOrder(key, body, outTradeNo, order, response))
        return response;
    if (!order) {
        order = tombstone(key, outTradeNo, qrstatus::reversed, nowMs);
    } else if (order->status == qrstatus::reversed) {
        return HttpResponse::json(200, resultJson(*order));
    } else if (nowMs - order->createdMs > m_settings.reverseWindowMs) {
        return HttpResponse::error(409, "REVERSE_EXPIRED",
                                   tr("The order is too old to be reversed; refund it instead."));
    } else {
        if (order->status == qrstatus::paid || order->status == qrstatus::refund)
            order->refundedFen = order->amountFen; // the payer gets everything back
        order->status = qrstatus::reversed;
        order->updatedMs = nowMs;
    }
    if (const Result<> saved = m_store.saveOrder(*order); !saved)
        return systemErrorResponse();
    qCInfo(lcSim).noquote() << "api: QR order" << outTradeNo << "of" << key.mid << "reversed";
    return HttpResponse::json(200, resultJson(*order));
}

HttpResponse QrGateway::refund(const ApiKeyRecord& key, const QByteArray& body, qint64 nowMs)
{
    const std::optional<QJsonObject> root = parseJsonObject(body);
    if (!root)
        return fieldInvalidResponse(QString());
    JsonFieldReader fields(*root);
    const QString outTradeNo = fields.text(QStringLiteral("outTradeNo"), 32);
    if (!outTradeNo.isEmpty() && !isOutTradeNo(outTradeNo, 32))
        fields.invalid(QStringLiteral("outTradeNo"));
    const QString outRefundNo = fields.text(QStringLiteral("outRefundNo"), 64);
    if (!outRefundNo.isEmpty() && !isOutTradeNo(outRefundNo, 64))
        fields.invalid(QStringLiteral("outRefundNo"));
    const std::optional<qint64> refundFen = fields.integer(QStringLiteral("refundFen"), 1, maxAmountFen);
    if (!fields.ok())
        return fieldInvalidResponse(fields.badPath());

    std::optional<HttpResponse> answer;
    const Result<> done = m_store.ledger().inTransaction([&]() -> Result<> {
        const Result<std::optional<QrOrder>> found = m_store.order(key.mid, outTradeNo);
        if (!found)
            return Failure{found.error()};
        const Result<std::optional<QrRefund>> earlier = m_store.refund(key.mid, outRefundNo);
        if (!earlier)
            return Failure{earlier.error()};
        std::optional<QrOrder> order = found.value();
        if (earlier.value()) {
            if (earlier.value()->outTradeNo != outTradeNo || earlier.value()->refundFen != *refundFen)
                answer = HttpResponse::error(409, "OUT_REFUND_NO_USED",
                                             tr("This outRefundNo was used for another refund."));
            else if (order) // a retry: the same refund, not a second one
                answer = HttpResponse::json(200, resultJson(*order));
            return {};
        }
        if (!order) {
            answer = orderNotExist();
            return {};
        }
        if (order->status != qrstatus::paid && order->status != qrstatus::refund) {
            answer = HttpResponse::error(409, "ORDER_NOT_PAID", tr("Only a paid order can be refunded."));
            return {};
        }
        if (order->refundedFen + *refundFen > order->amountFen) {
            answer =
                HttpResponse::error(400, "REFUND_EXCEEDS", tr("The refunds would exceed the paid amount."));
            return {};
        }
        order->refundedFen += *refundFen;
        order->status = qrstatus::refund;
        order->updatedMs = nowMs;
        if (const Result<> saved = m_store.saveOrder(*order); !saved)
            return saved;
        if (const Result<> inserted =
                m_store.insertRefund({key.mid, outRefundNo, outTradeNo, *refundFen}, nowMs);
            !inserted)
            return inserted;
        answer = HttpResponse::json(200, resultJson(*order));
        return {};
    });
    if (!done || !answer)
        return systemErrorResponse();
    return *answer;
}

HttpResponse QrGateway::bill(const ApiKeyRecord& key, const QByteArray& target)
{
    const qsizetype question = target.indexOf('?');
    const QUrlQuery query(question < 0 ? QString() : QString::fromLatin1(target.mid(question + 1)));
    const QString date = query.queryItemValue(QStringLiteral("date"));
    if (date.size() != 10 || !QDate::fromString(date, Qt::ISODate).isValid())
        return fieldInvalidResponse(QStringLiteral("date"));
    const Result<QList<QrOrder>> orders = m_store.ordersOn(key.mid, date);
    if (!orders)
        return systemErrorResponse();
    QJsonArray rows;
    for (const QrOrder& order : orders.value())
        rows.append(resultJson(order));
    QJsonObject body;
    body.insert(QStringLiteral("date"), date);
    body.insert(QStringLiteral("orders"), rows);
    return HttpResponse::json(200, body);
}

} // namespace sim
} // namespace pos
