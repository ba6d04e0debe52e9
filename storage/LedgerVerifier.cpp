// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerVerifier.h"

#include "storage/AuditChain.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/SqliteStatement.h"

#include <QSet>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

#include <sqlite3.h>

namespace pos {
namespace storage {
namespace {

// How many offenders a check names in its detail.
constexpr int detailExamples = 5;

// Errors that say "the file cannot be read right now", as opposed to "what is in the file is wrong".
bool isFatal(const Error& error)
{
    return error.code == ErrorCode::StorageBusy || error.code == ErrorCode::IoFailure;
}

VerifyCheck couldNotRun(const QString& name, const Error& error)
{
    return {name, false, 0,
            QStringLiteral("check could not run: %1: %2").arg(errorCodeName(error.code), error.detail)};
}

// An uncached statement, finalized when the pointer goes: the verifier's queries run once per call and must
// not outlive the scalar function registered for them.
Result<std::unique_ptr<SqliteStatement>> prepareOwned(SqliteDatabase& database, const QString& sql)
{
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v2(database.handle(), utf8.constData(), static_cast<int>(utf8.size()),
                                      &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return database.failure(rc, QStringLiteral("prepare: %1").arg(sql));
    }
    return std::make_unique<SqliteStatement>(database, statement);
}

using Describe = std::function<std::optional<QString>(const SqliteStatement&)>;

// Runs sql; every row for which describe returns a text is one offender. Counts all of them and names the
// first detailExamples. Content errors become a failed check; only fatal errors fail the call.
Result<VerifyCheck> offenderCheck(SqliteDatabase& database,
                                  const QString& name,
                                  const QString& sql,
                                  const Describe& describe,
                                  const QString& passDetail = {})
{
    const Result<std::unique_ptr<SqliteStatement>> prepared = prepareOwned(database, sql);
    if (!prepared)
        return isFatal(prepared.error()) ? Result<VerifyCheck>(Failure{prepared.error()})
                                         : couldNotRun(name, prepared.error());
    SqliteStatement& statement = *prepared.value();
    VerifyCheck check{name, true, 0, passDetail};
    QStringList examples;
    for (;;) {
        const Result<bool> row = statement.step();
        if (!row)
            return isFatal(row.error()) ? Result<VerifyCheck>(Failure{row.error()})
                                        : couldNotRun(name, row.error());
        if (!row.value())
            break;
        const std::optional<QString> offender = describe(statement);
        if (!offender)
            continue;
        ++check.offenders;
        if (examples.size() < detailExamples)
            examples << *offender;
    }
    if (check.offenders > 0) {
        check.ok = false;
        check.detail = examples.join(QStringLiteral("; "));
        if (check.offenders > examples.size())
            check.detail += QStringLiteral("; ... and %1 more").arg(check.offenders - examples.size());
    }
    return check;
}

// Queries whose first column describes one offender per row.
Result<VerifyCheck> sqlCheck(SqliteDatabase& database, const QString& name, const QString& sql)
{
    return offenderCheck(database, name, sql, [](const SqliteStatement& row) { return row.text(0); });
}

Result<VerifyCheck> checkIntegrity(SqliteDatabase& database)
{
    return offenderCheck(
        database, QStringLiteral("integrity_check"), QStringLiteral("PRAGMA integrity_check(100)"),
        [](const SqliteStatement& row) -> std::optional<QString> {
            const QString message = row.text(0);
            if (message == QLatin1String("ok"))
                return std::nullopt;
            return message;
        },
        QStringLiteral("ok"));
}

Result<VerifyCheck> checkForeignKeys(SqliteDatabase& database)
{
    // Rows: table, rowid (NULL for WITHOUT ROWID tables), parent table, foreign key index.
    return offenderCheck(database, QStringLiteral("foreign_key_check"),
                         QStringLiteral("PRAGMA foreign_key_check"),
                         [](const SqliteStatement& row) -> std::optional<QString> {
                             return QStringLiteral("%1 %2 -> %3")
                                 .arg(row.text(0),
                                      row.isNull(1) ? QStringLiteral("(row without rowid)")
                                                    : QStringLiteral("rowid %1").arg(row.int64(1)),
                                      row.text(2));
                         });
}

Result<VerifyCheck> checkAuditChain(SqliteDatabase& database)
{
    const QString name = QStringLiteral("audit_chain");
    const Result<audit::ChainReport> chain = audit::verify(database);
    if (!chain)
        return isFatal(chain.error()) ? Result<VerifyCheck>(Failure{chain.error()})
                                      : couldNotRun(name, chain.error());
    if (chain.value().intact)
        return VerifyCheck{name, true, 0, QStringLiteral("%1 rows intact").arg(chain.value().rows)};
    return VerifyCheck{name, false, 1, chain.value().problem};
}

// Every sale has lines, and they add up to its total. One pass over each table, grouped by the
// sale_lines (sale_id, line_no) index.
Result<VerifyCheck> checkSaleLinesSum(SqliteDatabase& database)
{
    return sqlCheck(
        database, QStringLiteral("sale_lines_sum"),
        QStringLiteral("SELECT printf('sale %d: lines %s, total %d', s.id, coalesce(l.total, 'none'), "
                       "s.total_fen) "
                       "FROM sales s LEFT JOIN (SELECT sale_id, sum(total_fen) AS total FROM sale_lines "
                       "GROUP BY sale_id) l ON l.sale_id = s.id "
                       "WHERE l.total IS NULL OR l.total != s.total_fen"));
}

Result<VerifyCheck> checkTendersSum(SqliteDatabase& database)
{
    // A sale of zero (everything discounted) has no tenders: the ledger refuses zero-amount tenders.
    return sqlCheck(
        database, QStringLiteral("tenders_sum"),
        QStringLiteral("SELECT printf('sale %d: tenders %d, total %d', s.id, coalesce(t.total, 0), "
                       "s.total_fen) "
                       "FROM sales s LEFT JOIN (SELECT sale_id, sum(amount_fen) AS total FROM tenders "
                       "GROUP BY sale_id) t ON t.sale_id = s.id "
                       "WHERE coalesce(t.total, 0) != s.total_fen"));
}

// One offender per sale, with every problem found in its header, lines and tenders.
Result<VerifyCheck> checkSaleTotals(SqliteDatabase& database)
{
    return sqlCheck(
        database, QStringLiteral("sale_totals"),
        QStringLiteral(
            "SELECT printf('sale %d: %s', sale_id, group_concat(problem, ', ')) FROM ("
            " SELECT id AS sale_id, printf('subtotal %d - discount %d != total %d', subtotal_fen, "
            "discount_fen, "
            "  total_fen) AS problem FROM sales WHERE total_fen IS NOT subtotal_fen - discount_fen"
            " UNION ALL SELECT id, printf('negative discount %d', discount_fen) FROM sales WHERE "
            "discount_fen < 0"
            " UNION ALL SELECT id, printf('negative sale (subtotal %d, total %d)', subtotal_fen, total_fen) "
            "  FROM sales WHERE kind = 'sale' AND (subtotal_fen < 0 OR total_fen < 0)"
            " UNION ALL SELECT id, printf('positive refund (subtotal %d, total %d)', subtotal_fen, "
            "total_fen) "
            "  FROM sales WHERE kind = 'refund' AND (subtotal_fen > 0 OR total_fen > 0)"
            " UNION ALL SELECT id, printf('kind %Q', kind) FROM sales WHERE kind NOT IN ('sale', 'refund')"
            " UNION ALL SELECT s.id, printf('line %d total %d', l.id, l.total_fen) "
            "  FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
            "  WHERE (s.kind = 'sale' AND l.total_fen < 0) OR (s.kind = 'refund' AND l.total_fen > 0)"
            " UNION ALL SELECT s.id, printf('tender %d amount %d', t.id, t.amount_fen) "
            "  FROM tenders t JOIN sales s ON s.id = t.sale_id "
            "  WHERE (s.kind = 'sale' AND t.amount_fen < 0) OR (s.kind = 'refund' AND t.amount_fen > 0)"
            ") GROUP BY sale_id"));
}

Result<VerifyCheck> checkRefunds(SqliteDatabase& database)
{
    return sqlCheck(
        database, QStringLiteral("refunds_within_originals"),
        QStringLiteral(
            // Per original line (sale_lines_by_original): quantity and money returned so far.
            "SELECT printf('line %d: refunded %d of %d milli, %d of %d fen', o.id, r.quantity, "
            "o.quantity_milli, "
            " r.amount, o.total_fen) "
            "FROM (SELECT original_line_id AS id, sum(quantity_milli) AS quantity, -sum(total_fen) AS amount "
            " FROM sale_lines WHERE original_line_id IS NOT NULL GROUP BY original_line_id) r "
            "JOIN sale_lines o ON o.id = r.id "
            "WHERE r.quantity > o.quantity_milli OR r.amount > o.total_fen "
            // Per original sale (sales_by_original): money returned so far, and only sales are refunded.
            "UNION ALL "
            "SELECT printf('sale %d (%s): refunded %d of %d fen', o.id, o.kind, r.amount, o.total_fen) "
            "FROM (SELECT original_sale_id AS id, -sum(total_fen) AS amount FROM sales "
            " WHERE original_sale_id IS NOT NULL GROUP BY original_sale_id) r "
            "JOIN sales o ON o.id = r.id "
            "WHERE r.amount > o.total_fen OR o.kind != 'sale' "
            // A refund line takes back a line of its own refund's original sale.
            "UNION ALL "
            "SELECT printf('refund line %d: original line %s is not a line of sale %s', l.id, "
            " coalesce(l.original_line_id, 'missing'), coalesce(s.original_sale_id, 'missing')) "
            "FROM sales s JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN sale_lines o ON o.id = "
            "l.original_line_id "
            "WHERE s.kind = 'refund' AND (o.id IS NULL OR o.sale_id IS NOT s.original_sale_id) "
            "UNION ALL "
            "SELECT printf('line %d: refers to line %d but is not part of a refund', l.id, "
            "l.original_line_id) "
            "FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
            "WHERE l.original_line_id IS NOT NULL AND s.kind != 'refund'"));
}

Result<VerifyCheck> checkPaymentLinks(SqliteDatabase& database)
{
    return sqlCheck(
        database, QStringLiteral("card_tenders_approved"),
        QStringLiteral(
            // Each card tender: exactly one card payment, in a final approved state, of its amount and type.
            "SELECT printf('card tender %d (sale %d, %d fen): %d payments, states %s, amounts %s', t.id, "
            "t.sale_id, "
            " t.amount_fen, count(p.id), coalesce(group_concat(p.host_state), 'none'), "
            " coalesce(group_concat(p.amount_fen), 'none')) "
            "FROM tenders t JOIN sales s ON s.id = t.sale_id LEFT JOIN card_payments p ON p.tender_id = t.id "
            "WHERE t.kind = 'card' GROUP BY t.id "
            "HAVING count(p.id) != 1 OR sum(p.host_state NOT IN ('approved', 'voided', 'refunded')) > 0 "
            " OR sum(p.amount_fen != abs(t.amount_fen)) > 0 "
            " OR sum(p.transaction_type != CASE s.kind WHEN 'refund' THEN 'refund' ELSE 'sale' END) > 0 "
            "UNION ALL "
            "SELECT printf('qr tender %d (sale %d, %d fen): %d payments, states %s, amounts %s', t.id, "
            "t.sale_id, "
            " t.amount_fen, count(q.id), coalesce(group_concat(q.state), 'none'), "
            " coalesce(group_concat(q.amount_fen), 'none')) "
            "FROM tenders t JOIN sales s ON s.id = t.sale_id LEFT JOIN qr_payments q ON q.tender_id = t.id "
            "WHERE t.kind = 'qr' GROUP BY t.id "
            "HAVING count(q.id) != 1 OR sum(q.state NOT IN ('paid', 'refunded') AND NOT (s.state = 'voided' "
            "AND "
            "q.state = 'reversed')) > 0 "
            " OR sum(q.amount_fen != abs(t.amount_fen)) > 0 "
            " OR sum(q.transaction_type != CASE s.kind WHEN 'refund' THEN 'refund' ELSE 'pay' END) > 0 "
            // A payment pays only a tender of its own kind.
            "UNION ALL "
            "SELECT printf('card payment %d: linked to %s tender %d', p.id, t.kind, t.id) "
            "FROM card_payments p JOIN tenders t ON t.id = p.tender_id WHERE t.kind != 'card' "
            "UNION ALL "
            "SELECT printf('qr payment %d: linked to %s tender %d', q.id, t.kind, t.id) "
            "FROM qr_payments q JOIN tenders t ON t.id = q.tender_id WHERE t.kind != 'qr'"));
}

Result<VerifyCheck> checkOrphanIntents(SqliteDatabase& database)
{
    // card_payments_by_state finds the open payments; the outbox side is evaluated once (NOT IN list).
    return sqlCheck(database, QStringLiteral("no_orphan_intent"),
                    QStringLiteral("SELECT printf('card payment %d: %s without an open recovery record', id, "
                                   "host_state) FROM card_payments "
                                   "WHERE host_state IN ('sending', 'reversal_pending') AND id NOT IN ("
                                   " SELECT card_payment_id FROM outbox WHERE card_payment_id IS NOT NULL "
                                   " AND state IN ('armed', 'pending', 'in_flight', 'failed'))"));
}

Result<VerifyCheck> checkStanUnique(SqliteDatabase& database)
{
    return sqlCheck(
        database, QStringLiteral("stan_unique_per_batch"),
        QStringLiteral("SELECT printf('terminal %s batch %d stan %d: %d payments (ids %s)', terminal_id, "
                       "batch_no, stan, count(*), group_concat(id)) FROM card_payments "
                       "GROUP BY terminal_id, batch_no, stan HAVING count(*) > 1"));
}

// --- no_sensitive_data -----------------------------------------------------------------------------------

constexpr int minCardNumberDigits = 13;
constexpr int merchantIdDigits = 15;

// What the scalar function pos_card_number_column() may let through: merchant ids of this ledger.
struct CardNumberScan
{
    QSet<QByteArray> merchantIds; // exactly merchantIdDigits ASCII digits each
};

bool isAsciiDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

// True when data holds a maximal run of at least minCardNumberDigits ASCII digits that is not an exempt
// merchant id. Multi-byte UTF-8 sequences never contain ASCII bytes, so text can be scanned as bytes.
bool holdsCardNumber(const unsigned char* data, int size, const CardNumberScan& scan)
{
    int i = 0;
    while (i < size) {
        if (!isAsciiDigit(data[i])) {
            ++i;
            continue;
        }
        const int start = i;
        while (i < size && isAsciiDigit(data[i]))
            ++i;
        const int length = i - start;
        if (length < minCardNumberDigits)
            continue;
        if (length == merchantIdDigits && scan.merchantIds.contains(QByteArray::fromRawData(
                                              reinterpret_cast<const char*>(data + start), length)))
            continue;
        return true;
    }
    return false;
}

// pos_card_number_column(value, ...): the 1-based position of the first text or blob argument that holds a
// card number (see holdsCardNumber), 0 when none does. Integers and reals are not looked at.
void cardNumberColumnFunction(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    const auto* scan = static_cast<const CardNumberScan*>(sqlite3_user_data(context));
    for (int i = 0; i < argc; ++i) {
        const int type = sqlite3_value_type(argv[i]);
        const unsigned char* data = nullptr;
        if (type == SQLITE_TEXT)
            data = sqlite3_value_text(argv[i]);
        else if (type == SQLITE_BLOB)
            data = static_cast<const unsigned char*>(sqlite3_value_blob(argv[i]));
        else
            continue;
        if (data && holdsCardNumber(data, sqlite3_value_bytes(argv[i]), *scan)) {
            sqlite3_result_int(context, i + 1);
            return;
        }
    }
    sqlite3_result_int(context, 0);
}

// Registers pos_card_number_column on the connection for the lifetime of this object. Every statement that
// uses it must be finalized before the object goes (the verifier's statements are uncached and scoped).
class CardNumberFunction final
{
public:
    CardNumberFunction(SqliteDatabase& database, const CardNumberScan& scan) : m_database(database)
    {
        m_rc = sqlite3_create_function_v2(database.handle(), "pos_card_number_column", -1,
                                          SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                          const_cast<CardNumberScan*>(&scan), &cardNumberColumnFunction,
                                          nullptr, nullptr, nullptr);
    }
    ~CardNumberFunction()
    {
        if (m_rc == SQLITE_OK)
            sqlite3_create_function_v2(m_database.handle(), "pos_card_number_column", -1, SQLITE_UTF8,
                                       nullptr, nullptr, nullptr, nullptr, nullptr);
    }
    CardNumberFunction(const CardNumberFunction&) = delete;
    CardNumberFunction& operator=(const CardNumberFunction&) = delete;

    int rc() const { return m_rc; }

private:
    SqliteDatabase& m_database;
    int m_rc = SQLITE_OK;
};

QString quotedIdentifier(const QString& name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// Appends the offenders of one query to check (which counts and names them).
Result<> collectOffenders(SqliteDatabase& database,
                          const QString& sql,
                          const Describe& describe,
                          VerifyCheck& check,
                          QStringList& examples)
{
    const Result<std::unique_ptr<SqliteStatement>> prepared = prepareOwned(database, sql);
    if (!prepared)
        return Failure{prepared.error()};
    SqliteStatement& statement = *prepared.value();
    for (;;) {
        const Result<bool> row = statement.step();
        if (!row)
            return Failure{row.error()};
        if (!row.value())
            return {};
        const std::optional<QString> offender = describe(statement);
        if (!offender)
            continue;
        ++check.offenders;
        if (examples.size() < detailExamples)
            examples << *offender;
    }
}

Result<QStringList> columnsOf(SqliteDatabase& database, const QString& table)
{
    const Result<std::unique_ptr<SqliteStatement>> info =
        prepareOwned(database, QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"));
    if (!info)
        return Failure{info.error()};
    info.value()->bind(1, table);
    QStringList columns;
    for (;;) {
        const Result<bool> row = info.value()->step();
        if (!row)
            return Failure{row.error()};
        if (!row.value())
            break;
        columns << info.value()->text(0);
    }
    if (columns.isEmpty())
        return fail(ErrorCode::StorageCorrupt, QString(), QStringLiteral("table %1 is missing").arg(table));
    return columns;
}

Result<CardNumberScan> knownMerchantIds(SqliteDatabase& database)
{
    CardNumberScan scan;
    const Result<std::unique_ptr<SqliteStatement>> ids = prepareOwned(
        database,
        QStringLiteral("SELECT merchant_id FROM terminal_profile WHERE typeof(merchant_id) = 'text' "
                       "UNION SELECT merchant_id FROM card_payments WHERE typeof(merchant_id) = 'text' "
                       "UNION SELECT substr(detail, 5, 15) FROM audit_log "
                       "WHERE event = 'terminal.identity_set' AND detail GLOB 'mid=*'"));
    if (!ids)
        return Failure{ids.error()};
    for (;;) {
        const Result<bool> row = ids.value()->step();
        if (!row)
            return Failure{row.error()};
        if (!row.value())
            break;
        const QByteArray id = ids.value()->blob(0);
        if (id.size() == merchantIdDigits && std::all_of(id.cbegin(), id.cend(), [](char c) {
                return isAsciiDigit(static_cast<unsigned char>(c));
            }))
            scan.merchantIds.insert(id);
    }
    return scan;
}

Result<> scanSensitiveData(SqliteDatabase& database, VerifyCheck& check, QStringList& examples)
{
    const Describe firstColumn = [](const SqliteStatement& row) { return row.text(0); };
    if (const Result<> masked = collectOffenders(
            database,
            QStringLiteral(
                "SELECT printf('card_payments.pan_masked id %d: not 6 digits, 2-9 *, 4 digits', id) "
                "FROM card_payments WHERE NOT (typeof(pan_masked) = 'text' "
                "AND length(pan_masked) BETWEEN 12 AND 19 "
                "AND pan_masked GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]*[0-9][0-9][0-9][0-9]' "
                "AND ltrim(substr(pan_masked, 7, length(pan_masked) - 10), '*') = '')"),
            firstColumn, check, examples);
        !masked)
        return masked;

    const Result<CardNumberScan> scan = knownMerchantIds(database);
    if (!scan)
        return Failure{scan.error()};
    const CardNumberFunction function(database, scan.value());
    if (function.rc() != SQLITE_OK)
        return Failure{database.failure(function.rc(), QStringLiteral("register pos_card_number_column"))};

    struct Scanned
    {
        const char* table;
        const char* column; // nullptr: every column of the table
    };
    static constexpr Scanned scanned[] = {
        {"card_payments", nullptr}, {"host_journal", nullptr}, {"outbox", "payload"},
        {"print_jobs", "document"}, {"audit_log", "detail"},
    };
    for (const Scanned& target : scanned) {
        const QString table = QString::fromLatin1(target.table);
        QStringList columns;
        if (target.column) {
            columns << QString::fromLatin1(target.column);
        } else {
            const Result<QStringList> all = columnsOf(database, table);
            if (!all)
                return Failure{all.error()};
            columns = all.value();
            // A keyed hash is random bytes, not a card number: any byte run may happen to look like digits.
            columns.removeAll(QStringLiteral("pan_hmac"));
        }
        QStringList arguments;
        for (const QString& column : columns)
            arguments << quotedIdentifier(column);
        const QString sql = QStringLiteral("SELECT row_id, hit FROM (SELECT rowid AS row_id, "
                                           "pos_card_number_column(%1) AS hit FROM %2) WHERE hit > 0")
                                .arg(arguments.join(QStringLiteral(", ")), quotedIdentifier(table));
        const Describe describe = [&table, &columns](const SqliteStatement& row) -> std::optional<QString> {
            const qint64 position = row.int64(1);
            return QStringLiteral("%1.%2 id %3: a run of %4+ digits (card number?)")
                .arg(table, columns.value(static_cast<int>(position - 1)))
                .arg(row.int64(0))
                .arg(minCardNumberDigits);
        };
        if (const Result<> collected = collectOffenders(database, sql, describe, check, examples); !collected)
            return collected;
    }
    return {};
}

Result<VerifyCheck> checkSensitiveData(SqliteDatabase& database)
{
    const QString name = QStringLiteral("no_sensitive_data");
    VerifyCheck check{name, true, 0, {}};
    QStringList examples;
    if (const Result<> scanned = scanSensitiveData(database, check, examples); !scanned)
        return isFatal(scanned.error()) ? Result<VerifyCheck>(Failure{scanned.error()})
                                        : couldNotRun(name, scanned.error());
    if (check.offenders > 0) {
        check.ok = false;
        check.detail = examples.join(QStringLiteral("; "));
        if (check.offenders > examples.size())
            check.detail += QStringLiteral("; ... and %1 more").arg(check.offenders - examples.size());
    }
    return check;
}

// --- the run ---------------------------------------------------------------------------------------------

struct NamedCheck
{
    const char* name;
    Result<VerifyCheck> (*run)(SqliteDatabase& database);
};

constexpr NamedCheck allChecks[] = {
    {"integrity_check", &checkIntegrity},        {"foreign_key_check", &checkForeignKeys},
    {"audit_chain", &checkAuditChain},           {"sale_lines_sum", &checkSaleLinesSum},
    {"tenders_sum", &checkTendersSum},           {"sale_totals", &checkSaleTotals},
    {"refunds_within_originals", &checkRefunds}, {"card_tenders_approved", &checkPaymentLinks},
    {"no_orphan_intent", &checkOrphanIntents},   {"stan_unique_per_batch", &checkStanUnique},
    {"no_sensitive_data", &checkSensitiveData},
};

// One read transaction (unless the caller already has one) with PRAGMA query_only on; both undone on exit.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(SqliteDatabase& database) : m_database(database) {}
    ~ReadSnapshot()
    {
        if (m_began && sqlite3_get_autocommit(m_database.handle()) == 0)
            static_cast<void>(m_database.execute(QStringLiteral("ROLLBACK")));
        if (m_restoreQueryOnly)
            static_cast<void>(m_database.execute(QStringLiteral("PRAGMA query_only = 0")));
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    Result<> begin()
    {
        const Result<qint64> queryOnly = m_database.queryInt64(QStringLiteral("PRAGMA query_only"));
        if (!queryOnly)
            return Failure{queryOnly.error()};
        if (queryOnly.value() == 0) {
            if (const Result<> set = m_database.execute(QStringLiteral("PRAGMA query_only = 1")); !set)
                return set;
            m_restoreQueryOnly = true;
        }
        if (sqlite3_get_autocommit(m_database.handle()) != 0) {
            if (const Result<> begun = m_database.execute(QStringLiteral("BEGIN DEFERRED")); !begun)
                return begun;
            m_began = true;
        }
        return {};
    }

private:
    SqliteDatabase& m_database;
    bool m_began = false;
    bool m_restoreQueryOnly = false;
};

} // namespace

bool VerifyReport::ok() const
{
    return std::all_of(checks.cbegin(), checks.cend(), [](const VerifyCheck& check) { return check.ok; });
}

const VerifyCheck* VerifyReport::check(const QString& name) const
{
    for (const VerifyCheck& candidate : checks) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

QStringList verifyCheckNames()
{
    QStringList names;
    for (const NamedCheck& check : allChecks)
        names << QString::fromLatin1(check.name);
    return names;
}

Result<VerifyReport> verifyLedger(SqliteDatabase& database)
{
    ReadSnapshot snapshot(database);
    if (const Result<> begun = snapshot.begin(); !begun)
        return Failure{begun.error()};
    VerifyReport report;
    for (const NamedCheck& named : allChecks) {
        Result<VerifyCheck> check = named.run(database);
        if (!check)
            return Failure{check.error()};
        report.checks.append(std::move(check).value());
    }
    return report;
}

} // namespace storage
} // namespace pos
