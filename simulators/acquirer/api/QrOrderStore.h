// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace pos {
namespace sim {

class HostLedger;

namespace qrstatus {
inline const QString paid = QStringLiteral("PAID");
inline const QString userPaying = QStringLiteral("USERPAYING");
inline const QString notPay = QStringLiteral("NOTPAY");
inline const QString closed = QStringLiteral("CLOSED");
inline const QString reversed = QStringLiteral("REVERSED");
inline const QString refund = QStringLiteral("REFUND");
inline const QString payError = QStringLiteral("PAYERROR");
} // namespace qrstatus

// One QR (B扫C) order of a merchant, keyed by merchant + outTradeNo. A tombstone is the CLOSED or REVERSED
// record a close/reverse of an unknown outTradeNo leaves (amount 0, no code): a later pay is refused.
struct QrOrder
{
    QString mid;
    QString outTradeNo;
    QString tid;
    QString status; // qrstatus::*
    bool tombstone = false;
    qint64 amountFen = 0;
    QString channel;  // wechat, alipay, unionpay; empty for tombstones
    QString authCode; // the customer's one-time payment code (simulator only)
    QString description;
    QString transactionId;
    std::optional<qint64> paidAtMs;
    qint64 refundedFen = 0;
    QString errorCode;
    int queryCount = 0; // queries while USERPAYING
    QString localDate;  // YYYY-MM-DD of creation (simulator's local time)
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

struct QrRefund
{
    QString mid;
    QString outRefundNo;
    QString outTradeNo;
    qint64 refundFen = 0;
};

// QR orders and refunds in the host database (HostLedger schema 2); HostLedger's thread and blocking
// contract.
class QrOrderStore final
{
public:
    explicit QrOrderStore(HostLedger& ledger) : m_ledger(ledger) {}

    HostLedger& ledger() { return m_ledger; }

    Result<std::optional<QrOrder>> order(const QString& mid, const QString& outTradeNo);
    // Inserts or replaces the order (keyed by mid + outTradeNo).
    Result<> saveOrder(const QrOrder& order);
    // The merchant's non-tombstone orders created on localDate (YYYY-MM-DD), oldest first.
    Result<QList<QrOrder>> ordersOn(const QString& mid, const QString& localDate);

    Result<std::optional<QrRefund>> refund(const QString& mid, const QString& outRefundNo);
    Result<> insertRefund(const QrRefund& refund, qint64 nowMs);

private:
    HostLedger& m_ledger;
};

} // namespace sim
} // namespace pos
