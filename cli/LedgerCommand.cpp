// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/LedgerCommand.h"

#include "storage/Ledger.h"
#include "storage/LedgerBackup.h"
#include "storage/LedgerReports.h"
#include "storage/LedgerVerifier.h"
#include "storage/Migrator.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
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
#include <random>

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

// The command line and the output of one ledger action. Every action prints exactly one result: with
// --json one JSON object on out ({"ok": true, ...} or {"ok": false, "error", "code", "detail", ...}),
// otherwise text (success on out, failure on err). Usage errors go to err as text and exit 2.
class ActionContext final
{
public:
    ActionContext(const QString& description, CommandIo& io)
        : m_io(io)
        , m_json(QStringLiteral("json"), QStringLiteral("Print one JSON object."))
    {
        m_parser.setApplicationDescription(description);
        m_parser.addOption(m_json);
        m_parser.addHelpOption();
    }

    // Parses arguments (arguments[0] is the program name) with options, each of which must be given with a
    // non-empty value. Returns std::nullopt to go on, or the exit code to return at once (0 after --help).
    std::optional<int> parse(const QStringList& arguments, const QList<QCommandLineOption>& required)
    {
        for (const QCommandLineOption& option : required)
            m_parser.addOption(option);
        if (!m_parser.parse(arguments))
            return usageError(m_parser.errorText());
        if (m_parser.isSet(QStringLiteral("help"))) {
            m_io.out << m_parser.helpText();
            return 0;
        }
        if (!m_parser.positionalArguments().isEmpty())
            return usageError(
                QStringLiteral("unexpected argument '%1'").arg(m_parser.positionalArguments().first()));
        for (const QCommandLineOption& option : required) {
            if (m_parser.value(option).isEmpty())
                return usageError(
                    QStringLiteral("missing --%1 %2").arg(option.names().first(), option.valueName()));
        }
        return std::nullopt;
    }

    QString value(const QCommandLineOption& option) const { return m_parser.value(option); }
    // Options that may be left out (add them before parse()), and a usage error found after parse().
    void addOptional(const QList<QCommandLineOption>& options) { m_parser.addOptions(options); }
    bool isSet(const QCommandLineOption& option) const { return m_parser.isSet(option); }
    int badUsage(const QString& message) { return usageError(message); }

    int succeed(QJsonObject details, const QString& text)
    {
        if (m_parser.isSet(m_json)) {
            details.insert(QStringLiteral("ok"), true);
            m_io.out << QJsonDocument(details).toJson(QJsonDocument::Compact) << '\n';
        } else {
            m_io.out << text << '\n';
        }
        return 0;
    }

    int failed(const Error& error, QJsonObject details = {})
    {
        if (m_parser.isSet(m_json)) {
            details.insert(QStringLiteral("ok"), false);
            details.insert(QStringLiteral("error"), error.userMessage);
            details.insert(QStringLiteral("code"), errorCodeName(error.code));
            details.insert(QStringLiteral("detail"), error.detail);
            m_io.out << QJsonDocument(details).toJson(QJsonDocument::Compact) << '\n';
        } else {
            m_io.err << error.userMessage << '\n'
                     << "  (" << errorCodeName(error.code) << ": " << error.detail << ")\n";
        }
        return 1;
    }

private:
    int usageError(const QString& message)
    {
        m_io.err << message << "\n\n" << m_parser.helpText();
        return 2;
    }

    CommandIo& m_io;
    QCommandLineParser m_parser;
    QCommandLineOption m_json;
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

// ledger generate: a synthetic but realistic shop ledger, written through the real Ledger API so that every
// invariant pos-tool ledger verify checks holds. Deterministic for a given seed (and time zone: business days
// are local days). Where the Ledger has no API yet, the generator writes the rows itself inside the same
// outer transaction, exactly as the missing API would have to:
//   - categories (no addCategory): INSERT INTO categories;
//   - QR payments (no QR payment API yet): a qr_payments row in state 'paid' ('pay', or 'refund' pointing at
//     the original payment), which recordSale/recordRefund then link to their tender;
// Voids are not generated: the Ledger has no API to void a sale. No cash movements either (no API).
struct GeneratorOptions
{
    QString path;
    qint64 sales = 0;
    int days = 0;
    QDate end;
    quint64 seed = 0;
};

// Deterministic on every platform: std::mt19937_64's output is fixed by the standard, and everything derived
// from it here is integer arithmetic (the standard distributions are not portable).
class GeneratorRandom final
{
public:
    explicit GeneratorRandom(quint64 seed) : m_engine(seed) {}
    qint64 below(qint64 n) { return n <= 1 ? 0 : static_cast<qint64>(m_engine() % static_cast<quint64>(n)); }
    qint64 between(qint64 low, qint64 high) { return low + below(high - low + 1); }
    bool chance(int perTenThousand) { return below(10000) < perTenThousand; }
    // An index into weights, with probability proportional to its weight.
    int weighted(const QList<int>& weights)
    {
        int total = 0;
        for (int weight : weights)
            total += weight;
        qint64 pick = below(total);
        for (int i = 0; i < weights.size(); ++i) {
            if (pick < weights.at(i))
                return i;
            pick -= weights.at(i);
        }
        return static_cast<int>(weights.size()) - 1;
    }

private:
    std::mt19937_64 m_engine;
};

struct GeneratedProduct
{
    qint64 id = 0;
    QString name;
    Money price;
    bool byWeight = false;
    int taxRateBp = 1300;
};

struct GeneratedCard
{
    QString panMasked;
    QByteArray panHmac;
    QString organisation;
};

// A recent sale that may still be (partly) refunded.
struct RefundableSale
{
    qint64 saleId = 0;
    TenderKind kind = TenderKind::Cash; // how the largest part was paid: the refund goes back the same way
    qint64 cardPaymentId = 0;
    int card = 0;
    qint64 qrPaymentId = 0;
    QString qrChannel;
};

struct GeneratedShift
{
    qint64 id = 0;
    qint64 cashierId = 0;
    Money openingFloat;
    Money cash;       // net cash tendered
    qint64 endMs = 0; // when the shift closes
};

struct GeneratorStats
{
    qint64 sales = 0;
    qint64 refunds = 0;
    qint64 cardTenders = 0;
    qint64 qrTenders = 0;
    qint64 cashTenders = 0;
    qint64 splitSales = 0;
    qint64 declinedCards = 0;
    qint64 shifts = 0;
    qint64 commits = 0;
};

class LedgerGenerator final
{
public:
    static constexpr int eventsPerCommit = 2000;
    static constexpr int productCount = 20000;
    static constexpr int cashierCount = 5;

    LedgerGenerator(storage::Ledger& ledger, const GeneratorOptions& options)
        : m_ledger(ledger)
        , m_options(options)
        , m_random(options.seed)
        , m_firstDay(options.end.addDays(1 - options.days))
    {}

    Result<> run()
    {
        if (const Result<> set = m_ledger.inOneTransaction([this] { return setUpShop(); }); !set)
            return set;
        ++m_stats.commits;
        planDays();
        while (m_day < m_options.days) {
            const Result<> chunk = m_ledger.inOneTransaction([this]() -> Result<> {
                for (int events = 0; events < eventsPerCommit && m_day < m_options.days;) {
                    const Result<int> done = nextEvent();
                    if (!done)
                        return Failure{done.error()};
                    events += done.value();
                }
                return {};
            });
            if (!chunk)
                return chunk;
            ++m_stats.commits;
        }
        return {};
    }

    const GeneratorStats& stats() const { return m_stats; }
    QDate firstDay() const { return m_firstDay; }

private:
    qint64 localMs(QDate day, int hour, int minute, int second, int ms) const
    {
        return QDateTime(day, QTime(hour, minute, second, ms)).toMSecsSinceEpoch();
    }

    Result<> setUpShop()
    {
        const qint64 t0 = localMs(m_firstDay, 6, 0, 0, 0);
        if (const Result<> identity = m_ledger.setTerminalIdentity(QStringLiteral("10293847"),
                                                                   QStringLiteral("898310048161234"), t0);
            !identity)
            return identity;
        static const char* const cashierNames[cashierCount] = {"王芳", "李娜", "张伟", "刘洋", "陈静"};
        for (int i = 0; i <= cashierCount; ++i) {
            const bool owner = i == cashierCount;
            const QByteArray login =
                owner ? QByteArrayLiteral("owner") : QByteArrayLiteral("cashier") + QByteArray::number(i + 1);
            const NewUser user{QString::fromLatin1(login),
                               owner ? QStringLiteral("赵敏") : QString::fromUtf8(cashierNames[i]),
                               owner ? UserRole::Owner : UserRole::Cashier,
                               QCryptographicHash::hash(QByteArray(QByteArrayLiteral("credential:") + login),
                                                        QCryptographicHash::Sha256),
                               QCryptographicHash::hash(QByteArray(QByteArrayLiteral("salt:") + login),
                                                        QCryptographicHash::Sha256)
                                   .left(16),
                               QStringLiteral("pbkdf2-sha256:600000")};
            const Result<qint64> id = m_ledger.addUser(user, t0);
            if (!id)
                return Failure{id.error()};
            (owner ? m_owner : m_cashiers[i]) = id.value();
        }

        static const char* const categoryNames[] = {
            "饮料", "零食", "乳制品", "粮油", "调味品",   "方便食品", "冷冻食品", "蔬菜",     "水果", "肉禽",
            "水产", "熟食", "烟酒",   "日化", "个人护理", "纸品",     "清洁用品", "母婴",     "文具", "家居",
            "厨具", "烘焙", "糖果",   "茶叶", "咖啡冲饮", "面包",     "宠物用品", "电池电器", "酒水", "其他"};
        constexpr int categoryCount = int(std::size(categoryNames));
        // Fresh food: some products are sold by weight; food is taxed at 9 %, the rest at 13 %.
        const QSet<int> fresh = {7, 8, 9, 10, 11};
        const QSet<int> food = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 21, 22, 23, 24, 25};
        // No Ledger API for categories yet: written directly, in this transaction.
        const Result<storage::SqliteStatement*> category =
            m_ledger.database().prepare(QStringLiteral("INSERT INTO categories (id, name) VALUES (?, ?)"));
        if (!category)
            return Failure{category.error()};
        for (int c = 0; c < categoryCount; ++c) {
            category.value()->reset();
            category.value()->bind(1, c + 1).bind(2, QString::fromUtf8(categoryNames[c]));
            if (const Result<> ran = category.value()->run(); !ran)
                return ran;
        }

        m_products.reserve(productCount);
        for (int i = 1; i <= productCount; ++i) {
            const int c = static_cast<int>(m_random.below(categoryCount));
            const bool byWeight = fresh.contains(c) && m_random.chance(3000);
            // Prices in 10-fen steps: mostly cheap everyday goods, a long tail up to 299.00.
            qint64 priceFen = 0;
            if (byWeight) {
                priceFen = m_random.between(40, 980) * 10; // per kg
            } else {
                const int band = m_random.weighted({68, 22, 7, 3});
                const qint64 bands[][2] = {{10, 200}, {200, 600}, {600, 1500}, {1500, 2990}};
                priceFen = m_random.between(bands[band][0], bands[band][1]) * 10;
            }
            GeneratedProduct product{0, QStringLiteral("商品%1").arg(i, 5, 10, QLatin1Char('0')),
                                     Money::fromFen(priceFen), byWeight, food.contains(c) ? 900 : 1300};
            NewProduct row;
            row.code = QStringLiteral("%1").arg(100000 + i);
            row.name = product.name;
            row.pinyinInitials = QStringLiteral("sp");
            row.categoryId = c + 1;
            row.soldByWeight = byWeight;
            row.price = product.price;
            row.taxRateBp = product.taxRateBp;
            row.stockMilli = byWeight ? 500'000 : 1'000'000;
            const Result<qint64> id = m_ledger.addProduct(row, t0);
            if (!id)
                return Failure{id.error()};
            product.id = id.value();
            // EAN-13 with a Chinese (69x) prefix and its check digit.
            QString barcode =
                QStringLiteral("69%1").arg(10'000'000'000LL + i * 37LL, 10, 10, QLatin1Char('0'));
            int sum = 0;
            for (int d = 0; d < 12; ++d)
                sum += (barcode.at(d).unicode() - '0') * (d % 2 == 0 ? 1 : 3);
            barcode += QChar(u'0' + (10 - sum % 10) % 10);
            if (const Result<> added = m_ledger.addBarcode(barcode, product.id); !added)
                return added;
            m_products.append(product);
        }
        // Popularity: rank r (0 = best seller) maps to a shuffled product, so best sellers span categories.
        m_popularity.resize(productCount);
        for (int i = 0; i < productCount; ++i)
            m_popularity[i] = i;
        for (int i = productCount - 1; i > 0; --i)
            std::swap(m_popularity[i], m_popularity[static_cast<int>(m_random.below(i + 1))]);

        static const char* const prefixes[][2] = {{"622848", "CUP"}, {"622202", "CUP"}, {"621700", "CUP"},
                                                  {"622588", "CUP"}, {"623668", "CUP"}, {"625807", "CUP"},
                                                  {"436742", "VIS"}, {"518710", "MCC"}};
        for (int i = 0; i < 3000; ++i) {
            const int p = m_random.weighted({30, 25, 15, 10, 8, 6, 4, 2});
            const qint64 last4 = m_random.below(10000);
            GeneratedCard card{QStringLiteral("%1******%2")
                                   .arg(QLatin1String(prefixes[p][0]))
                                   .arg(last4, 4, 10, QLatin1Char('0')),
                               // A dummy keyed hash: 32 bytes, never derived from a real card number.
                               QCryptographicHash::hash(
                                   QByteArray(QByteArrayLiteral("generated-card:") + QByteArray::number(i)),
                                   QCryptographicHash::Sha256),
                               QString::fromLatin1(prefixes[p][1])};
            m_cards.append(card);
        }
        return {};
    }

    // How many sales each day gets: weekends are busier, each day varies a little; exactly m_options.sales.
    void planDays()
    {
        QList<qint64> weights;
        qint64 total = 0;
        for (int d = 0; d < m_options.days; ++d) {
            const int dow = m_firstDay.addDays(d).dayOfWeek();
            const qint64 weight = (dow >= 6 ? 130 : dow == 5 ? 112 : 100) * 100 + m_random.between(-900, 900);
            weights.append(weight);
            total += weight;
        }
        qint64 assigned = 0;
        QList<QPair<qint64, int>> remainders;
        for (int d = 0; d < m_options.days; ++d) {
            const qint64 exact = m_options.sales * weights.at(d);
            m_salesPerDay.append(exact / total);
            assigned += exact / total;
            remainders.append({exact % total, d});
        }
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (qint64 i = 0; i < m_options.sales - assigned; ++i)
            ++m_salesPerDay[remainders.at(i).second];
    }

    enum class EventKind { OpenShift, Sale, CloseShift };
    struct Event
    {
        qint64 ms = 0;
        EventKind kind = EventKind::Sale;
        int slot = 0; // the till (0, 1): which of the two cashiers on duty
    };

    // The events of day m_day: two tills, a morning shift (07:00-15:00) and an evening shift (15:00-23:00)
    // with other cashiers each day; sales peak at noon and in the evening.
    void planDay()
    {
        const QDate day = m_firstDay.addDays(m_day);
        static const QList<int> hourWeights = {3, 5, 6,  8,  12, 16, 12, 6,
                                               5, 6, 10, 15, 13, 8,  5,  2}; // 07..22
        QList<Event> sales;
        for (qint64 i = 0; i < m_salesPerDay.at(m_day); ++i) {
            const int hour = 7 + m_random.weighted(hourWeights);
            const qint64 second = m_random.below(3600);
            const qint64 ms = localMs(day, hour, static_cast<int>(second / 60), static_cast<int>(second % 60),
                                      static_cast<int>(m_random.below(1000)));
            sales.append({ms, EventKind::Sale, static_cast<int>(m_random.below(2))});
        }
        std::stable_sort(sales.begin(), sales.end(),
                         [](const Event& a, const Event& b) { return a.ms < b.ms; });
        const qint64 afternoon = localMs(day, 15, 0, 0, 0);
        m_events.clear();
        for (int slot = 0; slot < 2; ++slot)
            m_events.append({localMs(day, 7, 0, 0, 0) - 60'000 + slot, EventKind::OpenShift, slot});
        qsizetype next = 0;
        for (; next < sales.size() && sales.at(next).ms < afternoon; ++next)
            m_events.append(sales.at(next));
        for (int slot = 0; slot < 2; ++slot)
            m_events.append({afternoon + slot, EventKind::CloseShift, slot});
        for (int slot = 0; slot < 2; ++slot)
            m_events.append({afternoon + 10 + slot, EventKind::OpenShift, slot + 2});
        for (; next < sales.size(); ++next) {
            Event evening = sales.at(next);
            evening.slot += 2;
            m_events.append(evening);
        }
        for (int slot = 0; slot < 2; ++slot)
            m_events.append({localMs(day, 23, 0, 0, 0) + slot, EventKind::CloseShift, slot + 2});
        m_nextEvent = 0;
        m_dayPlanned = true;
    }

    // Processes the next event; returns how many business events it recorded.
    Result<int> nextEvent()
    {
        if (!m_dayPlanned)
            planDay();
        const Event event = m_events.at(m_nextEvent++);
        Result<int> done = 1;
        switch (event.kind) {
        case EventKind::OpenShift: done = openShift(event); break;
        case EventKind::CloseShift: done = closeShift(event); break;
        case EventKind::Sale: done = sale(event); break;
        }
        if (m_nextEvent >= m_events.size()) {
            ++m_day;
            m_dayPlanned = false;
        }
        return done;
    }

    Result<int> openShift(const Event& event)
    {
        // Slots 0, 1 in the morning and 2, 3 in the evening: four different cashiers, rotating daily.
        const qint64 cashier = m_cashiers[(m_day + event.slot) % cashierCount];
        const Money openingFloat = Money::fromFen(50000);
        const Result<qint64> shift = m_ledger.openShift(cashier, openingFloat, event.ms);
        if (!shift)
            return Failure{shift.error()};
        const QDate day = m_firstDay.addDays(m_day);
        m_tills[event.slot % 2] = {shift.value(), cashier, openingFloat, Money(),
                                   event.slot < 2 ? localMs(day, 15, 0, 0, 0) : localMs(day, 23, 0, 0, 0)};
        ++m_stats.shifts;
        return 1;
    }

    Result<int> closeShift(const Event& event)
    {
        const GeneratedShift& till = m_tills[event.slot % 2];
        const Money expected = till.openingFloat + till.cash;
        // Now and then the drawer is a few yuan short.
        const Money counted =
            m_random.chance(500) ? expected - Money::fromFen(m_random.between(1, 20) * 100) : expected;
        if (const Result<qint64> z = m_ledger.closeShift(till.id, counted, event.ms); !z)
            return Failure{z.error()};
        return 1;
    }

    Result<qint64> approvedCard(CardTransactionType type,
                                Money amount,
                                int card,
                                std::optional<qint64> original,
                                qint64 ms,
                                bool decline)
    {
        CardIntentInput intent;
        intent.type = type;
        intent.amount = amount;
        intent.panMasked = m_cards.at(card).panMasked;
        intent.panHmac = m_cards.at(card).panHmac;
        intent.panHmacKeyId = 1;
        intent.cardOrganisation = m_cards.at(card).organisation;
        const int mode = m_random.weighted({62, 33, 5});
        intent.entryMode = mode == 0   ? QStringLiteral("contactless")
                           : mode == 1 ? QStringLiteral("chip")
                                       : QStringLiteral("swipe");
        intent.originalPaymentId = original;
        intent.createdMs = ms - 4000;
        const Result<CardIntent> begun = m_ledger.beginCardPayment(intent);
        if (!begun)
            return Failure{begun.error()};
        CardOutcome outcome;
        outcome.approved = !decline;
        outcome.responseCode = decline ? (m_random.chance(5000) ? QStringLiteral("51") : QStringLiteral("55"))
                                       : QStringLiteral("00");
        if (!decline) {
            outcome.rrn = QStringLiteral("%1%2")
                              .arg(m_firstDay.addDays(m_day).dayOfYear(), 3, 10, QLatin1Char('0'))
                              .arg(begun.value().stan, 9, 10, QLatin1Char('0'));
            outcome.authCode = QStringLiteral("%1").arg(m_random.below(1'000'000), 6, 10, QLatin1Char('0'));
        }
        outcome.pinVerified = mode != 0 || amount.fen() > 100'000;
        outcome.completedMs = ms - 4000 + m_random.between(900, 3500);
        if (const Result<> completed = m_ledger.completeCardPayment(begun.value().paymentId, outcome);
            !completed)
            return Failure{completed.error()};
        return begun.value().paymentId;
    }

    // No QR payment API yet: the paid QR payment is written directly, in this transaction.
    Result<qint64> paidQr(
        const QString& type, const QString& channel, Money amount, std::optional<qint64> original, qint64 ms)
    {
        const Result<storage::SqliteStatement*> insert = m_ledger.database().prepare(QStringLiteral(
            "INSERT INTO qr_payments (transaction_type, channel, amount_fen, out_trade_no, channel_order_id, "
            "state, "
            "original_payment_id, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, 'paid', ?, ?, ?)"));
        if (!insert)
            return Failure{insert.error()};
        ++m_qrSequence;
        insert.value()
            ->bind(1, type)
            .bind(2, channel)
            .bind(3, amount.fen())
            .bind(4, QStringLiteral("POS10293847-%1").arg(m_qrSequence, 8, 10, QLatin1Char('0')))
            .bind(5, QStringLiteral("%1-%2")
                         .arg(channel.left(2).toUpper())
                         .arg(m_qrSequence * 7919 % 100'000'000, 8, 16, QLatin1Char('0')))
            .bind(6, original)
            .bind(7, ms - 3000)
            .bind(8, ms - 1000);
        if (const Result<> ran = insert.value()->run(); !ran)
            return Failure{ran.error()};
        return m_ledger.database().lastInsertRowId();
    }

    QString qrChannel()
    {
        const int channel = m_random.weighted({55, 40, 5});
        return channel == 0   ? QStringLiteral("wechat")
               : channel == 1 ? QStringLiteral("alipay")
                              : QStringLiteral("unionpay");
    }

    Result<int> sale(const Event& event)
    {
        GeneratedShift& till = m_tills[event.slot % 2];
        SaleInput sale;
        sale.shiftId = till.id;
        sale.cashierId = till.cashierId;
        sale.createdMs = event.ms;
        const int lineCount = 1 + m_random.weighted({30, 22, 16, 11, 8, 5, 4, 4});
        Money subtotal;
        for (int l = 0; l < lineCount; ++l) {
            // Skewed popularity: the product of three uniform draws favours the best sellers strongly.
            qint64 rank = m_random.below(productCount);
            rank = m_random.below(rank + 1);
            rank = m_random.below(rank + 1);
            const GeneratedProduct& product = m_products.at(m_popularity.at(static_cast<int>(rank)));
            const qint64 quantity = product.byWeight ? m_random.between(150, 2500)
                                                     : 1000 * (1 + m_random.weighted({75, 17, 5, 2, 1}));
            SaleLineInput line{product.id, product.name, quantity, product.price, Money(), product.taxRateBp};
            const Money gross = product.price.times(quantity, Rounding::HalfUp);
            if (m_random.chance(400))
                line.discount = gross.percentage(1000, Rounding::HalfUp); // 10 % off this line
            subtotal += gross - line.discount;
            sale.lines.append(line);
        }
        int choice = m_random.weighted({45, 35, 20});
        TenderKind kind = choice == 0 ? TenderKind::Qr : choice == 1 ? TenderKind::Card : TenderKind::Cash;
        // Cash customers often get the odd fen knocked off (抹零).
        if (kind == TenderKind::Cash && subtotal.fen() > 1000 && m_random.chance(3000))
            sale.ticketDiscount = Money::fromFen(subtotal.fen() % 10);
        const Money total = subtotal - sale.ticketDiscount;

        // Sometimes part in cash, the rest by QR or card.
        Money rest = total;
        if (total.fen() >= 5000 && m_random.chance(300)) {
            const Money cashPart =
                Money::fromFen(std::min<qint64>(total.fen() - 100, m_random.between(1, 5) * 1000));
            sale.tenders.append({TenderKind::Cash, cashPart, Money(), std::nullopt, std::nullopt});
            till.cash += cashPart;
            rest -= cashPart;
            ++m_stats.cashTenders;
            ++m_stats.splitSales;
            if (kind == TenderKind::Cash)
                kind = TenderKind::Qr;
        }
        RefundableSale refundable;
        refundable.kind = kind;
        int events = 1;
        if (kind == TenderKind::Card && !rest.isZero()) {
            const int card = static_cast<int>(m_random.below(m_cards.size()));
            if (m_random.chance(300)) {
                // Declined (insufficient funds, wrong PIN): the customer pays by QR instead.
                const Result<qint64> declined = approvedCard(CardTransactionType::Sale, rest, card,
                                                             std::nullopt, event.ms - 20'000, true);
                if (!declined)
                    return Failure{declined.error()};
                ++m_stats.declinedCards;
                events += 2;
                kind = TenderKind::Qr;
                refundable.kind = kind;
            } else {
                const Result<qint64> payment =
                    approvedCard(CardTransactionType::Sale, rest, card, std::nullopt, event.ms, false);
                if (!payment)
                    return Failure{payment.error()};
                sale.tenders.append({TenderKind::Card, rest, Money(), payment.value(), std::nullopt});
                refundable.cardPaymentId = payment.value();
                refundable.card = card;
                ++m_stats.cardTenders;
                events += 2;
            }
        }
        if (kind == TenderKind::Qr && !rest.isZero()) {
            const QString channel = qrChannel();
            const Result<qint64> payment =
                paidQr(QStringLiteral("pay"), channel, rest, std::nullopt, event.ms);
            if (!payment)
                return Failure{payment.error()};
            sale.tenders.append({TenderKind::Qr, rest, Money(), std::nullopt, payment.value()});
            refundable.qrPaymentId = payment.value();
            refundable.qrChannel = channel;
            ++m_stats.qrTenders;
        }
        if (kind == TenderKind::Cash && !rest.isZero()) {
            Money given = rest;
            if (!m_random.chance(3000)) {
                static const qint64 notes[] = {1000, 2000, 5000, 10000};
                const qint64 note = notes[m_random.below(4)];
                given = Money::fromFen((rest.fen() + note - 1) / note * note);
            }
            sale.tenders.append({TenderKind::Cash, rest, given, std::nullopt, std::nullopt});
            till.cash += rest;
            ++m_stats.cashTenders;
        }
        const Result<RecordedSale> recorded = m_ledger.recordSale(sale);
        if (!recorded)
            return Failure{recorded.error()};
        ++m_stats.sales;
        refundable.saleId = recorded.value().saleId;
        m_recent.append(refundable);
        if (m_recent.size() > 400)
            m_recent.removeFirst();

        // About 2 % of sales are followed by a refund of some earlier sale at the same till.
        if (m_random.chance(200) && m_recent.size() > 1) {
            const qint64 at = std::min(event.ms + m_random.between(30'000, 90'000), till.endMs - 1000);
            const Result<int> refunded = refund(till, std::max(at, event.ms + 1));
            if (!refunded)
                return Failure{refunded.error()};
            events += refunded.value();
        }
        return events;
    }

    // A partial refund (one or two lines, part of the quantity) of a recent, not yet refunded sale, paid back
    // the way it was paid.
    Result<int> refund(GeneratedShift& till, qint64 ms)
    {
        const qsizetype pick = m_random.below(m_recent.size() - 1); // never the sale just rung up
        const RefundableSale original = m_recent.takeAt(pick);
        RefundInput refund;
        refund.originalSaleId = original.saleId;
        refund.shiftId = till.id;
        refund.cashierId = till.cashierId;
        refund.approvedBy = m_owner;
        refund.createdMs = ms;
        const Result<storage::SqliteStatement*> lines = m_ledger.database().prepare(
            QStringLiteral("SELECT id, quantity_milli, quantity_milli % 1000 != 0 OR quantity_milli < 1000 "
                           "FROM sale_lines WHERE sale_id = ? ORDER BY line_no"));
        if (!lines)
            return Failure{lines.error()};
        lines.value()->bind(1, original.saleId);
        QList<RefundLineInput> candidates;
        QList<bool> weighed;
        for (;;) {
            const Result<bool> row = lines.value()->step();
            if (!row) {
                lines.value()->reset();
                return Failure{row.error()};
            }
            if (!row.value())
                break;
            candidates.append({lines.value()->int64(0), lines.value()->int64(1)});
            weighed.append(lines.value()->int64(2) != 0);
        }
        lines.value()->reset();
        const int wanted = candidates.size() > 1 && m_random.chance(2000) ? 2 : 1;
        for (int i = 0; i < wanted && !candidates.isEmpty(); ++i) {
            const qsizetype at = m_random.below(candidates.size());
            RefundLineInput line = candidates.takeAt(at);
            const bool byWeight = weighed.takeAt(at);
            if (!byWeight && line.quantityMilli > 1000)
                line.quantityMilli = 1000 * m_random.between(1, line.quantityMilli / 1000 - 1);
            else if (byWeight && line.quantityMilli >= 200 && m_random.chance(5000))
                line.quantityMilli /= 2;
            refund.lines.append(line);
        }
        const Result<Money> quote = m_ledger.quoteRefund(refund);
        if (!quote)
            return Failure{quote.error()};
        if (quote.value().isZero())
            return 0;
        int events = 1;
        if (original.kind == TenderKind::Card && original.cardPaymentId != 0) {
            const Result<qint64> payment = approvedCard(CardTransactionType::Refund, quote.value(),
                                                        original.card, original.cardPaymentId, ms, false);
            if (!payment)
                return Failure{payment.error()};
            refund.tenders.append({TenderKind::Card, quote.value(), Money(), payment.value(), std::nullopt});
            events += 2;
        } else if (original.kind == TenderKind::Qr && original.qrPaymentId != 0) {
            const Result<qint64> payment =
                paidQr(QStringLiteral("refund"), original.qrChannel, quote.value(), original.qrPaymentId, ms);
            if (!payment)
                return Failure{payment.error()};
            refund.tenders.append({TenderKind::Qr, quote.value(), Money(), std::nullopt, payment.value()});
        } else {
            refund.tenders.append({TenderKind::Cash, quote.value(), Money(), std::nullopt, std::nullopt});
            till.cash -= quote.value();
        }
        const Result<RecordedSale> recorded = m_ledger.recordRefund(refund);
        if (!recorded)
            return Failure{recorded.error()};
        ++m_stats.refunds;
        return events;
    }

    storage::Ledger& m_ledger;
    GeneratorOptions m_options;
    GeneratorRandom m_random;
    QDate m_firstDay;
    qint64 m_cashiers[cashierCount] = {};
    qint64 m_owner = 0;
    QList<GeneratedProduct> m_products;
    QList<int> m_popularity;
    QList<GeneratedCard> m_cards;
    QList<qint64> m_salesPerDay;
    QList<Event> m_events;
    qsizetype m_nextEvent = 0;
    bool m_dayPlanned = false;
    int m_day = 0;
    GeneratedShift m_tills[2];
    QList<RefundableSale> m_recent;
    qint64 m_qrSequence = 0;
    GeneratorStats m_stats;
};

// ledger generate --db FILE --sales N --days D [--end YYYY-MM-DD] --seed S
int runGenerate(const QStringList& arguments, CommandIo& io)
{
    ActionContext context(
        QStringLiteral(
            "Create a new ledger at --db filled with a synthetic but realistic shop: 20,000 "
            "products in 30 categories, 5 cashiers on two tills, --sales sales over the --days days "
            "ending on --end (default yesterday), paid about 45 % by QR, 35 % by card and 20 % in "
            "cash, with some split payments, declined cards and about 2 % partial refunds. Written "
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
    context.addOptional({endOption});
    if (const std::optional<int> exit = context.parse(arguments, {db, salesOption, daysOption, seedOption}))
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
        return context.badUsage(QStringLiteral("--sales needs 1-2000000, --days 1-3660, --seed an unsigned "
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
    LedgerGenerator generator(ledger, options);
    if (const Result<> generated = generator.run(); !generated)
        return context.failed(generated.error(), details);
    opened.value().reset(); // closes the connection: the WAL is checkpointed into the file
    const double seconds = timer.elapsed() / 1000.0;

    const GeneratorStats& stats = generator.stats();
    details.insert(QStringLiteral("sales"), stats.sales);
    details.insert(QStringLiteral("refunds"), stats.refunds);
    details.insert(QStringLiteral("card_tenders"), stats.cardTenders);
    details.insert(QStringLiteral("qr_tenders"), stats.qrTenders);
    details.insert(QStringLiteral("cash_tenders"), stats.cashTenders);
    details.insert(QStringLiteral("split_sales"), stats.splitSales);
    details.insert(QStringLiteral("declined_cards"), stats.declinedCards);
    details.insert(QStringLiteral("shifts"), stats.shifts);
    details.insert(QStringLiteral("products"), LedgerGenerator::productCount);
    details.insert(QStringLiteral("from"), generator.firstDay().toString(Qt::ISODate));
    details.insert(QStringLiteral("to"), options.end.toString(Qt::ISODate));
    details.insert(QStringLiteral("commits"), stats.commits);
    details.insert(QStringLiteral("seconds"), std::round(seconds * 10.0) / 10.0);
    return context.succeed(
        details, QStringLiteral("generated %1: %2 sales and %3 refunds from %4 to %5 in %6 s "
                                "(%7 sales/s)")
                     .arg(options.path)
                     .arg(stats.sales)
                     .arg(stats.refunds)
                     .arg(generator.firstDay().toString(Qt::ISODate), options.end.toString(Qt::ISODate))
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
        return context.badUsage(
            QStringLiteral("--from and --to need dates YYYY-MM-DD, --from not after --to"));
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
struct LedgerAction
{
    const char* name;
    const char* summary;
    int (*run)(const QStringList& arguments, CommandIo& io);
};

constexpr LedgerAction ledgerActions[] = {
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
    for (const LedgerAction& action : ledgerActions)
        stream << "  " << QString::fromLatin1(action.name).leftJustified(10) << action.summary << '\n';
    stream << "\nExit codes: 0 success, 1 failed or found bad, 2 usage error.\n";
}

} // namespace

int LedgerCommand::run(const QStringList& arguments, CommandIo& io)
{
    const QString program = arguments.value(0, QStringLiteral("pos-tool ledger"));
    if (arguments.size() < 2) {
        printUsage(io.err, program);
        return 2;
    }
    const QString actionName = arguments.at(1);
    if (actionName == QLatin1String("--help") || actionName == QLatin1String("-h") ||
        actionName == QLatin1String("help")) {
        printUsage(io.out, program);
        return 0;
    }
    for (const LedgerAction& action : ledgerActions) {
        if (actionName == QLatin1String(action.name)) {
            QStringList rest = arguments.mid(2);
            rest.prepend(program + QLatin1Char(' ') + actionName);
            return action.run(rest, io);
        }
    }
    io.err << program << ": unknown action '" << actionName << "'\n\n";
    printUsage(io.err, program);
    return 2;
}

} // namespace cli
} // namespace pos
