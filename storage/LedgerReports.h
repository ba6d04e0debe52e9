// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Money.h"
#include "core/Result.h"
#include "core/ledger/LedgerTypes.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace pos {
namespace storage {

class SqliteDatabase;

// Sales and refunds of one business day (completed ones; voided sales are left out).
struct DayTotals
{
    QDate date;
    qint64 salesCount = 0;
    qint64 refundsCount = 0;
    Money gross;   // sum of the sales' totals (after discounts)
    Money refunds; // money paid back, as a positive amount
    Money net;     // gross - refunds
    Money tax;     // tax contained in net (sales' tax minus refunds' tax)
};

// Payments of one tender kind, from the daily_tender_totals summary: refunds count as tenders too and their
// (negative) amounts are included, so amount is the net money taken in that kind.
struct TenderTotals
{
    TenderKind kind = TenderKind::Cash;
    qint64 tenderCount = 0; // tenders (payments and paid-back refunds), not sales: a split sale counts twice
    Money amount;
};

// Net money taken in one hour (0-23) of the business days, from daily_tender_totals.
struct HourTotals
{
    int hour = 0;
    qint64 tenderCount = 0;
    Money amount;
};

// Net money taken by one cashier, from daily_tender_totals.
struct CashierTotals
{
    qint64 cashierId = 0;
    QString displayName; // empty when the user row is missing
    qint64 tenderCount = 0;
    Money amount;
};

// Net sales of one product (refunds subtracted), from daily_product_totals.
struct ProductTotals
{
    qint64 productId = 0;
    QString code;
    QString name;
    qint64 quantityMilli = 0; // thousandths: pieces × 1000, or grams for goods sold per kg
    Money amount;
    qint64 lineCount = 0; // sale and refund lines
};

// Net sales of the products of one category (its direct products), from daily_product_totals.
struct CategoryTotals
{
    std::optional<qint64> categoryId; // empty: products without a category
    QString name;                     // empty for products without a category
    qint64 quantityMilli = 0;         // pieces and grams added up: only meaningful within one unit
    Money amount;
    qint64 lineCount = 0;
};

// The X (open shift) or Z (closed shift) report of one shift.
struct ShiftTotals
{
    qint64 shiftId = 0;
    qint64 cashierId = 0;
    bool open = false;
    qint64 openedMs = 0;
    std::optional<qint64> closedMs;
    std::optional<qint64> zReportNo;
    qint64 salesCount = 0;
    qint64 refundsCount = 0;
    Money sales;   // sum of the sales' totals
    Money refunds; // paid back, positive
    Money net;
    Money tax;
    QList<TenderTotals> byTender; // net per kind (refund tenders included), ordered cash, card, qr
    Money openingFloat;
    Money cashTenders; // net cash tendered (cash taken minus cash paid back)
    Money cashIn;
    Money cashOut;
    qint64 noSaleCount = 0;           // drawer openings without a sale
    Money cashExpected;               // openingFloat + cashTenders + cashIn - cashOut
    std::optional<Money> countedCash; // as counted at the close, when counted
};

// Read-only report queries on the ledger. Use a reader connection (SqliteDatabase opened ReadOnly, e.g. the
// one pos-tool ledger report opens), never the writer: every query refuses a read-write connection, so a
// long report can never hold up a sale. Dates are the shop's business days (local calendar days); ranges
// include both ends. Money is exact integer fen. Summary tables (daily_tender_totals, daily_product_totals)
// keep tender, hour, cashier, product and category reports cheap on years of data. Thread affinity: the
// connection's thread. Each call is one consistent snapshot.
class LedgerReports final
{
public:
    explicit LedgerReports(SqliteDatabase& reader) : m_database(reader) {}

    // One row per business day that has a completed sale or refund, in date order.
    Result<QList<DayTotals>> dayTotals(QDate from, QDate to);
    // Ordered cash, card, qr; only kinds that occur.
    Result<QList<TenderTotals>> byTender(QDate from, QDate to);
    // Ordered by hour; only hours that occur.
    Result<QList<HourTotals>> byHour(QDate from, QDate to);
    // Ordered by amount (largest first), then cashier id.
    Result<QList<CashierTotals>> byCashier(QDate from, QDate to);
    // The limit best-selling products by net amount (largest first, then product id).
    Result<QList<ProductTotals>> topProducts(QDate from, QDate to, int limit);
    // Ordered by amount (largest first), then category id (no category last).
    Result<QList<CategoryTotals>> byCategory(QDate from, QDate to);
    // ErrorCode::NotFound when there is no such shift.
    Result<ShiftTotals> shiftTotals(qint64 shiftId);
    // Outbox work not yet done plus card payments whose host outcome is still open (as the status bar shows).
    Result<qint64> unsyncedCount();

private:
    SqliteDatabase& m_database;
};

} // namespace storage
} // namespace pos
