// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerReports.h"

#include "storage/sqlite/SqliteDatabase.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <functional>

#include <sqlite3.h>

namespace pos {
namespace storage {
namespace {

struct ReportText
{
    Q_DECLARE_TR_FUNCTIONS(pos::storage::LedgerReports)
};

Result<> requireReader(const SqliteDatabase& database)
{
    if (database.isReadOnly())
        return {};
    return fail(ErrorCode::InvalidInput, ReportText::tr("Reports cannot be run on the selling connection."),
                QStringLiteral("LedgerReports needs a read-only connection, got a read-write one on %1")
                    .arg(database.path()));
}

Result<> requireRange(QDate from, QDate to)
{
    if (from.isValid() && to.isValid() && from <= to)
        return {};
    return fail(
        ErrorCode::InvalidInput, ReportText::tr("The report period is not valid."),
        QStringLiteral("date range %1 .. %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
}

QString dateKey(QDate date)
{
    return date.toString(Qt::ISODate);
}

std::optional<TenderKind> tenderKindFromKey(const QString& key)
{
    for (TenderKind kind : {TenderKind::Cash, TenderKind::Card, TenderKind::Qr}) {
        if (tenderKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

// One read transaction around several queries (unless the caller already has one open), so that a report
// made of several queries sees one consistent state of the ledger while the writer keeps selling.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(SqliteDatabase& database) : m_database(database) {}
    ~ReadSnapshot()
    {
        if (m_began && sqlite3_get_autocommit(m_database.handle()) == 0)
            static_cast<void>(m_database.execute(QStringLiteral("COMMIT")));
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    Result<> begin()
    {
        if (sqlite3_get_autocommit(m_database.handle()) == 0)
            return {};
        if (const Result<> begun = m_database.execute(QStringLiteral("BEGIN DEFERRED")); !begun)
            return begun;
        m_began = true;
        return {};
    }

private:
    SqliteDatabase& m_database;
    bool m_began = false;
};

// Prepares sql, lets bind set its parameters and calls row for each result row. Resets the statement
// afterwards, also on failure.
template <typename RowFunction>
Result<> query(SqliteDatabase& database,
               const QString& sql,
               const std::function<void(SqliteStatement&)>& bind,
               RowFunction row)
{
    const Result<SqliteStatement*> statement = database.prepare(sql);
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& s = *statement.value();
    bind(s);
    for (;;) {
        const Result<bool> stepped = s.step();
        if (!stepped) {
            s.reset();
            return Failure{stepped.error()};
        }
        if (!stepped.value())
            break;
        row(s);
    }
    s.reset();
    return {};
}

std::function<void(SqliteStatement&)> bindRange(QDate from, QDate to)
{
    return [from, to](SqliteStatement& s) { s.bind(1, dateKey(from)).bind(2, dateKey(to)); };
}

struct ProductSums
{
    qint64 quantityMilli = 0;
    qint64 amountFen = 0;
    qint64 lineCount = 0;
};

// Net sums per product over the period, from daily_product_totals. Added up here rather than with GROUP BY:
// the rows of a period come in (date, product) order, and sorting a month of them (one row per product sold
// per day, ~130,000 in a busy shop) for the GROUP BY costs SQLite three times as long as reading them.
Result<QHash<qint64, ProductSums>> productSums(SqliteDatabase& database, QDate from, QDate to)
{
    QHash<qint64, ProductSums> sums;
    const Result<> ran = query(
        database,
        QStringLiteral("SELECT product_id, quantity_milli, amount_fen, line_count FROM daily_product_totals "
                       "WHERE business_date BETWEEN ? AND ?"),
        bindRange(from, to), [&sums](const SqliteStatement& s) {
            ProductSums& product = sums[s.int64(0)];
            product.quantityMilli += s.int64(1);
            product.amountFen += s.int64(2);
            product.lineCount += s.int64(3);
        });
    if (!ran)
        return Failure{ran.error()};
    return sums;
}

} // namespace

Result<QList<DayTotals>> LedgerReports::dayTotals(QDate from, QDate to)
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    if (const Result<> range = requireRange(from, to); !range)
        return Failure{range.error()};
    QList<DayTotals> days;
    const Result<> ran = query(
        m_database,
        QStringLiteral("SELECT business_date, sum(kind = 'sale'), sum(kind = 'refund'), "
                       "coalesce(sum(CASE WHEN kind = 'sale' THEN total_fen END), 0), "
                       "coalesce(-sum(CASE WHEN kind = 'refund' THEN total_fen END), 0), sum(total_fen), "
                       "sum(tax_fen) FROM sales WHERE business_date BETWEEN ? AND ? AND state = 'completed' "
                       "GROUP BY business_date ORDER BY business_date"),
        bindRange(from, to), [&days](const SqliteStatement& s) {
            days.append({QDate::fromString(s.text(0), Qt::ISODate), s.int64(1), s.int64(2),
                         Money::fromFen(s.int64(3)), Money::fromFen(s.int64(4)), Money::fromFen(s.int64(5)),
                         Money::fromFen(s.int64(6))});
        });
    if (!ran)
        return Failure{ran.error()};
    return days;
}

Result<QList<TenderTotals>> LedgerReports::byTender(QDate from, QDate to)
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    if (const Result<> range = requireRange(from, to); !range)
        return Failure{range.error()};
    QList<TenderTotals> tenders;
    const Result<> ran = query(
        m_database,
        QStringLiteral(
            "SELECT kind, sum(sale_count), sum(amount_fen) FROM daily_tender_totals "
            "WHERE business_date BETWEEN ? AND ? GROUP BY kind "
            "ORDER BY CASE kind WHEN 'cash' THEN 0 WHEN 'card' THEN 1 WHEN 'qr' THEN 2 ELSE 3 END, kind"),
        bindRange(from, to), [&tenders](const SqliteStatement& s) {
            if (const std::optional<TenderKind> kind = tenderKindFromKey(s.text(0)))
                tenders.append({*kind, s.int64(1), Money::fromFen(s.int64(2))});
        });
    if (!ran)
        return Failure{ran.error()};
    return tenders;
}

Result<QList<HourTotals>> LedgerReports::byHour(QDate from, QDate to)
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    if (const Result<> range = requireRange(from, to); !range)
        return Failure{range.error()};
    QList<HourTotals> hours;
    const Result<> ran =
        query(m_database,
              QStringLiteral("SELECT hour, sum(sale_count), sum(amount_fen) FROM daily_tender_totals "
                             "WHERE business_date BETWEEN ? AND ? GROUP BY hour ORDER BY hour"),
              bindRange(from, to), [&hours](const SqliteStatement& s) {
                  hours.append({static_cast<int>(s.int64(0)), s.int64(1), Money::fromFen(s.int64(2))});
              });
    if (!ran)
        return Failure{ran.error()};
    return hours;
}

Result<QList<CashierTotals>> LedgerReports::byCashier(QDate from, QDate to)
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    if (const Result<> range = requireRange(from, to); !range)
        return Failure{range.error()};
    QList<CashierTotals> cashiers;
    const Result<> ran = query(
        m_database,
        QStringLiteral("SELECT t.cashier_id, coalesce(u.display_name, ''), t.tenders, t.amount FROM "
                       "(SELECT cashier_id, sum(sale_count) AS tenders, sum(amount_fen) AS amount "
                       "FROM daily_tender_totals WHERE business_date BETWEEN ? AND ? GROUP BY cashier_id) t "
                       "LEFT JOIN users u ON u.id = t.cashier_id ORDER BY t.amount DESC, t.cashier_id"),
        bindRange(from, to), [&cashiers](const SqliteStatement& s) {
            cashiers.append({s.int64(0), s.text(1), s.int64(2), Money::fromFen(s.int64(3))});
        });
    if (!ran)
        return Failure{ran.error()};
    return cashiers;
}

Result<QList<ProductTotals>> LedgerReports::topProducts(QDate from, QDate to, int limit)
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    if (const Result<> range = requireRange(from, to); !range)
        return Failure{range.error()};
    if (limit < 1)
        return fail(ErrorCode::InvalidInput, ReportText::tr("The number of products to show is not valid."),
                    QStringLiteral("limit %1").arg(limit));
    ReadSnapshot snapshot(m_database);
    if (const Result<> begun = snapshot.begin(); !begun)
        return Failure{begun.error()};
    // Ranking needs only the amounts: reading two columns of the period's rows instead of four is most of the
    // cost saved. Quantities and line counts are then looked up for the few products kept, one day at a time
    // (a primary-key lookup per product and day).
    QHash<qint64, qint64> amounts;
    const Result<> ranked = query(
        m_database,
        QStringLiteral(
            "SELECT product_id, amount_fen FROM daily_product_totals WHERE business_date BETWEEN ? AND ?"),
        bindRange(from, to), [&amounts](const SqliteStatement& s) { amounts[s.int64(0)] += s.int64(1); });
    if (!ranked)
        return Failure{ranked.error()};

    QList<ProductTotals> products;
    products.reserve(amounts.size());
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it)
        products.append({it.key(), QString(), QString(), 0, Money::fromFen(it.value()), 0});
    const auto best = [](const ProductTotals& a, const ProductTotals& b) {
        return a.amount != b.amount ? a.amount > b.amount : a.productId < b.productId;
    };
    const qsizetype kept = std::min<qsizetype>(limit, products.size());
    std::partial_sort(products.begin(), products.begin() + kept, products.end(), best);
    products.resize(kept);

    for (QDate day = from; day <= to && !products.isEmpty(); day = day.addDays(1)) {
        for (ProductTotals& product : products) {
            const Result<> counted = query(
                m_database,
                QStringLiteral("SELECT quantity_milli, line_count FROM daily_product_totals "
                               "WHERE business_date = ? AND product_id = ?"),
                [day, &product](SqliteStatement& s) { s.bind(1, dateKey(day)).bind(2, product.productId); },
                [&product](const SqliteStatement& s) {
                    product.quantityMilli += s.int64(0);
                    product.lineCount += s.int64(1);
                });
            if (!counted)
                return Failure{counted.error()};
        }
    }

    const auto bindId = [&products](qsizetype i) {
        return [&products, i](SqliteStatement& s) { s.bind(1, products.at(i).productId); };
    };
    for (qsizetype i = 0; i < products.size(); ++i) {
        const Result<> named =
            query(m_database, QStringLiteral("SELECT code, name FROM products WHERE id = ?"), bindId(i),
                  [&products, i](const SqliteStatement& s) {
                      products[i].code = s.text(0);
                      products[i].name = s.text(1);
                  });
        if (!named)
            return Failure{named.error()};
    }
    return products;
}

Result<QList<CategoryTotals>> LedgerReports::byCategory(QDate from, QDate to)
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    if (const Result<> range = requireRange(from, to); !range)
        return Failure{range.error()};
    ReadSnapshot snapshot(m_database);
    if (const Result<> begun = snapshot.begin(); !begun)
        return Failure{begun.error()};
    const Result<QHash<qint64, ProductSums>> sums = productSums(m_database, from, to);
    if (!sums)
        return Failure{sums.error()};

    // Every product's category (the catalogue: tens of thousands of rows at most), then the sums per
    // category. Products missing from the catalogue count as uncategorised.
    QHash<qint64, qsizetype> categoryOfProduct; // product id -> index into categories
    QHash<qint64, qsizetype> indexOfCategory;   // category id -> index into categories
    QList<CategoryTotals> categories;
    const Result<> mapped = query(
        m_database,
        QStringLiteral("SELECT p.id, p.category_id, coalesce(c.name, '') FROM products p "
                       "LEFT JOIN categories c ON c.id = p.category_id WHERE p.category_id IS NOT NULL"),
        [](SqliteStatement&) {},
        [&](const SqliteStatement& s) {
            const qint64 categoryId = s.int64(1);
            auto found = indexOfCategory.constFind(categoryId);
            if (found == indexOfCategory.cend()) {
                found = indexOfCategory.insert(categoryId, categories.size());
                categories.append({categoryId, s.text(2), 0, Money(), 0});
            }
            categoryOfProduct.insert(s.int64(0), found.value());
        });
    if (!mapped)
        return Failure{mapped.error()};
    CategoryTotals uncategorised;
    bool anyUncategorised = false;
    for (auto it = sums.value().cbegin(); it != sums.value().cend(); ++it) {
        const auto category = categoryOfProduct.constFind(it.key());
        CategoryTotals* totals = nullptr;
        if (category == categoryOfProduct.cend()) {
            totals = &uncategorised;
            anyUncategorised = true;
        } else {
            totals = &categories[category.value()];
        }
        totals->quantityMilli += it.value().quantityMilli;
        totals->amount += Money::fromFen(it.value().amountFen);
        totals->lineCount += it.value().lineCount;
    }
    categories.removeIf([](const CategoryTotals& category) { return category.lineCount == 0; });
    if (anyUncategorised)
        categories.append(uncategorised);
    std::sort(categories.begin(), categories.end(), [](const CategoryTotals& a, const CategoryTotals& b) {
        if (a.amount != b.amount)
            return a.amount > b.amount;
        if (a.categoryId.has_value() != b.categoryId.has_value())
            return a.categoryId.has_value();
        return a.categoryId.value_or(0) < b.categoryId.value_or(0);
    });
    return categories;
}

Result<ShiftTotals> LedgerReports::shiftTotals(qint64 shiftId)
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    ReadSnapshot snapshot(m_database);
    if (const Result<> begun = snapshot.begin(); !begun)
        return Failure{begun.error()};
    const auto bindShift = [shiftId](SqliteStatement& s) { s.bind(1, shiftId); };

    ShiftTotals totals;
    bool found = false;
    Result<> ran = query(m_database,
                         QStringLiteral("SELECT cashier_id, state, opened_ms, closed_ms, opening_float_fen, "
                                        "counted_cash_fen, z_report_no FROM shifts WHERE id = ?"),
                         bindShift, [&](const SqliteStatement& s) {
                             found = true;
                             totals.shiftId = shiftId;
                             totals.cashierId = s.int64(0);
                             totals.open = s.text(1) == QLatin1String("open");
                             totals.openedMs = s.int64(2);
                             totals.closedMs = s.optionalInt64(3);
                             totals.openingFloat = Money::fromFen(s.int64(4));
                             if (const std::optional<qint64> counted = s.optionalInt64(5))
                                 totals.countedCash = Money::fromFen(*counted);
                             totals.zReportNo = s.optionalInt64(6);
                         });
    if (!ran)
        return Failure{ran.error()};
    if (!found)
        return fail(ErrorCode::NotFound, ReportText::tr("There is no such shift."),
                    QStringLiteral("shift %1").arg(shiftId));

    ran = query(m_database,
                QStringLiteral("SELECT kind, count(*), sum(total_fen), sum(tax_fen) FROM sales "
                               "WHERE shift_id = ? AND state = 'completed' GROUP BY kind"),
                bindShift, [&totals](const SqliteStatement& s) {
                    const bool sale = s.text(0) == QLatin1String("sale");
                    (sale ? totals.salesCount : totals.refundsCount) = s.int64(1);
                    if (sale)
                        totals.sales = Money::fromFen(s.int64(2));
                    else
                        totals.refunds = -Money::fromFen(s.int64(2));
                    totals.tax += Money::fromFen(s.int64(3));
                });
    if (!ran)
        return Failure{ran.error()};
    totals.net = totals.sales - totals.refunds;

    ran = query(
        m_database,
        QStringLiteral(
            "SELECT t.kind, count(*), sum(t.amount_fen) FROM sales s JOIN tenders t ON t.sale_id = s.id "
            "WHERE s.shift_id = ? AND s.state = 'completed' GROUP BY t.kind "
            "ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'card' THEN 1 WHEN 'qr' THEN 2 ELSE 3 END"),
        bindShift, [&totals](const SqliteStatement& s) {
            const std::optional<TenderKind> kind = tenderKindFromKey(s.text(0));
            if (!kind)
                return;
            totals.byTender.append({*kind, s.int64(1), Money::fromFen(s.int64(2))});
            if (*kind == TenderKind::Cash)
                totals.cashTenders = Money::fromFen(s.int64(2));
        });
    if (!ran)
        return Failure{ran.error()};

    ran =
        query(m_database,
              QStringLiteral("SELECT kind, count(*), sum(amount_fen) FROM cash_movements WHERE shift_id = ? "
                             "GROUP BY kind"),
              bindShift, [&totals](const SqliteStatement& s) {
                  const QString kind = s.text(0);
                  if (kind == QLatin1String("cash_in"))
                      totals.cashIn = Money::fromFen(s.int64(2));
                  else if (kind == QLatin1String("cash_out"))
                      totals.cashOut = Money::fromFen(s.int64(2));
                  else if (kind == QLatin1String("no_sale"))
                      totals.noSaleCount = s.int64(1);
              });
    if (!ran)
        return Failure{ran.error()};
    totals.cashExpected = totals.openingFloat + totals.cashTenders + totals.cashIn - totals.cashOut;
    return totals;
}

Result<qint64> LedgerReports::unsyncedCount()
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    return m_database.queryInt64(QStringLiteral(
        "SELECT (SELECT count(*) FROM outbox WHERE state IN ('pending', 'in_flight', 'failed')) + "
        "(SELECT count(*) FROM card_payments WHERE host_state IN ('sending', 'reversal_pending'))"));
}

} // namespace storage
} // namespace pos
