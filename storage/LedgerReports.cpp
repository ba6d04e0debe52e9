// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerReports.h"

#include "storage/sqlite/SqliteDatabase.h"

#include <QCoreApplication>

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
    QList<ProductTotals> products;
    const Result<> ran = query(
        m_database,
        QStringLiteral(
            "SELECT t.product_id, coalesce(p.code, ''), coalesce(p.name, ''), t.quantity, t.amount, "
            "t.lines FROM (SELECT product_id, sum(quantity_milli) AS quantity, sum(amount_fen) AS amount, "
            "sum(line_count) AS lines FROM daily_product_totals WHERE business_date BETWEEN ? AND ? "
            "GROUP BY product_id ORDER BY amount DESC, product_id LIMIT ?) t "
            "LEFT JOIN products p ON p.id = t.product_id ORDER BY t.amount DESC, t.product_id"),
        [from, to, limit](SqliteStatement& s) {
            s.bind(1, dateKey(from)).bind(2, dateKey(to)).bind(3, limit);
        },
        [&products](const SqliteStatement& s) {
            products.append(
                {s.int64(0), s.text(1), s.text(2), s.int64(3), Money::fromFen(s.int64(4)), s.int64(5)});
        });
    if (!ran)
        return Failure{ran.error()};
    return products;
}

Result<QList<CategoryTotals>> LedgerReports::byCategory(QDate from, QDate to)
{
    if (const Result<> reader = requireReader(m_database); !reader)
        return Failure{reader.error()};
    if (const Result<> range = requireRange(from, to); !range)
        return Failure{range.error()};
    QList<CategoryTotals> categories;
    // Per product first (the summary's rows of the period), then per category: one products lookup per
    // product sold rather than one per summary row.
    const Result<> ran =
        query(m_database,
              QStringLiteral(
                  "SELECT p.category_id, coalesce(c.name, ''), sum(t.quantity), sum(t.amount), sum(t.lines) "
                  "FROM (SELECT product_id, sum(quantity_milli) AS quantity, sum(amount_fen) AS amount, "
                  "sum(line_count) AS lines FROM daily_product_totals WHERE business_date BETWEEN ? AND ? "
                  "GROUP BY product_id) t LEFT JOIN products p ON p.id = t.product_id "
                  "LEFT JOIN categories c ON c.id = p.category_id GROUP BY p.category_id "
                  "ORDER BY sum(t.amount) DESC, p.category_id IS NULL, p.category_id"),
              bindRange(from, to), [&categories](const SqliteStatement& s) {
                  categories.append(
                      {s.optionalInt64(0), s.text(1), s.int64(2), Money::fromFen(s.int64(3)), s.int64(4)});
              });
    if (!ran)
        return Failure{ran.error()};
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
