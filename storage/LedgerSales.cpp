// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: sales and refunds. Each is one transaction covering header, lines, tenders, payment links, stock,
// report summaries and the audit row.
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

#include <QDate>
#include <QStringList>

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;

namespace {

// Bounds that keep every intermediate sum far from qint64 overflow.
constexpr qint64 maxAmountFen = 1'000'000'000'000; // 10 billion yuan
constexpr qint64 maxQuantityMilli = 1'000'000'000; // one million pieces or kg

struct PricedLine
{
    SaleLineInput input;
    Money total; // after line and ticket discounts
    Money tax;
    Money discount; // line discount plus its share of the ticket discount
};

// The day's next sequence number: one more than the day's highest sale number (sale_no's unique index makes
// this a single lookup, however many sales the day has). Sale rows are never deleted, so numbers never
// repeat.
Result<qint64> nextSaleNumber(SqliteDatabase& database, const QString& businessDate)
{
    QString compact = businessDate;
    compact.remove(QLatin1Char('-'));
    const Result<SqliteStatement*> last = database.prepare(QStringLiteral(
        "SELECT sale_no FROM sales WHERE sale_no >= ? AND sale_no < ? ORDER BY sale_no DESC LIMIT 1"));
    if (!last)
        return Failure{last.error()};
    last.value()->bind(1, QString(compact + QLatin1Char('-'))).bind(2, QString(compact + QLatin1Char('.')));
    const Result<bool> row = last.value()->step();
    if (!row)
        return Failure{row.error()};
    const qint64 next = row.value() ? last.value()->text(0).mid(compact.size() + 1).toLongLong() + 1 : 1;
    last.value()->reset();
    return next;
}

QString saleNumber(const QString& businessDate, qint64 sequence)
{
    QString compact = businessDate;
    compact.remove(QLatin1Char('-'));
    return QStringLiteral("%1-%2").arg(compact).arg(sequence, 6, 10, QLatin1Char('0'));
}

Result<> validateTenderShapes(const QList<TenderInput>& tenders, Money total)
{
    Money sum;
    for (const TenderInput& tender : tenders) {
        if (tender.amount.fen() <= 0 || tender.amount.fen() > maxAmountFen)
            return invalid(LedgerText::tr("Every payment must be a positive amount."),
                           QStringLiteral("tender amount %1").arg(tender.amount.fen()));
        if (tender.kind == TenderKind::Cash && !tender.cashGiven.isZero() && tender.cashGiven < tender.amount)
            return invalid(
                LedgerText::tr("The cash handed over is less than the amount to pay."),
                QStringLiteral("cash given %1 < %2").arg(tender.cashGiven.fen()).arg(tender.amount.fen()));
        if (tender.kind == TenderKind::Card && !tender.cardPaymentId)
            return invalid(LedgerText::tr("A card payment is missing its host approval."),
                           QStringLiteral("card tender without payment"));
        if (tender.kind == TenderKind::Qr && !tender.qrPaymentId)
            return invalid(LedgerText::tr("A QR payment is missing its confirmation."),
                           QStringLiteral("qr tender without payment"));
        sum += tender.amount;
    }
    if (sum != total)
        return invalid(LedgerText::tr("The payments (%1) do not add up to the total (%2).")
                           .arg(sum.toDisplayString(), total.toDisplayString()),
                       QStringLiteral("tenders %1 != total %2").arg(sum.fen()).arg(total.fen()));
    return {};
}

// Links an approved card payment (or a paid QR payment) to its tender; refuses a payment that is not in the
// right state, has another amount, or already pays another tender.
Result<> linkPayment(SqliteDatabase& database,
                     const TenderInput& tender,
                     qint64 tenderId,
                     const QString& expectedType,
                     qint64 nowMs)
{
    const bool card = tender.kind == TenderKind::Card;
    const QString sql =
        card ? QStringLiteral("UPDATE card_payments SET tender_id = ?, updated_ms = ? WHERE id = ? "
                              "AND tender_id IS NULL AND host_state = 'approved' AND amount_fen = ? "
                              "AND transaction_type = ?")
             : QStringLiteral("UPDATE qr_payments SET tender_id = ?, updated_ms = ? WHERE id = ? "
                              "AND tender_id IS NULL AND state = 'paid' AND amount_fen = ? "
                              "AND transaction_type = ?");
    const Result<SqliteStatement*> update = database.prepare(sql);
    if (!update)
        return Failure{update.error()};
    update.value()
        ->bind(1, tenderId)
        .bind(2, nowMs)
        .bind(3, card ? *tender.cardPaymentId : *tender.qrPaymentId)
        .bind(4, tender.amount.fen())
        .bind(5, card ? expectedType
                      : (expectedType == QLatin1String("sale") ? QStringLiteral("pay") : expectedType));
    if (const Result<> ran = update.value()->run(); !ran)
        return ran;
    if (database.changes() != 1)
        return invalid(
            LedgerText::tr("The card or QR payment cannot be used for this sale (not approved, another "
                           "amount, or already used)."),
            QStringLiteral("%1 payment %2 not linkable")
                .arg(card ? QStringLiteral("card") : QStringLiteral("qr"))
                .arg(card ? *tender.cardPaymentId : *tender.qrPaymentId));
    return {};
}

Result<> insertTenders(SqliteDatabase& database,
                       qint64 saleId,
                       const QList<TenderInput>& tenders,
                       int sign,
                       qint64 createdMs,
                       const detail::LocalStamp& stamp,
                       qint64 cashierId,
                       const QString& paymentType)
{
    const Result<SqliteStatement*> insert = database.prepare(QStringLiteral(
        "INSERT INTO tenders (sale_id, tender_no, kind, amount_fen, cash_given_fen, change_fen, created_ms, "
        "business_date, hour) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    const Result<SqliteStatement*> summary = database.prepare(QStringLiteral(
        "INSERT INTO daily_tender_totals (business_date, hour, kind, cashier_id, sale_count, amount_fen) "
        "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT DO UPDATE SET sale_count = sale_count + 1, "
        "amount_fen = amount_fen + excluded.amount_fen"));
    if (!summary)
        return Failure{summary.error()};
    int number = 0;
    for (const TenderInput& tender : tenders) {
        const bool cash = tender.kind == TenderKind::Cash;
        const Money given = cash && !tender.cashGiven.isZero() ? tender.cashGiven : tender.amount;
        insert.value()->reset();
        insert.value()
            ->bind(1, saleId)
            .bind(2, ++number)
            .bind(3, tenderKindKey(tender.kind))
            .bind(4, sign * tender.amount.fen())
            .bind(5, cash ? std::optional<qint64>(sign * given.fen()) : std::nullopt)
            .bind(6, cash ? std::optional<qint64>(sign * (given - tender.amount).fen()) : std::nullopt)
            .bind(7, createdMs)
            .bind(8, stamp.businessDate)
            .bind(9, stamp.hour);
        if (const Result<> ran = insert.value()->run(); !ran)
            return ran;
        const qint64 tenderId = database.lastInsertRowId();
        if (!cash) {
            if (const Result<> linked = linkPayment(database, tender, tenderId, paymentType, createdMs);
                !linked)
                return linked;
        }
        summary.value()->reset();
        summary.value()
            ->bind(1, stamp.businessDate)
            .bind(2, stamp.hour)
            .bind(3, tenderKindKey(tender.kind))
            .bind(4, cashierId)
            .bind(5, sign * tender.amount.fen());
        if (const Result<> ran = summary.value()->run(); !ran)
            return ran;
    }
    return {};
}

Result<> applyLineEffects(SqliteDatabase& database,
                          std::optional<qint64> productId,
                          qint64 stockDeltaMilli,
                          qint64 quantityMilli,
                          Money amount,
                          const QString& businessDate)
{
    if (!productId)
        return {};
    const Result<SqliteStatement*> stock =
        database.prepare(QStringLiteral("UPDATE products SET stock_milli = stock_milli + ? WHERE id = ?"));
    if (!stock)
        return Failure{stock.error()};
    stock.value()->bind(1, stockDeltaMilli).bind(2, *productId);
    if (const Result<> ran = stock.value()->run(); !ran)
        return ran;
    const Result<SqliteStatement*> summary = database.prepare(
        QStringLiteral("INSERT INTO daily_product_totals (business_date, product_id, quantity_milli, "
                       "amount_fen, line_count) "
                       "VALUES (?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET quantity_milli = quantity_milli + "
                       "excluded.quantity_milli, "
                       "amount_fen = amount_fen + excluded.amount_fen, line_count = line_count + 1"));
    if (!summary)
        return Failure{summary.error()};
    summary.value()->bind(1, businessDate).bind(2, *productId).bind(3, quantityMilli).bind(4, amount.fen());
    return summary.value()->run();
}

Result<QList<PricedLine>> priceLines(const SaleInput& sale, Money& subtotal, Money& total, Money& tax)
{
    if (sale.lines.isEmpty())
        return invalid(LedgerText::tr("A sale needs at least one line."), QStringLiteral("no lines"));
    QList<PricedLine> lines;
    QList<qint64> weights;
    for (const SaleLineInput& input : sale.lines) {
        if (input.quantityMilli <= 0 || input.quantityMilli > maxQuantityMilli)
            return invalid(LedgerText::tr("The quantity of \"%1\" is not valid.").arg(input.description),
                           QStringLiteral("quantity %1").arg(input.quantityMilli));
        if (input.unitPrice.isNegative() || input.unitPrice.fen() > maxAmountFen ||
            input.discount.isNegative())
            return invalid(
                LedgerText::tr("The price or discount of \"%1\" is not valid.").arg(input.description),
                QStringLiteral("price %1 discount %2").arg(input.unitPrice.fen()).arg(input.discount.fen()));
        if (input.taxRateBp < 0 || input.taxRateBp > 10000 || input.description.trimmed().isEmpty())
            return invalid(LedgerText::tr("A sale line is incomplete."),
                           QStringLiteral("tax or description"));
        const std::optional<Money> gross =
            input.unitPrice.checkedTimes(input.quantityMilli, Rounding::HalfUp);
        if (!gross || gross->fen() > maxAmountFen)
            return invalid(LedgerText::tr("The amount of \"%1\" is too large.").arg(input.description),
                           QStringLiteral("line overflow"));
        if (input.discount > *gross)
            return invalid(
                LedgerText::tr("The discount on \"%1\" is larger than its price.").arg(input.description),
                QStringLiteral("discount %1 > gross %2").arg(input.discount.fen()).arg(gross->fen()));
        PricedLine line{input, *gross - input.discount, Money(), input.discount};
        subtotal += line.total;
        weights.append(line.total.fen());
        lines.append(line);
    }
    if (sale.ticketDiscount.isNegative() || sale.ticketDiscount > subtotal)
        return invalid(LedgerText::tr("The ticket discount is larger than the sale."),
                       QStringLiteral("ticket discount %1 > subtotal %2")
                           .arg(sale.ticketDiscount.fen())
                           .arg(subtotal.fen()));
    if (!sale.ticketDiscount.isZero()) {
        const QList<Money> shares = sale.ticketDiscount.allocate(weights);
        for (int i = 0; i < lines.size() && i < shares.size(); ++i) {
            lines[i].total -= shares.at(i);
            lines[i].discount += shares.at(i);
        }
    }
    total = subtotal - sale.ticketDiscount;
    for (PricedLine& line : lines) {
        line.tax = Money::taxIncluded(line.total, line.input.taxRateBp, Rounding::HalfUp);
        tax += line.tax;
    }
    return lines;
}

struct RefundLine
{
    qint64 originalLineId;
    std::optional<qint64> productId;
    QString description;
    qint64 quantityMilli;
    qint64 unitPriceFen;
    Money amount;
    int taxRateBp;
};

// Prices the refund lines against the original sale (read-only): never more, per line, than what was sold
// minus earlier refunds. total receives the amount to pay back (positive).
Result<QList<RefundLine>> priceRefund(SqliteDatabase& database, const RefundInput& refund, Money& total)
{
    // Per original line: what was sold, and what earlier refunds already took back.
    const Result<SqliteStatement*> lineState = database.prepare(QStringLiteral(
        "SELECT l.sale_id, l.product_id, l.description, l.quantity_milli, l.unit_price_fen, l.total_fen, "
        "l.tax_rate_bp, coalesce(sum(r.quantity_milli), 0), coalesce(-sum(r.total_fen), 0) "
        "FROM sale_lines l LEFT JOIN sale_lines r ON r.original_line_id = l.id WHERE l.id = ? GROUP BY "
        "l.id"));
    if (!lineState)
        return Failure{lineState.error()};

    QList<RefundLine> lines;
    for (const RefundLineInput& input : refund.lines) {
        lineState.value()->reset();
        lineState.value()->bind(1, input.originalLineId);
        const Result<bool> row = lineState.value()->step();
        if (!row)
            return Failure{row.error()};
        if (!row.value() || lineState.value()->int64(0) != refund.originalSaleId)
            return invalid(LedgerText::tr("A refund line does not belong to the original sale."),
                           QStringLiteral("line %1 not in sale %2")
                               .arg(input.originalLineId)
                               .arg(refund.originalSaleId));
        const SqliteStatement& s = *lineState.value();
        const qint64 soldMilli = s.int64(3);
        const Money soldTotal = Money::fromFen(s.int64(5));
        const qint64 refundedMilli = s.int64(7);
        const Money refundedAmount = Money::fromFen(s.int64(8));
        const qint64 remaining = soldMilli - refundedMilli;
        if (input.quantityMilli <= 0 || input.quantityMilli > remaining)
            return invalid(
                LedgerText::tr("\"%1\": the refund is more than what was sold and not yet refunded.")
                    .arg(s.text(2)),
                QStringLiteral("line %1 refund %2 > remaining %3")
                    .arg(input.originalLineId)
                    .arg(input.quantityMilli)
                    .arg(remaining));
        // A share of what is still refundable, in proportion to the quantity: the parts can never add up to
        // more than the line, and the last part returns exactly what is left.
        const Money refundable = soldTotal - refundedAmount;
        const QList<Money> shares =
            refundable.allocate({input.quantityMilli, remaining - input.quantityMilli});
        const Money amount = shares.isEmpty() ? Money() : shares.first();
        lines.append({input.originalLineId, s.optionalInt64(1), s.text(2), input.quantityMilli, s.int64(4),
                      amount, static_cast<int>(s.int64(6))});
        total += amount;
    }
    lineState.value()->reset();
    return lines;
}

struct SaleRow
{
    QString number;
    QString kind; // "sale" or "refund"
    std::optional<qint64> originalSaleId;
    qint64 shiftId = 0;
    qint64 cashierId = 0;
    Money subtotal;
    Money discount;
    Money total;
    Money tax;
    qint64 createdMs = 0;
    detail::LocalStamp stamp;
};

Result<qint64> insertSale(SqliteDatabase& database, const SaleRow& row)
{
    const Result<SqliteStatement*> insert = database.prepare(QStringLiteral(
        "INSERT INTO sales (sale_no, kind, state, original_sale_id, shift_id, cashier_id, subtotal_fen, "
        "discount_fen, total_fen, tax_fen, created_ms, business_date, hour) "
        "VALUES (?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()
        ->bind(1, row.number)
        .bind(2, row.kind)
        .bind(3, row.originalSaleId)
        .bind(4, row.shiftId)
        .bind(5, row.cashierId)
        .bind(6, row.subtotal.fen())
        .bind(7, row.discount.fen())
        .bind(8, row.total.fen())
        .bind(9, row.tax.fen())
        .bind(10, row.createdMs)
        .bind(11, row.stamp.businessDate)
        .bind(12, row.stamp.hour);
    if (const Result<> ran = insert.value()->run(); !ran)
        return Failure{ran.error()};
    return database.lastInsertRowId();
}

struct LineRow
{
    std::optional<qint64> productId;
    QString description;
    qint64 quantityMilli = 0;
    Money unitPrice;
    Money discount;
    Money total;
    int taxRateBp = 0;
    Money tax;
    std::optional<qint64> originalLineId;
};

// Inserts one line and applies its stock and summary effects (stockSign -1 for a sale, +1 for a refund).
Result<> insertLine(SqliteDatabase& database,
                    qint64 saleId,
                    int lineNo,
                    const LineRow& line,
                    int stockSign,
                    const QString& businessDate)
{
    const Result<SqliteStatement*> insert = database.prepare(QStringLiteral(
        "INSERT INTO sale_lines (sale_id, line_no, product_id, description, quantity_milli, unit_price_fen, "
        "discount_fen, total_fen, tax_rate_bp, tax_fen, original_line_id, business_date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()
        ->bind(1, saleId)
        .bind(2, lineNo)
        .bind(3, line.productId)
        .bind(4, line.description.trimmed())
        .bind(5, line.quantityMilli)
        .bind(6, line.unitPrice.fen())
        .bind(7, line.discount.fen())
        .bind(8, line.total.fen())
        .bind(9, line.taxRateBp)
        .bind(10, line.tax.fen())
        .bind(11, line.originalLineId)
        .bind(12, businessDate);
    if (const Result<> ran = insert.value()->run(); !ran)
        return ran;
    return applyLineEffects(database, line.productId, stockSign * line.quantityMilli,
                            -stockSign * line.quantityMilli, line.total, businessDate);
}

} // namespace

Result<RecordedSale> Ledger::recordSale(const SaleInput& sale)
{
    Money subtotal;
    Money total;
    Money tax;
    const Result<QList<PricedLine>> priced = priceLines(sale, subtotal, total, tax);
    if (!priced)
        return Failure{priced.error()};
    if (const Result<> tenders = validateTenderShapes(sale.tenders, total); !tenders)
        return Failure{tenders.error()};
    const detail::LocalStamp stamp = detail::localStamp(sale.createdMs);

    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (const Result<> shift = detail::requireOpenShift(*m_database, sale.shiftId); !shift)
        return Failure{shift.error()};
    const Result<qint64> sequence = nextSaleNumber(*m_database, stamp.businessDate);
    if (!sequence)
        return Failure{sequence.error()};
    const QString number = saleNumber(stamp.businessDate, sequence.value());

    const Result<qint64> inserted =
        insertSale(*m_database, {number, QStringLiteral("sale"), std::nullopt, sale.shiftId, sale.cashierId,
                                 subtotal, sale.ticketDiscount, total, tax, sale.createdMs, stamp});
    if (!inserted)
        return Failure{inserted.error()};
    const qint64 saleId = inserted.value();
    int lineNo = 0;
    for (const PricedLine& line : priced.value()) {
        const LineRow row{line.input.productId,
                          line.input.description,
                          line.input.quantityMilli,
                          line.input.unitPrice,
                          line.discount,
                          line.total,
                          line.input.taxRateBp,
                          line.tax,
                          std::nullopt};
        if (const Result<> added = insertLine(*m_database, saleId, ++lineNo, row, -1, stamp.businessDate);
            !added)
            return Failure{added.error()};
    }
    if (const Result<> tenders = insertTenders(*m_database, saleId, sale.tenders, 1, sale.createdMs, stamp,
                                               sale.cashierId, QStringLiteral("sale"));
        !tenders)
        return Failure{tenders.error()};

    QStringList kinds;
    Money change;
    for (const TenderInput& tender : sale.tenders) {
        kinds << tenderKindKey(tender.kind);
        if (tender.kind == TenderKind::Cash && !tender.cashGiven.isZero())
            change += tender.cashGiven - tender.amount;
    }
    if (const Result<qint64> audited =
            audit::append(*m_database, {sale.createdMs, sale.cashierId, QStringLiteral("sale.completed"),
                                        true, QStringLiteral("ledger"), QStringLiteral("sale:%1").arg(saleId),
                                        QStringLiteral("no=%1 total=%2 lines=%3 tenders=%4")
                                            .arg(number)
                                            .arg(total.fen())
                                            .arg(priced.value().size())
                                            .arg(kinds.join(QLatin1Char(',')))});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return RecordedSale{saleId, number, total, tax, change};
}

Result<Money> Ledger::quoteRefund(const RefundInput& refund)
{
    if (refund.lines.isEmpty())
        return invalid(LedgerText::tr("A refund needs at least one line."),
                       QStringLiteral("no refund lines"));
    Money total;
    const Result<QList<RefundLine>> priced = priceRefund(*m_database, refund, total);
    if (!priced)
        return Failure{priced.error()};
    return total;
}

Result<RecordedSale> Ledger::recordRefund(const RefundInput& refund)
{
    if (refund.lines.isEmpty())
        return invalid(LedgerText::tr("A refund needs at least one line."),
                       QStringLiteral("no refund lines"));
    const detail::LocalStamp stamp = detail::localStamp(refund.createdMs);

    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (const Result<> shift = detail::requireOpenShift(*m_database, refund.shiftId); !shift)
        return Failure{shift.error()};

    const Result<SqliteStatement*> original =
        m_database->prepare(QStringLiteral("SELECT kind, state, sale_no FROM sales WHERE id = ?"));
    if (!original)
        return Failure{original.error()};
    original.value()->bind(1, refund.originalSaleId);
    const Result<bool> found = original.value()->step();
    if (!found)
        return Failure{found.error()};
    if (!found.value() || original.value()->text(0) != QLatin1String("sale") ||
        original.value()->text(1) != QLatin1String("completed")) {
        original.value()->reset();
        return invalid(LedgerText::tr("Only a completed sale can be refunded."),
                       QStringLiteral("sale %1 not refundable").arg(refund.originalSaleId));
    }
    const QString originalNo = original.value()->text(2);
    original.value()->reset();

    Money total;
    const Result<QList<RefundLine>> priced = priceRefund(*m_database, refund, total);
    if (!priced)
        return Failure{priced.error()};
    const QList<RefundLine>& lines = priced.value();
    if (const Result<> tenders = validateTenderShapes(refund.tenders, total); !tenders)
        return Failure{tenders.error()};

    const Result<qint64> sequence = nextSaleNumber(*m_database, stamp.businessDate);
    if (!sequence)
        return Failure{sequence.error()};
    const QString number = saleNumber(stamp.businessDate, sequence.value());
    Money tax;
    for (const RefundLine& line : lines)
        tax += Money::taxIncluded(line.amount, line.taxRateBp, Rounding::HalfUp);

    const Result<qint64> inserted =
        insertSale(*m_database, {number, QStringLiteral("refund"), refund.originalSaleId, refund.shiftId,
                                 refund.cashierId, -total, Money(), -total, -tax, refund.createdMs, stamp});
    if (!inserted)
        return Failure{inserted.error()};
    const qint64 saleId = inserted.value();
    int lineNo = 0;
    for (const RefundLine& line : lines) {
        const Money lineTax = Money::taxIncluded(line.amount, line.taxRateBp, Rounding::HalfUp);
        const LineRow row{line.productId,
                          line.description,
                          line.quantityMilli,
                          Money::fromFen(line.unitPriceFen),
                          Money(),
                          -line.amount,
                          line.taxRateBp,
                          -lineTax,
                          line.originalLineId};
        if (const Result<> added = insertLine(*m_database, saleId, ++lineNo, row, 1, stamp.businessDate);
            !added)
            return Failure{added.error()};
    }
    if (const Result<> tenders = insertTenders(*m_database, saleId, refund.tenders, -1, refund.createdMs,
                                               stamp, refund.cashierId, QStringLiteral("refund"));
        !tenders)
        return Failure{tenders.error()};
    if (const Result<qint64> audited = audit::append(
            *m_database, {refund.createdMs, refund.cashierId, QStringLiteral("refund.completed"), true,
                          QStringLiteral("ledger"), QStringLiteral("sale:%1").arg(saleId),
                          QStringLiteral("no=%1 original=%2 total=%3 approved_by=%4")
                              .arg(number, originalNo)
                              .arg(-total.fen())
                              .arg(refund.approvedBy)});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return RecordedSale{saleId, number, -total, -tax, Money()};
}

} // namespace storage
} // namespace pos
