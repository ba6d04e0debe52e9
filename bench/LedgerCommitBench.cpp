// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
// ledger-commit-bench: the durable commit of a sale, against the bare cost of a durable SQLite commit.
//   sale:     Ledger::recordSale of a 5-line sale paid by one card tender whose card payment was approved
//             beforehand (beginCardPayment + completeCardPayment, not timed): one business event, one
//             transaction, one WAL sync.
//   baseline: BEGIN IMMEDIATE; one single-row INSERT into a scratch table; COMMIT, on a second database file
//             in the same directory with the ledger's settings (WAL, synchronous=FULL, ...).
//   card_flow (for information): beginCardPayment + completeCardPayment + recordSale timed together, the
//             three durable commits of a card sale as the till makes them (without the host round trip).
// The subjects run alternately after unmeasured warm-up iterations. Prints one compact JSON object per line
// on stdout (one per subject, then the ratios) and a human summary on stderr. Never asserts timings.
// Exit codes: 0 done, 1 the ledger or the scratch database failed, 2 usage.
#include "BenchSupport.h"
#include "storage/Ledger.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

namespace pos {
namespace bench {
namespace {

using storage::Ledger;
using storage::SqliteDatabase;

constexpr int exitFailure = 1;
constexpr int exitUsage = 2;
constexpr double goalRatioMax = 1.5;
constexpr qint64 t0 = 1'795'000'000'000;

bool report(const Error& error, const char* what)
{
    std::fprintf(stderr, "ledger-commit-bench: %s failed: %s (%s)\n", what, qPrintable(error.userMessage),
                 qPrintable(error.detail));
    return false;
}

// A shop with a cashier, an open shift, five products and a terminal identity.
class Shop final
{
public:
    bool setUp(const QString& path)
    {
        auto opened = Ledger::open(path, Ledger::Creation::CreateIfMissing);
        if (!opened)
            return report(opened.error(), "Ledger::open");
        m_ledger = std::move(opened).value();
        const Result<qint64> cashier =
            m_ledger->addUser({QStringLiteral("wang"), QStringLiteral("王芳"), UserRole::Cashier,
                               QByteArray(32, '\x01'), QByteArray(16, '\x02'), QStringLiteral("bench")},
                              t0);
        if (!cashier)
            return report(cashier.error(), "addUser");
        m_cashier = cashier.value();
        const Result<qint64> shift = m_ledger->openShift(m_cashier, Money::fromFen(50000), t0);
        if (!shift)
            return report(shift.error(), "openShift");
        m_shift = shift.value();
        if (const Result<> identity = m_ledger->setTerminalIdentity(QStringLiteral("12345678"),
                                                                    QStringLiteral("123456789012345"), t0);
            !identity)
            return report(identity.error(), "setTerminalIdentity");
        const qint64 prices[] = {350, 1280, 2990, 800, 4500};
        for (int i = 0; i < 5; ++i) {
            NewProduct product;
            product.code = QStringLiteral("69000%1").arg(i);
            product.name = QStringLiteral("商品%1").arg(i + 1, 5, 10, QLatin1Char('0'));
            product.price = Money::fromFen(prices[i]);
            product.stockMilli = 100'000'000;
            const Result<qint64> id = m_ledger->addProduct(product, t0);
            if (!id)
                return report(id.error(), "addProduct");
            m_lines.append({id.value(), product.name, 1000 * (1 + i % 2), product.price, Money(), 1300});
            m_total += product.price.times(m_lines.last().quantityMilli, Rounding::HalfUp);
        }
        return true;
    }

    std::optional<qint64> approvedCard(qint64 ms)
    {
        CardIntentInput intent;
        intent.amount = m_total;
        intent.panMasked = QStringLiteral("622848******1234");
        intent.panHmac = QByteArray(32, '\x5a');
        intent.panHmacKeyId = 1;
        intent.cardOrganisation = QStringLiteral("CUP");
        intent.entryMode = QStringLiteral("contactless");
        intent.createdMs = ms;
        const Result<CardIntent> begun = m_ledger->beginCardPayment(intent);
        if (!begun) {
            report(begun.error(), "beginCardPayment");
            return std::nullopt;
        }
        const Result<> completed = m_ledger->completeCardPayment(
            begun.value().paymentId, {true, QStringLiteral("00"), QStringLiteral("123456789012"),
                                      QStringLiteral("654321"), false, ms + 1500});
        if (!completed) {
            report(completed.error(), "completeCardPayment");
            return std::nullopt;
        }
        return begun.value().paymentId;
    }

    bool sell(qint64 paymentId, qint64 ms)
    {
        SaleInput sale;
        sale.shiftId = m_shift;
        sale.cashierId = m_cashier;
        sale.lines = m_lines;
        sale.tenders = {{TenderKind::Card, m_total, Money(), paymentId, std::nullopt}};
        sale.createdMs = ms;
        const Result<RecordedSale> recorded = m_ledger->recordSale(sale);
        return recorded ? true : report(recorded.error(), "recordSale");
    }

private:
    std::unique_ptr<Ledger> m_ledger;
    qint64 m_cashier = 0;
    qint64 m_shift = 0;
    QList<SaleLineInput> m_lines;
    Money m_total;
};

// The baseline: a second database in the same directory, configured like the ledger.
class Scratch final
{
public:
    bool setUp(const QString& path)
    {
        auto opened = SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                                           SqliteDatabase::Creation::CreateIfMissing);
        if (!opened)
            return report(opened.error(), "open scratch database");
        m_database = std::move(opened).value();
        if (const Result<> configured = m_database->applyLedgerSettings(); !configured)
            return report(configured.error(), "configure scratch database");
        if (const Result<> created =
                m_database->execute(QStringLiteral("CREATE TABLE scratch (id INTEGER PRIMARY KEY, created_ms "
                                                   "INTEGER NOT NULL, note TEXT NOT NULL)"));
            !created)
            return report(created.error(), "create scratch table");
        return true;
    }

    bool insertAndCommit(qint64 ms)
    {
        if (const Result<> begun = m_database->execute(QStringLiteral("BEGIN IMMEDIATE")); !begun)
            return report(begun.error(), "BEGIN");
        const Result<storage::SqliteStatement*> insert =
            m_database->prepare(QStringLiteral("INSERT INTO scratch (created_ms, note) VALUES (?, ?)"));
        if (!insert)
            return report(insert.error(), "prepare INSERT");
        insert.value()->bind(1, ms).bind(2, QStringLiteral("one row"));
        if (const Result<> ran = insert.value()->run(); !ran)
            return report(ran.error(), "INSERT");
        if (const Result<> committed = m_database->execute(QStringLiteral("COMMIT")); !committed)
            return report(committed.error(), "COMMIT");
        return true;
    }

private:
    std::unique_ptr<SqliteDatabase> m_database;
};

struct Options
{
    bool helpShown = false;
    QString directory;
    int runs = 200;
    int warmup = 20;
};

std::optional<Options> parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times the durable commit of a 5-line card sale against a bare single-row INSERT + COMMIT "
        "with the same SQLite settings; prints JSON lines."));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Measured iterations (default 200)."),
                                        QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"),
                                          QStringLiteral("Unmeasured warm-up iterations (default 20)."),
                                          QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"),
        QStringLiteral(
            "Folder for the two database files (default: a temporary folder in the build tree, on the "
            "same disk as the build)."),
        QStringLiteral("DIR"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addOptions({runsOption, warmupOption, dirOption});
    Options options;
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "ledger-commit-bench: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        options.helpShown = true;
        return options;
    }
    bool runsOk = false;
    bool warmupOk = false;
    options.runs = parser.value(runsOption).toInt(&runsOk);
    options.warmup = parser.value(warmupOption).toInt(&warmupOk);
    if (!runsOk || options.runs < 1 || !warmupOk || options.warmup < 0) {
        std::fprintf(stderr, "ledger-commit-bench: --runs needs an integer >= 1 and --warmup one >= 0\n");
        return std::nullopt;
    }
    options.directory = parser.value(dirOption);
    return options;
}

struct Summary
{
    QString subject;
    double medianMs = 0.0;
    double minMs = 0.0;
    double maxMs = 0.0;
};

Summary summarize(const QString& subject, const QList<double>& samples)
{
    return {subject, median(samples), *std::min_element(samples.cbegin(), samples.cend()),
            *std::max_element(samples.cbegin(), samples.cend())};
}

int run(const QStringList& arguments)
{
    const std::optional<Options> options = parseOptions(arguments);
    if (!options)
        return exitUsage;
    if (options->helpShown)
        return 0;
    const QString parent =
        options->directory.isEmpty()
            ? QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral(".."))
            : options->directory;
    QTemporaryDir directory(QDir(parent).filePath(QStringLiteral("ledger-commit-bench-XXXXXX")));
    if (!directory.isValid()) {
        std::fprintf(stderr, "ledger-commit-bench: cannot create a folder in %s: %s\n", qPrintable(parent),
                     qPrintable(directory.errorString()));
        return exitFailure;
    }
    Shop shop;
    Scratch scratch;
    if (!shop.setUp(directory.filePath(QStringLiteral("pos.db"))) ||
        !scratch.setUp(directory.filePath(QStringLiteral("scratch.db"))))
        return exitFailure;

    std::fprintf(stderr,
                 "ledger-commit-bench: %d warm-up + %d measured iterations, alternating sale, baseline and "
                 "card flow, in %s\n",
                 options->warmup, options->runs, qPrintable(QFileInfo(directory.path()).absoluteFilePath()));
    QList<double> sale;
    QList<double> baseline;
    QList<double> cardFlow;
    qint64 ms = t0 + 60'000;
    for (int i = 0; i < options->warmup + options->runs; ++i) {
        const bool measured = i >= options->warmup;
        ms += 10'000;
        const std::optional<qint64> approved = shop.approvedCard(ms - 3000); // not timed
        if (!approved)
            return exitFailure;
        auto started = std::chrono::steady_clock::now();
        if (!shop.sell(*approved, ms))
            return exitFailure;
        if (measured)
            sale.append(elapsedMs(started));

        started = std::chrono::steady_clock::now();
        if (!scratch.insertAndCommit(ms))
            return exitFailure;
        if (measured)
            baseline.append(elapsedMs(started));

        ms += 10'000;
        started = std::chrono::steady_clock::now();
        const std::optional<qint64> paid = shop.approvedCard(ms - 3000);
        if (!paid || !shop.sell(*paid, ms))
            return exitFailure;
        if (measured)
            cardFlow.append(elapsedMs(started));
    }

    const QList<Summary> summaries = {summarize(QStringLiteral("record_sale_5_lines_card"), sale),
                                      summarize(QStringLiteral("baseline_insert_commit"), baseline),
                                      summarize(QStringLiteral("card_flow_3_commits"), cardFlow)};
    for (const Summary& summary : summaries) {
        printJsonLine({{QStringLiteral("bench"), QStringLiteral("ledger-commit")},
                       {QStringLiteral("subject"), summary.subject},
                       {QStringLiteral("runs"), options->runs},
                       {QStringLiteral("median_ms"), roundTo(summary.medianMs, 3)},
                       {QStringLiteral("min_ms"), roundTo(summary.minMs, 3)},
                       {QStringLiteral("max_ms"), roundTo(summary.maxMs, 3)}});
        std::fprintf(stderr, "  %-26s median %8.3f ms (min %.3f, max %.3f)\n", qPrintable(summary.subject),
                     summary.medianMs, summary.minMs, summary.maxMs);
    }
    const double ratio = summaries.at(0).medianMs / summaries.at(1).medianMs;
    const double flowRatio = summaries.at(2).medianMs / summaries.at(1).medianMs;
    printJsonLine({{QStringLiteral("bench"), QStringLiteral("ledger-commit")},
                   {QStringLiteral("ratio_median_ms"), roundTo(ratio, 2)},
                   {QStringLiteral("ratio_card_flow_median_ms"), roundTo(flowRatio, 2)},
                   {QStringLiteral("goal_ratio_max"), goalRatioMax}});
    std::fprintf(stderr,
                 "  sale / baseline: %.2fx (goal <= %.1fx); card flow (3 commits) / baseline: %.2fx\n", ratio,
                 goalRatioMax, flowRatio);
    return 0;
}

} // namespace
} // namespace bench
} // namespace pos

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ledger-commit-bench"));
    return pos::bench::run(QCoreApplication::arguments());
}
