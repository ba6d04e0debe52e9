// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
// ledger-report-bench: opening and reporting on a big ledger (default 1,000,000 sales over 365 days).
// The ledger is made once by pos-tool ledger generate (the same code, run in-process) with a fixed seed and
// end date, and kept next to the build (build/release/bench-ledger-1m.db): a later run reuses it when it
// holds exactly the expected sales over the expected days, so repeated runs are fast. Then, each measured
// --runs times after warm-up runs (median, min, max in ms):
//   open_ledger        Ledger::open of the existing file (open, settings read back, schema check): the POS's
//                      start, on a fresh connection each time;
//   open_reader        a read-only SqliteDatabase::open + applyLedgerSettings + Migrator::checkCompatible;
//   day_z_report       one day: day totals, by tender, by hour, by cashier and the X/Z totals of its shifts;
//   month_tender_hour  one calendar month by tender and by hour;
//   month_top_products the month's 20 best sellers;
//   month_by_category, month_day_totals (for information).
// The OS file cache cannot be dropped here: every figure is with a warm file cache (the ledger was just read
// or written). Prints one compact JSON object per line on stdout and a human summary on stderr. Never asserts
// timings. Exit codes: 0 done, 1 generation, open or a report failed, 2 usage.
#include "BenchSupport.h"
#include "cli/LedgerCommand.h"
#include "storage/Ledger.h"
#include "storage/LedgerReports.h"
#include "storage/Migrator.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

namespace pos {
namespace bench {
namespace {

using storage::Ledger;
using storage::LedgerReports;
using storage::Migrator;
using storage::SqliteDatabase;

constexpr int exitFailure = 1;
constexpr int exitUsage = 2;
constexpr double goalMsMax = 50.0;

bool failed(const Error& error, const QString& what)
{
    std::fprintf(stderr, "ledger-report-bench: %s failed: %s (%s)\n", qPrintable(what),
                 qPrintable(error.userMessage), qPrintable(error.detail));
    return false;
}

struct Options
{
    bool helpShown = false;
    QString db;
    qint64 sales = 1'000'000;
    int days = 365;
    QDate end{2026, 11, 21};
    QString seed = QStringLiteral("20261122");
    int runs = 15;
    int warmup = 2;
};

std::optional<Options> parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates (once, then reuses) a big synthetic ledger and times opening it and its reports; "
        "prints JSON lines."));
    const QCommandLineOption salesOption(QStringLiteral("sales"),
                                         QStringLiteral("Sales in the ledger (default 1000000)."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
                                        QStringLiteral("Business days (default 365)."), QStringLiteral("D"),
                                        QStringLiteral("365"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral(
            "The ledger file (default: bench-ledger-<N>.db in the build folder; made when missing or "
            "of another size)."),
        QStringLiteral("FILE"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Measured runs each (default 15)."),
                                        QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"),
                                          QStringLiteral("Unmeasured warm-up runs each (default 2)."),
                                          QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addOptions({salesOption, daysOption, dbOption, runsOption, warmupOption});
    Options options;
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "ledger-report-bench: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        options.helpShown = true;
        return options;
    }
    bool salesOk = false;
    bool daysOk = false;
    bool runsOk = false;
    bool warmupOk = false;
    options.sales = parser.value(salesOption).toLongLong(&salesOk);
    options.days = parser.value(daysOption).toInt(&daysOk);
    options.runs = parser.value(runsOption).toInt(&runsOk);
    options.warmup = parser.value(warmupOption).toInt(&warmupOk);
    if (!salesOk || options.sales < 1 || !daysOk || options.days < 31 || !runsOk || options.runs < 1 ||
        !warmupOk || options.warmup < 0) {
        std::fprintf(stderr,
                     "ledger-report-bench: --sales needs an integer >= 1, --days one >= 31, --runs one >= 1 "
                     "and --warmup one >= 0\n");
        return std::nullopt;
    }
    const QString name = options.sales == 1'000'000 ? QStringLiteral("bench-ledger-1m.db")
                                                    : QStringLiteral("bench-ledger-%1.db").arg(options.sales);
    options.db =
        parser.isSet(dbOption)
            ? parser.value(dbOption)
            : QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../") + name);
    options.db = QFileInfo(options.db).absoluteFilePath();
    return options;
}

std::unique_ptr<SqliteDatabase> openReader(const QString& path)
{
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened) {
        failed(opened.error(), QStringLiteral("open %1").arg(path));
        return nullptr;
    }
    if (const Result<> configured = opened.value()->applyLedgerSettings(); !configured) {
        failed(configured.error(), QStringLiteral("configure %1").arg(path));
        return nullptr;
    }
    return std::move(opened).value();
}

// True when path is a current ledger with exactly the sales and the business days asked for.
bool isReusable(const Options& options)
{
    if (!QFileInfo::exists(options.db))
        return false;
    auto opened = SqliteDatabase::open(options.db, SqliteDatabase::Access::ReadOnly,
                                       SqliteDatabase::Creation::MustExist);
    if (!opened || !opened.value()->applyLedgerSettings() ||
        !Migrator::checkCompatible(*opened.value(), Migrator::ledgerMigrations()))
        return false;
    const Result<qint64> sales =
        opened.value()->queryInt64(QStringLiteral("SELECT count(*) FROM sales WHERE kind = 'sale'"));
    const Result<QString> first =
        opened.value()->queryText(QStringLiteral("SELECT min(business_date) FROM sales"));
    const Result<QString> last =
        opened.value()->queryText(QStringLiteral("SELECT max(business_date) FROM sales"));
    return sales && first && last && sales.value() == options.sales &&
           first.value() == options.end.addDays(1 - options.days).toString(Qt::ISODate) &&
           last.value() == options.end.toString(Qt::ISODate);
}

void removeLedgerFiles(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

// Makes the ledger with pos-tool ledger generate (in-process) into a temporary name, then renames it, so that
// an interrupted generation never leaves a file that looks reusable. Returns the generator's JSON, or
// nothing.
std::optional<QJsonObject> generate(const Options& options)
{
    const QString partial = options.db + QStringLiteral(".partial");
    removeLedgerFiles(partial);
    removeLedgerFiles(options.db);
    QString output;
    QTextStream out(&output);
    QTextStream err(stderr);
    cli::CommandIo io{out, err};
    std::fprintf(stderr,
                 "ledger-report-bench: generating %lld sales over %d days into %s (cached for later runs)\n",
                 options.sales, options.days, qPrintable(options.db));
    const int exitCode = cli::LedgerCommand().run(
        {QStringLiteral("pos-tool ledger"), QStringLiteral("generate"), QStringLiteral("--db"), partial,
         QStringLiteral("--sales"), QString::number(options.sales), QStringLiteral("--days"),
         QString::number(options.days), QStringLiteral("--end"), options.end.toString(Qt::ISODate),
         QStringLiteral("--seed"), options.seed, QStringLiteral("--json")},
        io);
    out.flush();
    err.flush();
    const QJsonObject result = QJsonDocument::fromJson(output.toUtf8()).object();
    if (exitCode != 0 || !result.value(QStringLiteral("ok")).toBool()) {
        std::fprintf(stderr, "ledger-report-bench: generation failed (exit %d): %s\n", exitCode,
                     qPrintable(output));
        return std::nullopt;
    }
    if (!QFile::rename(partial, options.db)) {
        std::fprintf(stderr, "ledger-report-bench: cannot rename %s to %s\n", qPrintable(partial),
                     qPrintable(options.db));
        return std::nullopt;
    }
    removeLedgerFiles(partial);
    return result;
}

struct Measurement
{
    QString subject;
    bool hasGoal = true;
    std::function<bool()> run;
};

int run(const QStringList& arguments)
{
    const std::optional<Options> options = parseOptions(arguments);
    if (!options)
        return exitUsage;
    if (options->helpShown)
        return 0;

    const bool reused = isReusable(*options);
    double generationSeconds = 0.0;
    if (!reused) {
        const std::optional<QJsonObject> generated = generate(*options);
        if (!generated)
            return exitFailure;
        generationSeconds = generated->value(QStringLiteral("seconds")).toDouble();
    }
    printJsonLine(
        {{QStringLiteral("bench"), QStringLiteral("ledger-report")},
         {QStringLiteral("subject"), QStringLiteral("ledger")},
         {QStringLiteral("sales"), options->sales},
         {QStringLiteral("days"), options->days},
         {QStringLiteral("db_bytes"), QFileInfo(options->db).size()},
         {QStringLiteral("reused"), reused},
         {QStringLiteral("generate_seconds"), reused ? QJsonValue() : QJsonValue(generationSeconds)},
         {QStringLiteral("file_cache"), QStringLiteral("warm")}});

    std::unique_ptr<SqliteDatabase> reader = openReader(options->db);
    if (!reader)
        return exitFailure;
    LedgerReports reports(*reader);
    // The last full calendar month before the end, and its 15th for the day report.
    const QDate monthStart = QDate(options->end.year(), options->end.month(), 1).addMonths(-1);
    const QDate monthEnd = monthStart.addMonths(1).addDays(-1);
    const QDate day = monthStart.addDays(14);
    QList<qint64> shiftsOfDay;
    {
        const Result<storage::SqliteStatement*> shifts = reader->prepare(
            QStringLiteral("SELECT id FROM shifts WHERE opened_ms BETWEEN ? AND ? ORDER BY id"));
        if (!shifts) {
            failed(shifts.error(), QStringLiteral("shifts of the day"));
            return exitFailure;
        }
        shifts.value()
            ->bind(1, QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch())
            .bind(2, QDateTime(day.addDays(1), QTime(0, 0)).toMSecsSinceEpoch() - 1);
        for (Result<bool> row = shifts.value()->step(); row && row.value(); row = shifts.value()->step())
            shiftsOfDay.append(shifts.value()->int64(0));
        shifts.value()->reset();
    }
    std::fprintf(stderr,
                 "ledger-report-bench: day %s (%lld shifts), month %s .. %s, %d warm-up + %d runs each\n",
                 qPrintable(day.toString(Qt::ISODate)), static_cast<long long>(shiftsOfDay.size()),
                 qPrintable(monthStart.toString(Qt::ISODate)), qPrintable(monthEnd.toString(Qt::ISODate)),
                 options->warmup, options->runs);

    const QString path = options->db;
    const QList<Measurement> measurements = {
        {QStringLiteral("open_ledger"), true,
         [&path] {
             auto opened = Ledger::open(path, Ledger::Creation::MustExist);
             return opened ? true : failed(opened.error(), QStringLiteral("Ledger::open"));
         }},
        {QStringLiteral("open_reader"), true,
         [&path] {
             std::unique_ptr<SqliteDatabase> database = openReader(path);
             if (!database)
                 return false;
             const Result<> compatible = Migrator::checkCompatible(*database, Migrator::ledgerMigrations());
             return compatible ? true : failed(compatible.error(), QStringLiteral("checkCompatible"));
         }},
        {QStringLiteral("day_z_report"), true,
         [&] {
             if (!reports.dayTotals(day, day) || !reports.byTender(day, day) || !reports.byHour(day, day) ||
                 !reports.byCashier(day, day))
                 return false;
             for (qint64 shift : shiftsOfDay) {
                 if (!reports.shiftTotals(shift))
                     return false;
             }
             return true;
         }},
        {QStringLiteral("month_tender_hour"), true,
         [&] { return reports.byTender(monthStart, monthEnd) && reports.byHour(monthStart, monthEnd); }},
        {QStringLiteral("month_top_products"), true,
         [&] { return reports.topProducts(monthStart, monthEnd, 20).hasValue(); }},
        {QStringLiteral("month_by_category"), false,
         [&] { return reports.byCategory(monthStart, monthEnd).hasValue(); }},
        {QStringLiteral("month_day_totals"), false,
         [&] { return reports.dayTotals(monthStart, monthEnd).hasValue(); }},
    };
    for (const Measurement& measurement : measurements) {
        QList<double> samples;
        for (int i = 0; i < options->warmup + options->runs; ++i) {
            const auto started = std::chrono::steady_clock::now();
            if (!measurement.run()) {
                std::fprintf(stderr, "ledger-report-bench: %s failed\n", qPrintable(measurement.subject));
                return exitFailure;
            }
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            if (i >= options->warmup)
                samples.append(ms);
        }
        const double medianMs = median(samples);
        QJsonObject line{
            {QStringLiteral("bench"), QStringLiteral("ledger-report")},
            {QStringLiteral("subject"), measurement.subject},
            {QStringLiteral("runs"), options->runs},
            {QStringLiteral("median_ms"), roundTo(medianMs, 2)},
            {QStringLiteral("min_ms"), roundTo(*std::min_element(samples.cbegin(), samples.cend()), 2)},
            {QStringLiteral("max_ms"), roundTo(*std::max_element(samples.cbegin(), samples.cend()), 2)}};
        if (measurement.hasGoal)
            line.insert(QStringLiteral("goal_ms_max"), goalMsMax);
        printJsonLine(line);
        std::fprintf(stderr, "  %-19s median %8.2f ms%s\n", qPrintable(measurement.subject), medianMs,
                     measurement.hasGoal
                         ? (medianMs <= goalMsMax ? "  (goal <= 50 ms)" : "  (goal <= 50 ms: over)")
                         : "");
    }
    return 0;
}

} // namespace
} // namespace bench
} // namespace pos

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ledger-report-bench"));
    return pos::bench::run(QCoreApplication::arguments());
}
