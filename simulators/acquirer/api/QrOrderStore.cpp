// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/QrOrderStore.h"

#include "simulators/acquirer/HostLedger.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/SqliteStatement.h"

namespace pos {
namespace sim {
namespace {

using storage::SqliteStatement;

#define POS_QR_ORDER_COLUMNS                                                                                 \
    "SELECT mid, out_trade_no, tid, status, tombstone, amount_fen, channel, auth_code, description, "        \
    "transaction_id, paid_at_ms, refunded_fen, error_code, query_count, local_date, created_ms, updated_ms " \
    "FROM qr_orders "

QrOrder readOrder(SqliteStatement& row)
{
    QrOrder order;
    order.mid = row.text(0);
    order.outTradeNo = row.text(1);
    order.tid = row.text(2);
    order.status = row.text(3);
    order.tombstone = row.int64(4) != 0;
    order.amountFen = row.int64(5);
    order.channel = row.text(6);
    order.authCode = row.text(7);
    order.description = row.text(8);
    order.transactionId = row.text(9);
    order.paidAtMs = row.optionalInt64(10);
    order.refundedFen = row.int64(11);
    order.errorCode = row.text(12);
    order.queryCount = static_cast<int>(row.int64(13));
    order.localDate = row.text(14);
    order.createdMs = row.int64(15);
    order.updatedMs = row.int64(16);
    return order;
}

std::optional<QString> optionalText(const QString& text)
{
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

} // namespace

Result<std::optional<QrOrder>> QrOrderStore::order(const QString& mid, const QString& outTradeNo)
{
    const auto statement = m_ledger.database().prepare(
        QStringLiteral(POS_QR_ORDER_COLUMNS "WHERE mid = ?1 AND out_trade_no = ?2"));
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, mid).bind(2, outTradeNo);
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return std::optional<QrOrder>();
    std::optional<QrOrder> order(readOrder(row));
    row.reset();
    return order;
}

Result<QList<QrOrder>> QrOrderStore::ordersOn(const QString& mid, const QString& localDate)
{
    const auto statement = m_ledger.database().prepare(
        QStringLiteral(POS_QR_ORDER_COLUMNS
                       "WHERE mid = ?1 AND local_date = ?2 AND tombstone = 0 ORDER BY created_ms, rowid"));
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, mid).bind(2, localDate);
    QList<QrOrder> orders;
    for (;;) {
        const Result<bool> found = row.step();
        if (!found)
            return Failure{found.error()};
        if (!found.value())
            break;
        orders.append(readOrder(row));
    }
    row.reset();
    return orders;
}

#undef POS_QR_ORDER_COLUMNS

Result<> QrOrderStore::saveOrder(const QrOrder& order)
{
    const auto statement = m_ledger.database().prepare(QStringLiteral(R"sql(
        INSERT INTO qr_orders (mid, out_trade_no, tid, status, tombstone, amount_fen, channel, auth_code,
                               description, transaction_id, paid_at_ms, refunded_fen, error_code, query_count,
                               local_date, created_ms, updated_ms)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
        ON CONFLICT (mid, out_trade_no) DO UPDATE SET
            status = excluded.status, tombstone = excluded.tombstone, amount_fen = excluded.amount_fen,
            transaction_id = excluded.transaction_id, paid_at_ms = excluded.paid_at_ms,
            refunded_fen = excluded.refunded_fen, error_code = excluded.error_code,
            query_count = excluded.query_count, updated_ms = excluded.updated_ms)sql"));
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, order.mid)
        .bind(2, order.outTradeNo)
        .bind(3, order.tid)
        .bind(4, order.status)
        .bind(5, order.tombstone ? 1 : 0)
        .bind(6, order.amountFen)
        .bind(7, order.channel)
        .bind(8, order.authCode)
        .bind(9, order.description)
        .bind(10, optionalText(order.transactionId))
        .bind(11, order.paidAtMs)
        .bind(12, order.refundedFen)
        .bind(13, optionalText(order.errorCode))
        .bind(14, order.queryCount)
        .bind(15, order.localDate)
        .bind(16, order.createdMs)
        .bind(17, order.updatedMs)
        .run();
}

Result<std::optional<QrRefund>> QrOrderStore::refund(const QString& mid, const QString& outRefundNo)
{
    const auto statement =
        m_ledger.database().prepare(QStringLiteral("SELECT mid, out_refund_no, out_trade_no, refund_fen FROM "
                                                   "qr_refunds WHERE mid = ?1 AND out_refund_no = ?2"));
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, mid).bind(2, outRefundNo);
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return std::optional<QrRefund>();
    QrRefund refund{row.text(0), row.text(1), row.text(2), row.int64(3)};
    row.reset();
    return std::optional<QrRefund>(refund);
}

Result<> QrOrderStore::insertRefund(const QrRefund& refund, qint64 nowMs)
{
    const auto statement = m_ledger.database().prepare(
        QStringLiteral("INSERT INTO qr_refunds (mid, out_refund_no, out_trade_no, refund_fen, created_ms) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, refund.mid)
        .bind(2, refund.outRefundNo)
        .bind(3, refund.outTradeNo)
        .bind(4, refund.refundFen)
        .bind(5, nowMs)
        .run();
}

} // namespace sim
} // namespace pos
