// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: voiding (撤销) a sale. The sale row stays, marked voided; its stock, report summaries and the
// shift's cash are taken back in the same transaction as the mark and its audit row.
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

#include <QList>

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;
using detail::queryRow;
using detail::runStatement;

namespace {

struct VoidableSale
{
    QString kind;
    QString state;
    QString saleNo;
    qint64 shiftId = 0;
    qint64 cashierId = 0;
    QString businessDate;
    int hour = 0;
    qint64 totalFen = 0;
};

Result<VoidableSale> loadSale(SqliteDatabase& database, qint64 saleId)
{
    VoidableSale sale;
    const Result<bool> found = queryRow(
        database,
        QStringLiteral("SELECT kind, state, sale_no, shift_id, cashier_id, business_date, hour, total_fen "
                       "FROM sales WHERE id = ?"),
        [&sale](const SqliteStatement& row) {
            sale = {row.text(0),
                    row.text(1),
                    row.text(2),
                    row.int64(3),
                    row.int64(4),
                    row.text(5),
                    static_cast<int>(row.int64(6)),
                    row.int64(7)};
        },
        saleId);
    if (!found)
        return Failure{found.error()};
    if (!found.value() || sale.kind != QLatin1String("sale") || sale.state != QLatin1String("completed"))
        return invalid(LedgerText::tr("Only a completed sale can be voided."),
                       QStringLiteral("sale %1 is %2/%3").arg(saleId).arg(sale.kind, sale.state));
    return sale;
}

Result<> requireApprover(SqliteDatabase& database, qint64 userId)
{
    QString role;
    const Result<bool> found = queryRow(
        database, QStringLiteral("SELECT role FROM users WHERE id = ? AND active = 1"),
        [&role](const SqliteStatement& row) { role = row.text(0); }, userId);
    if (!found)
        return Failure{found.error()};
    if (role == QLatin1String("owner") || role == QLatin1String("supervisor"))
        return {};
    return invalid(LedgerText::tr("A void must be approved by a supervisor or the owner."),
                   QStringLiteral("approver %1 has role '%2'").arg(userId).arg(role));
}

// Every electronic tender of the sale must already be undone at the host: card voided, QR reversed/refunded.
Result<> requireHostUndone(SqliteDatabase& database, qint64 saleId)
{
    qint64 open = 0;
    const Result<bool> counted = queryRow(
        database,
        QStringLiteral("SELECT count(*) FROM tenders t LEFT JOIN card_payments p ON p.tender_id = t.id "
                       "LEFT JOIN qr_payments q ON q.tender_id = t.id WHERE t.sale_id = ? AND ("
                       "(t.kind = 'card' AND coalesce(p.host_state, '') != 'voided') OR "
                       "(t.kind = 'qr' AND coalesce(q.state, '') NOT IN ('reversed', 'refunded')))"),
        [&open](const SqliteStatement& row) { open = row.int64(0); }, saleId);
    if (!counted)
        return Failure{counted.error()};
    if (open == 0)
        return {};
    return invalid(LedgerText::tr("Void the card or QR payment with the acquirer first."),
                   QStringLiteral("sale %1: %2 electronic tenders not undone").arg(saleId).arg(open));
}

Result<> takeBackTenders(SqliteDatabase& database, qint64 saleId, const VoidableSale& sale)
{
    const Result<SqliteStatement*> tenders = database.prepare(
        QStringLiteral("SELECT kind, amount_fen FROM tenders WHERE sale_id = ? ORDER BY id"));
    if (!tenders)
        return Failure{tenders.error()};
    tenders.value()->bind(1, saleId);
    QList<std::pair<QString, qint64>> rows;
    for (;;) {
        const Result<bool> row = tenders.value()->step();
        if (!row)
            return Failure{row.error()};
        if (!row.value())
            break;
        rows.append({tenders.value()->text(0), tenders.value()->int64(1)});
    }
    tenders.value()->reset();
    for (const auto& [kind, amount] : rows) {
        if (const Result<> ran = runStatement(
                database,
                QStringLiteral("UPDATE daily_tender_totals SET sale_count = sale_count - 1, amount_fen = "
                               "amount_fen - ? WHERE business_date = ? AND hour = ? AND kind = ? AND "
                               "cashier_id = ?"),
                amount, sale.businessDate, sale.hour, kind, sale.cashierId);
            !ran)
            return ran;
    }
    return {};
}

Result<> takeBackLines(SqliteDatabase& database, qint64 saleId, const QString& businessDate)
{
    const Result<SqliteStatement*> lines =
        database.prepare(QStringLiteral("SELECT product_id, quantity_milli, total_fen FROM sale_lines WHERE "
                                        "sale_id = ? AND product_id IS NOT "
                                        "NULL ORDER BY line_no"));
    if (!lines)
        return Failure{lines.error()};
    lines.value()->bind(1, saleId);
    struct Line
    {
        qint64 productId, quantityMilli, totalFen;
    };
    QList<Line> rows;
    for (;;) {
        const Result<bool> row = lines.value()->step();
        if (!row)
            return Failure{row.error()};
        if (!row.value())
            break;
        rows.append({lines.value()->int64(0), lines.value()->int64(1), lines.value()->int64(2)});
    }
    lines.value()->reset();
    for (const Line& line : rows) {
        if (const Result<> stock = runStatement(
                database, QStringLiteral("UPDATE products SET stock_milli = stock_milli + ? WHERE id = ?"),
                line.quantityMilli, line.productId);
            !stock)
            return stock;
        if (const Result<> summary = runStatement(
                database,
                QStringLiteral(
                    "UPDATE daily_product_totals SET quantity_milli = quantity_milli - ?, amount_fen = "
                    "amount_fen - ?, line_count = line_count - 1 WHERE business_date = ? AND "
                    "product_id = ?"),
                line.quantityMilli, line.totalFen, businessDate, line.productId);
            !summary)
            return summary;
    }
    return {};
}

} // namespace

Result<> Ledger::voidSale(const VoidInput& input)
{
    if (input.reason.trimmed().isEmpty())
        return invalid(LedgerText::tr("Give a reason for the void."), QStringLiteral("no void reason"));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    const Result<VoidableSale> loaded = loadSale(*m_database, input.saleId);
    if (!loaded)
        return Failure{loaded.error()};
    const VoidableSale& sale = loaded.value();
    if (sale.businessDate != detail::localStamp(input.createdMs).businessDate)
        return invalid(LedgerText::tr("Only today's sales can be voided. Make a refund instead."),
                       QStringLiteral("sale %1 of %2").arg(input.saleId).arg(sale.businessDate));
    if (const Result<> shift = detail::requireOpenShift(
            *m_database, sale.shiftId,
            LedgerText::tr("The shift of this sale is closed. Make a refund instead."));
        !shift)
        return shift;
    qint64 refunds = 0;
    if (const Result<bool> counted = queryRow(
            *m_database, QStringLiteral("SELECT count(*) FROM sales WHERE original_sale_id = ?"),
            [&refunds](const SqliteStatement& row) { refunds = row.int64(0); }, input.saleId);
        !counted)
        return Failure{counted.error()};
    if (refunds > 0)
        return invalid(LedgerText::tr("This sale was partly refunded and can no longer be voided."),
                       QStringLiteral("sale %1 has %2 refunds").arg(input.saleId).arg(refunds));
    if (const Result<> approver = requireApprover(*m_database, input.approvedBy); !approver)
        return approver;
    if (const Result<> undone = requireHostUndone(*m_database, input.saleId); !undone)
        return undone;

    if (const Result<> marked = runStatement(
            *m_database,
            QStringLiteral("UPDATE sales SET state = 'voided', voided_ms = ?, voided_by = ? WHERE id = ?"),
            input.createdMs, input.userId, input.saleId);
        !marked)
        return marked;
    if (const Result<> tenders = takeBackTenders(*m_database, input.saleId, sale); !tenders)
        return tenders;
    if (const Result<> lines = takeBackLines(*m_database, input.saleId, sale.businessDate); !lines)
        return lines;
    if (const Result<qint64> audited =
            audit::append(*m_database, {input.createdMs, input.userId, QStringLiteral("sale.voided"), true,
                                        QStringLiteral("ledger"), QStringLiteral("sale:%1").arg(input.saleId),
                                        QStringLiteral("no=%1 total=%2 approved_by=%3 reason=%4")
                                            .arg(sale.saleNo)
                                            .arg(sale.totalFen)
                                            .arg(input.approvedBy)
                                            .arg(input.reason.trimmed().left(200))});
        !audited)
        return Failure{audited.error()};
    return transaction.commit();
}

} // namespace storage
} // namespace pos
