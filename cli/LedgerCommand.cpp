// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/LedgerCommand.h"

#include "cli/ActionContext.h"
#include "cli/LedgerGenerator.h"
#include "storage/Ledger.h"
#include "storage/LedgerBackup.h"
#include "storage/LedgerReports.h"
#include "storage/LedgerVerifier.h"
#include "storage/Migrator.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

namespace pos {
namespace cli {
namespace {

using storage::Migration;
using storage::Migrator;
using storage::SqliteDatabase;

struct LedgerText
{
    Q_DECLARE_TR_FUNCTIONS(pos::cli::LedgerCommand)
};

QCommandLineOption dbOption()
{
    return {QStringLiteral("db"), QStringLiteral("The ledger database file."), QStringLiteral("FILE")};
}

// Opens an existing ledger read-only and checks that it is one (any schema version).
Result<std::unique_ptr<SqliteDatabase>> openExistingLedger(const QString& path)
{
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened)
        return Failure{opened.error()};
    if (const Result<> configured = opened.value()->applyLedgerSettings(); !configured)
        return Failure{configured.error()};
    const Result<qint64> applicationId = opened.value()->queryInt64(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return Failure{applicationId.error()};
    if (applicationId.value() != Migrator::ledgerApplicationId)
        return fail(ErrorCode::StorageCorrupt, LedgerText::tr("%1 is not a POS ledger.").arg(path),
                    QStringLiteral("application_id %1").arg(applicationId.value()));
    return std::move(opened).value();
}

// ledger init --db FILE
int runInit(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(
        QStringLiteral("Create a ledger database at FILE, or upgrade an older one. A file that "
                       "is not a ledger is refused and left untouched."),
        io);
    const QCommandLineOption db = dbOption();
    if (const std::optional<int> exit = context.parse(arguments, {db}))
        return *exit;
    const QString path = context.value(db);
    const QJsonObject details{{QStringLiteral("db"), path}};
    const QList<Migration> migrations = Migrator::ledgerMigrations();
    const int latest = Migrator::latestVersion(migrations);

    const bool existed = QFileInfo::exists(path);
    if (existed) {
        // Look read-only first: configuring a foreign file for writing (WAL) would already change it.
        auto opened =
            SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
        if (!opened)
            return context.failed(opened.error(), details);
        if (const Result<> configured = opened.value()->applyLedgerSettings(); !configured)
            return context.failed(configured.error(), details);
        if (const Result<> compatible = Migrator::checkCompatible(*opened.value(), migrations); !compatible) {
            if (compatible.error().code != ErrorCode::VersionMismatch)
                return context.failed(compatible.error(), details);
            const Result<qint64> version = opened.value()->queryInt64(QStringLiteral("PRAGMA user_version"));
            if (!version)
                return context.failed(version.error(), details);
            if (version.value() > latest)
                return context.failed(compatible.error(), details);
        }
    }

    auto opened = SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                                       existed ? SqliteDatabase::Creation::MustExist
                                               : SqliteDatabase::Creation::CreateIfMissing);
    if (!opened)
        return context.failed(opened.error(), details);
    std::unique_ptr<SqliteDatabase> database = std::move(opened).value();
    if (const Result<> configured = database->applyLedgerSettings(); !configured)
        return context.failed(configured.error(), details);
    const Result<int> applied = Migrator::migrate(*database, migrations);
    if (!applied)
        return context.failed(applied.error(), details);
    const Result<qint64> version = database->queryInt64(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return context.failed(version.error(), details);

    QJsonObject result = details;
    result.insert(QStringLiteral("created"), !existed);
    result.insert(QStringLiteral("migrationsApplied"), applied.value());
    result.insert(QStringLiteral("schemaVersion"), version.value());
    QString text;
    if (!existed)
        text = QStringLiteral("created ledger %1 (schema %2)").arg(path).arg(version.value());
    else if (applied.value() > 0)
        text = QStringLiteral("upgraded ledger %1 to schema %2 (%3 migrations)")
                   .arg(path)
                   .arg(version.value())
                   .arg(applied.value());
    else
        text = QStringLiteral("ledger %1 is already at schema %2").arg(path).arg(version.value());
    return context.succeed(result, text);
}

// ledger backup --db FILE --out FILE
int runBackup(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(
        QStringLiteral("Back up the ledger at --db into one self-contained, checked file at "
                       "--out, with SQLite's online backup (the POS may keep running)."),
        io);
    const QCommandLineOption db = dbOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The backup file to write."),
                                 QStringLiteral("FILE"));
    if (const std::optional<int> exit = context.parse(arguments, {db, out}))
        return *exit;
    const QJsonObject details{{QStringLiteral("db"), context.value(db)},
                              {QStringLiteral("out"), context.value(out)}};

    auto opened = openExistingLedger(context.value(db));
    if (!opened)
        return context.failed(opened.error(), details);
    const Result<storage::BackupInfo> backup = storage::backupLedger(*opened.value(), context.value(out));
    if (!backup)
        return context.failed(backup.error(), details);

    const storage::BackupInfo& info = backup.value();
    QJsonObject result = details;
    result.insert(QStringLiteral("out"), info.path);
    result.insert(QStringLiteral("pages"), info.pageCount);
    result.insert(QStringLiteral("bytes"), info.bytes);
    result.insert(QStringLiteral("sha256"), info.sha256);
    result.insert(QStringLiteral("durationMs"), info.durationMs);
    result.insert(QStringLiteral("restarts"), info.restarts);
    return context.succeed(result, QStringLiteral("backed up %1 to %2: %3 pages, %4 bytes, %5 ms\nsha256 %6")
                                       .arg(context.value(db), info.path)
                                       .arg(info.pageCount)
                                       .arg(info.bytes)
                                       .arg(info.durationMs)
                                       .arg(info.sha256));
}

// Names in path's folder that start with "<file name>.replaced-".
QSet<QString> replacedLedgers(const QString& path)
{
    const QFileInfo ledger(path);
    const QStringList names = ledger.absoluteDir().entryList(
        {ledger.fileName() + QStringLiteral(".replaced-*")}, QDir::Files, QDir::Name);
    return QSet<QString>(names.cbegin(), names.cend());
}

// ledger restore --from FILE --db FILE
int runRestore(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(
        QStringLiteral("Replace the ledger at --db by the backup at --from, after checking the "
                       "backup. The current ledger is kept beside it as "
                       "<db>.replaced-<time>. Stop the POS first."),
        io);
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("The backup file to restore."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption db = dbOption();
    if (const std::optional<int> exit = context.parse(arguments, {from, db}))
        return *exit;
    const QString ledgerPath = context.value(db);
    QJsonObject result{{QStringLiteral("from"), context.value(from)}, {QStringLiteral("db"), ledgerPath}};

    const QSet<QString> before = replacedLedgers(ledgerPath);
    if (const Result<> restored = storage::restoreLedger(context.value(from), ledgerPath); !restored)
        return context.failed(restored.error(), result);
    const QSet<QString> added = replacedLedgers(ledgerPath) - before;
    QString replaced;
    if (added.size() == 1)
        replaced = QFileInfo(ledgerPath).absoluteDir().filePath(*added.cbegin());
    result.insert(QStringLiteral("replaced"), replaced.isEmpty() ? QJsonValue() : QJsonValue(replaced));
    QString text = QStringLiteral("restored %1 into %2").arg(context.value(from), ledgerPath);
    if (!replaced.isEmpty())
        text += QStringLiteral("\nthe previous ledger was kept as %1").arg(replaced);
    return context.succeed(result, text);
}

// ledger verify --db FILE: every ledger invariant, read-only (storage::verifyLedger). Exit 0 when all hold,
// 1 when one does not or the file is not a usable ledger. Output: one PASS/FAIL line per check and a summary,
// or with --json {"ok", "db", "checks": [{"name", "ok", "offenders", "detail"}]}.
int runVerify(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(
        QStringLiteral("Check, read-only, that the ledger at --db is intact: SQLite integrity, foreign keys, "
                       "the audit hash chain, sale, tender and refund sums, card and QR payment links, "
                       "recovery records of open card payments, unique trace numbers, and that no card "
                       "number is stored. The POS may keep running."),
        io);
    const QCommandLineOption db = dbOption();
    if (const std::optional<int> exit = context.parse(arguments, {db}))
        return *exit;
    const QString path = context.value(db);
    const QJsonObject details{{QStringLiteral("db"), path}};

    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened)
        return context.failed(opened.error(), details);
    SqliteDatabase& database = *opened.value();
    if (const Result<> configured = database.applyLedgerSettings(); !configured)
        return context.failed(configured.error(), details);
    if (const Result<> compatible = Migrator::checkCompatible(database, Migrator::ledgerMigrations());
        !compatible)
        return context.failed(compatible.error(), details);
    const Result<storage::VerifyReport> verified = storage::verifyLedger(database);
    if (!verified)
        return context.failed(verified.error(), details);
    const storage::VerifyReport& report = verified.value();

    // The parser accepted the arguments, so --json appears literally when it was given.
    if (arguments.contains(QStringLiteral("--json"))) {
        QJsonArray checks;
        for (const storage::VerifyCheck& check : report.checks)
            checks.append(QJsonObject{{QStringLiteral("name"), check.name},
                                      {QStringLiteral("ok"), check.ok},
                                      {QStringLiteral("offenders"), check.offenders},
                                      {QStringLiteral("detail"), check.detail}});
        QJsonObject result = details;
        result.insert(QStringLiteral("ok"), report.ok());
        result.insert(QStringLiteral("checks"), checks);
        io.out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    } else {
        qsizetype failed = 0;
        for (const storage::VerifyCheck& check : report.checks) {
            if (check.ok) {
                io.out << "PASS " << check.name << '\n';
                continue;
            }
            ++failed;
            io.out << "FAIL " << check.name << " (" << check.offenders << "): " << check.detail << '\n';
        }
        if (failed == 0)
            io.out << "ledger " << path << ": all " << report.checks.size() << " checks passed\n";
        else
            io.out << "ledger " << path << ": " << failed << " of " << report.checks.size()
                   << " checks FAILED\n";
    }
    return report.ok() ? 0 : 1;
}

// ledger generate --db FILE --sales N --days D [--end YYYY-MM-DD] --seed S
int runGenerate(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(
        QStringLiteral(
            "Create a new ledger at --db filled with a synthetic but realistic shop: 20,000 "
            "products in 30 categories, 5 cashiers on two tills, --sales sales over the --days days "
            "ending on --end (default yesterday), paid about 45 % by QR, 35 % by card and 20 % in "
            "cash, with some split payments, declined cards, about 2 % partial refunds and 0.5 % voids. "
            "Written "
            "through the ledger's own API, so every invariant holds; the same --seed gives the same "
            "ledger. For tests and benchmarks only: never on a shop's real ledger."),
        io);
    const QCommandLineOption db = dbOption();
    const QCommandLineOption salesOption(
        QStringLiteral("sales"), QStringLiteral("Number of sales (1-2,000,000)."), QStringLiteral("N"));
    const QCommandLineOption daysOption(
        QStringLiteral("days"), QStringLiteral("Number of business days (1-3660)."), QStringLiteral("D"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Random seed (unsigned integer)."), QStringLiteral("S"));
    const QCommandLineOption endOption(QStringLiteral("end"),
                                       QStringLiteral("Last business day (default yesterday)."),
                                       QStringLiteral("YYYY-MM-DD"));
    if (const std::optional<int> exit =
            context.parse(arguments, {db, salesOption, daysOption, seedOption}, {endOption}))
        return *exit;
    GeneratorOptions options;
    options.path = context.value(db);
    bool salesOk = false;
    bool daysOk = false;
    bool seedOk = false;
    options.sales = context.value(salesOption).toLongLong(&salesOk);
    options.days = context.value(daysOption).toInt(&daysOk);
    options.seed = context.value(seedOption).toULongLong(&seedOk);
    options.end = context.isSet(endOption) ? QDate::fromString(context.value(endOption), Qt::ISODate)
                                           : QDate::currentDate().addDays(-1);
    if (!salesOk || options.sales < 1 || options.sales > 2'000'000 || !daysOk || options.days < 1 ||
        options.days > 3660 || !seedOk || !options.end.isValid())
        return context.usage(QStringLiteral("--sales needs 1-2000000, --days 1-3660, --seed an unsigned "
                                            "integer and --end a date YYYY-MM-DD"));
    QJsonObject details{{QStringLiteral("db"), options.path}};
    if (QFileInfo::exists(options.path))
        return context.failed(
            fail(ErrorCode::InvalidInput,
                 LedgerText::tr("%1 already exists: generate only creates a new ledger.").arg(options.path),
                 QStringLiteral("generate refuses an existing file"))
                .error,
            details);

    QElapsedTimer timer;
    timer.start();
    auto opened = storage::Ledger::open(options.path, storage::Ledger::Creation::CreateIfMissing);
    if (!opened)
        return context.failed(opened.error(), details);
    storage::Ledger& ledger = *opened.value();
    // A bigger page cache for the bulk load (a connection setting; durability settings stay as they are).
    if (const Result<> cache = ledger.database().execute(QStringLiteral("PRAGMA cache_size = -262144"));
        !cache)
        return context.failed(cache.error(), details);
    const Result<GeneratedLedger> generated = generateLedger(ledger, options);
    if (!generated)
        return context.failed(generated.error(), details);
    opened.value().reset(); // closes the connection: the WAL is checkpointed into the file
    const double seconds = timer.elapsed() / 1000.0;

    const GeneratorStats& stats = generated.value().stats;
    details.insert(QStringLiteral("sales"), stats.sales);
    details.insert(QStringLiteral("refunds"), stats.refunds);
    details.insert(QStringLiteral("voids"), stats.voids);
    details.insert(QStringLiteral("card_tenders"), stats.cardTenders);
    details.insert(QStringLiteral("qr_tenders"), stats.qrTenders);
    details.insert(QStringLiteral("cash_tenders"), stats.cashTenders);
    details.insert(QStringLiteral("split_sales"), stats.splitSales);
    details.insert(QStringLiteral("declined_cards"), stats.declinedCards);
    details.insert(QStringLiteral("shifts"), stats.shifts);
    details.insert(QStringLiteral("products"), generated.value().products);
    details.insert(QStringLiteral("from"), generated.value().firstDay.toString(Qt::ISODate));
    details.insert(QStringLiteral("to"), options.end.toString(Qt::ISODate));
    details.insert(QStringLiteral("commits"), stats.commits);
    details.insert(QStringLiteral("seconds"), std::round(seconds * 10.0) / 10.0);
    return context.succeed(
        details, QStringLiteral("generated %1: %2 sales and %3 refunds from %4 to %5 in %6 s "
                                "(%7 sales/s)")
                     .arg(options.path)
                     .arg(stats.sales)
                     .arg(stats.refunds)
                     .arg(generated.value().firstDay.toString(Qt::ISODate), options.end.toString(Qt::ISODate))
                     .arg(seconds, 0, 'f', 1)
                     .arg(seconds > 0 ? qRound64(stats.sales / seconds) : 0));
}

// ledger report --db FILE --from DATE --to DATE: the shop's reports for a period, read-only
// (storage::LedgerReports on a read-only connection). Money in JSON as integer fen (*_fen).
int runReport(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(
        QStringLiteral(
            "Print, read-only, the reports of the ledger at --db for the business days --from to --to "
            "(both included): totals per day, by tender, by hour, by cashier, the 20 best-selling "
            "products and sales by category. The POS may keep running."),
        io);
    const QCommandLineOption db = dbOption();
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("First business day."),
                                        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("Last business day."),
                                      QStringLiteral("YYYY-MM-DD"));
    if (const std::optional<int> exit = context.parse(arguments, {db, fromOption, toOption}))
        return *exit;
    const QDate from = QDate::fromString(context.value(fromOption), Qt::ISODate);
    const QDate to = QDate::fromString(context.value(toOption), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || to < from)
        return context.usage(QStringLiteral("--from and --to need dates YYYY-MM-DD, --from not after --to"));
    QJsonObject result{{QStringLiteral("db"), context.value(db)},
                       {QStringLiteral("from"), from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), to.toString(Qt::ISODate)}};

    auto opened = openExistingLedger(context.value(db));
    if (!opened)
        return context.failed(opened.error(), result);
    storage::LedgerReports reports(*opened.value());
    const auto days = reports.dayTotals(from, to);
    const auto tenders = reports.byTender(from, to);
    const auto hours = reports.byHour(from, to);
    const auto cashiers = reports.byCashier(from, to);
    const auto products = reports.topProducts(from, to, 20);
    const auto categories = reports.byCategory(from, to);
    for (const Error* error :
         {days ? nullptr : &days.error(), tenders ? nullptr : &tenders.error(),
          hours ? nullptr : &hours.error(), cashiers ? nullptr : &cashiers.error(),
          products ? nullptr : &products.error(), categories ? nullptr : &categories.error()}) {
        if (error)
            return context.failed(*error, result);
    }

    QString text;
    QTextStream out(&text);
    const auto yuan = [](Money amount) { return amount.toDecimalString(); };
    out << "Report " << from.toString(Qt::ISODate) << " .. " << to.toString(Qt::ISODate) << " ("
        << context.value(db)
        << ")\n\nDay         sales  refunds         gross       refunds           net           tax\n";
    storage::DayTotals sum;
    QJsonArray dayRows;
    for (const storage::DayTotals& day : days.value()) {
        sum.salesCount += day.salesCount;
        sum.refundsCount += day.refundsCount;
        sum.gross += day.gross;
        sum.refunds += day.refunds;
        sum.net += day.net;
        sum.tax += day.tax;
        dayRows.append(QJsonObject{{QStringLiteral("date"), day.date.toString(Qt::ISODate)},
                                   {QStringLiteral("sales_count"), day.salesCount},
                                   {QStringLiteral("refunds_count"), day.refundsCount},
                                   {QStringLiteral("gross_fen"), day.gross.fen()},
                                   {QStringLiteral("refunds_fen"), day.refunds.fen()},
                                   {QStringLiteral("net_fen"), day.net.fen()},
                                   {QStringLiteral("tax_fen"), day.tax.fen()}});
        out << day.date.toString(Qt::ISODate) << qSetFieldWidth(8) << day.salesCount << qSetFieldWidth(9)
            << day.refundsCount << qSetFieldWidth(14) << yuan(day.gross) << yuan(day.refunds) << yuan(day.net)
            << yuan(day.tax) << qSetFieldWidth(0) << '\n';
    }
    out << "total     " << qSetFieldWidth(8) << sum.salesCount << qSetFieldWidth(9) << sum.refundsCount
        << qSetFieldWidth(14) << yuan(sum.gross) << yuan(sum.refunds) << yuan(sum.net) << yuan(sum.tax)
        << qSetFieldWidth(0) << '\n';
    result.insert(QStringLiteral("days"), dayRows);
    result.insert(QStringLiteral("totals"), QJsonObject{{QStringLiteral("sales_count"), sum.salesCount},
                                                        {QStringLiteral("refunds_count"), sum.refundsCount},
                                                        {QStringLiteral("gross_fen"), sum.gross.fen()},
                                                        {QStringLiteral("refunds_fen"), sum.refunds.fen()},
                                                        {QStringLiteral("net_fen"), sum.net.fen()},
                                                        {QStringLiteral("tax_fen"), sum.tax.fen()}});

    out << "\nBy tender (net, refunds included)\n";
    QJsonArray tenderRows;
    for (const storage::TenderTotals& tender : tenders.value()) {
        tenderRows.append(QJsonObject{{QStringLiteral("kind"), tenderKindKey(tender.kind)},
                                      {QStringLiteral("tender_count"), tender.tenderCount},
                                      {QStringLiteral("amount_fen"), tender.amount.fen()}});
        out << "  " << tenderKindKey(tender.kind).leftJustified(6) << qSetFieldWidth(10) << tender.tenderCount
            << qSetFieldWidth(16) << yuan(tender.amount) << qSetFieldWidth(0) << '\n';
    }
    result.insert(QStringLiteral("by_tender"), tenderRows);

    out << "\nBy hour\n";
    QJsonArray hourRows;
    for (const storage::HourTotals& hour : hours.value()) {
        hourRows.append(QJsonObject{{QStringLiteral("hour"), hour.hour},
                                    {QStringLiteral("tender_count"), hour.tenderCount},
                                    {QStringLiteral("amount_fen"), hour.amount.fen()}});
        out << "  " << QStringLiteral("%1:00").arg(hour.hour, 2, 10, QLatin1Char('0')) << qSetFieldWidth(10)
            << hour.tenderCount << qSetFieldWidth(16) << yuan(hour.amount) << qSetFieldWidth(0) << '\n';
    }
    result.insert(QStringLiteral("by_hour"), hourRows);

    out << "\nBy cashier\n";
    QJsonArray cashierRows;
    for (const storage::CashierTotals& cashier : cashiers.value()) {
        cashierRows.append(QJsonObject{{QStringLiteral("cashier_id"), cashier.cashierId},
                                       {QStringLiteral("name"), cashier.displayName},
                                       {QStringLiteral("tender_count"), cashier.tenderCount},
                                       {QStringLiteral("amount_fen"), cashier.amount.fen()}});
        out << "  " << QString::number(cashier.cashierId).rightJustified(4) << ' '
            << cashier.displayName.leftJustified(10) << qSetFieldWidth(10) << cashier.tenderCount
            << qSetFieldWidth(16) << yuan(cashier.amount) << qSetFieldWidth(0) << '\n';
    }
    result.insert(QStringLiteral("by_cashier"), cashierRows);

    out << "\nTop 20 products (net)\n";
    QJsonArray productRows;
    for (const storage::ProductTotals& product : products.value()) {
        productRows.append(QJsonObject{{QStringLiteral("product_id"), product.productId},
                                       {QStringLiteral("code"), product.code},
                                       {QStringLiteral("name"), product.name},
                                       {QStringLiteral("quantity_milli"), product.quantityMilli},
                                       {QStringLiteral("amount_fen"), product.amount.fen()},
                                       {QStringLiteral("line_count"), product.lineCount}});
        out << "  " << product.code.leftJustified(8) << product.name.leftJustified(10) << qSetFieldWidth(12)
            << QString::number(product.quantityMilli / 1000.0, 'f', 3) << qSetFieldWidth(16)
            << yuan(product.amount) << qSetFieldWidth(0) << '\n';
    }
    result.insert(QStringLiteral("top_products"), productRows);

    out << "\nBy category (net)\n";
    QJsonArray categoryRows;
    for (const storage::CategoryTotals& category : categories.value()) {
        categoryRows.append(
            QJsonObject{{QStringLiteral("category_id"),
                         category.categoryId ? QJsonValue(*category.categoryId) : QJsonValue()},
                        {QStringLiteral("name"), category.name},
                        {QStringLiteral("quantity_milli"), category.quantityMilli},
                        {QStringLiteral("amount_fen"), category.amount.fen()},
                        {QStringLiteral("line_count"), category.lineCount}});
        out << "  " << (category.categoryId ? category.name : QStringLiteral("-")).leftJustified(10)
            << qSetFieldWidth(10) << category.lineCount << qSetFieldWidth(16) << yuan(category.amount)
            << qSetFieldWidth(0) << '\n';
    }
    result.insert(QStringLiteral("by_category"), categoryRows);
    out.flush();
    text.chop(1); // succeed() adds the final newline
    return context.succeed(result, text);
}

// The actions of pos-tool ledger. Adding one: write its run function, add its row.
constexpr CommandAction ledgerActions[] = {
    {"init", "Create a ledger database (or upgrade an older one)", &runInit},
    {"backup", "Back up a ledger into one checked file (online backup)", &runBackup},
    {"restore", "Replace a ledger by a checked backup, keeping the old file", &runRestore},
    {"verify", "Check every ledger invariant, read-only (exit 1 when one fails)", &runVerify},
    {"generate", "Create a synthetic shop ledger for tests and benchmarks", &runGenerate},
    {"report", "Print the reports of a period, read-only", &runReport},
};

void printUsage(QTextStream& stream, const QString& program)
{
    stream << "Usage: " << program << " <action> [options] [--json]\n\nActions:\n";
    for (const CommandAction& action : ledgerActions)
        stream << "  " << QString::fromLatin1(action.name).leftJustified(10) << action.summary << '\n';
    stream << "\nExit codes: 0 success, 1 failed or found bad, 2 usage error.\n";
}

} // namespace

int LedgerCommand::run(const QStringList& arguments, CommandIo& io)
{
    return dispatchAction(arguments, io, QStringLiteral("pos-tool ledger"), ledgerActions, &printUsage);
}

} // namespace cli
} // namespace pos
