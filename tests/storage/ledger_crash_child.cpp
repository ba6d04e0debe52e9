// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// ledger-crash-child: the victim process of tst_ledger_crash (test helper, never shipped).
//
// Usage: ledger-crash-child --db FILE [--ack-before-commit]
//
// Opens the ledger at FILE (created when missing), recovers interrupted payments, makes sure a cashier, an
// open shift for that cashier and a few products exist (reusing those a previous, killed run left behind),
// then rings small random cash sales through Ledger::recordSale until it is killed. After each sale that
// recordSale reported as committed it prints one line "ack <saleId> <saleNo>" on stdout and flushes: an acked
// sale is a sale the cashier was told is done, so it must survive any kill.
//
// --ack-before-commit is the negative control of the harness: it prints the ack of a sale BEFORE calling
// recordSale (with the id and number the sale is expected to get), so a kill between the print and the
// commit leaves an acknowledged sale that does not exist. The harness must notice.
//
// Exit codes: 2 usage, 3 the ledger could not be opened, 4 setting up the shop or recording a sale failed
// (details on stderr). It never exits on its own otherwise.
#include "storage/Ledger.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>
#include <cstring>

using namespace pos;
using namespace pos::storage;

namespace {

constexpr int exitUsage = 2;
constexpr int exitCannotOpen = 3;
constexpr int exitFailed = 4;

struct Product
{
    const char* code;
    const char* name;
    qint64 priceFen;
    qint64 id = 0;
};

// Prints the failure on stderr; returns false so that callers can `return complain(...)`.
bool complain(const char* step, const Error& error)
{
    std::fprintf(stderr, "ledger-crash-child: %s: %s (%s)\n", step, qPrintable(errorCodeName(error.code)),
                 qPrintable(error.detail));
    return false;
}

// Id of the single row the query (with one text or integer parameter) returns, 0 when there is none.
template <typename Param>
Result<qint64> lookUp(SqliteDatabase& db, const QString& sql, const Param& param)
{
    const Result<SqliteStatement*> statement = db.prepare(sql);
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, param);
    const Result<bool> row = statement.value()->step();
    if (!row)
        return Failure{row.error()};
    const qint64 id = row.value() ? statement.value()->int64(0) : 0;
    statement.value()->reset();
    return id;
}

// The cashier, its open shift and the products, reusing what an earlier (killed) run committed.
bool setUpShop(Ledger& ledger, qint64& cashier, qint64& shift, QList<Product>& products)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString login = QStringLiteral("crash");
    Result<qint64> found =
        lookUp(ledger.database(), QStringLiteral("SELECT id FROM users WHERE login = ?"), login);
    if (!found)
        return complain("look up cashier", found.error());
    cashier = found.value();
    if (cashier == 0) {
        const Result<qint64> added =
            ledger.addUser({login, QStringLiteral("崩溃测试"), UserRole::Cashier, QByteArray(32, '\x01'),
                            QByteArray(16, '\x02'), QStringLiteral("test")},
                           now);
        if (!added)
            return complain("add cashier", added.error());
        cashier = added.value();
    }
    found = lookUp(ledger.database(),
                   QStringLiteral("SELECT id FROM shifts WHERE cashier_id = ? AND state = 'open'"), cashier);
    if (!found)
        return complain("look up shift", found.error());
    shift = found.value();
    if (shift == 0) {
        const Result<qint64> opened = ledger.openShift(cashier, Money::fromFen(20000), now);
        if (!opened)
            return complain("open shift", opened.error());
        shift = opened.value();
    }
    for (Product& product : products) {
        const QString code = QString::fromLatin1(product.code);
        found = lookUp(ledger.database(), QStringLiteral("SELECT id FROM products WHERE code = ?"), code);
        if (!found)
            return complain("look up product", found.error());
        product.id = found.value();
        if (product.id == 0) {
            const Result<qint64> added =
                ledger.addProduct({code, QString::fromUtf8(product.name), QString(), std::nullopt, false,
                                   Money::fromFen(product.priceFen), 1300, 1'000'000'000},
                                  now);
            if (!added)
                return complain("add product", added.error());
            product.id = added.value();
        }
    }
    return true;
}

// The id and number recordSale is about to give the next sale (negative control only).
bool predictNextSale(SqliteDatabase& db, qint64 createdMs, qint64& id, QString& saleNo)
{
    const Result<qint64> nextId = db.queryInt64(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM sales"));
    if (!nextId)
        return complain("predict sale id", nextId.error());
    const QDate date = QDateTime::fromMSecsSinceEpoch(createdMs).toLocalTime().date();
    const Result<qint64> sequence =
        lookUp(db, QStringLiteral("SELECT count(*) + 1 FROM sales WHERE business_date = ?"),
               date.toString(Qt::ISODate));
    if (!sequence)
        return complain("predict sale number", sequence.error());
    id = nextId.value();
    saleNo = QStringLiteral("%1-%2")
                 .arg(date.toString(QStringLiteral("yyyyMMdd")))
                 .arg(sequence.value(), 6, 10, QLatin1Char('0'));
    return true;
}

void printAck(qint64 id, const QString& saleNo)
{
    std::printf("ack %lld %s\n", static_cast<long long>(id), qPrintable(saleNo));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QString path;
    bool ackBeforeCommit = false;
    bool usage = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            path = QFile::decodeName(argv[++i]);
        else if (std::strcmp(argv[i], "--ack-before-commit") == 0)
            ackBeforeCommit = true;
        else
            usage = true;
    }
    if (usage || path.isEmpty()) {
        std::fprintf(stderr, "usage: ledger-crash-child --db FILE [--ack-before-commit]\n");
        return exitUsage;
    }

    Result<std::unique_ptr<Ledger>> opened = Ledger::open(path, Ledger::Creation::CreateIfMissing);
    if (!opened) {
        complain("open", opened.error());
        return exitCannotOpen;
    }
    Ledger& ledger = *opened.value();
    if (const Result<int> recovered = ledger.recoverInterruptedPayments(QDateTime::currentMSecsSinceEpoch());
        !recovered) {
        complain("recover", recovered.error());
        return exitFailed;
    }
    qint64 cashier = 0;
    qint64 shift = 0;
    QList<Product> products = {{"CR001", "可乐 500ml", 350},
                               {"CR002", "矿泉水", 200},
                               {"CR003", "方便面", 450},
                               {"CR004", "口香糖", 1050}};
    if (!setUpShop(ledger, cashier, shift, products))
        return exitFailed;

    QRandomGenerator* random = QRandomGenerator::global();
    for (;;) {
        SaleInput sale;
        sale.shiftId = shift;
        sale.cashierId = cashier;
        sale.createdMs = QDateTime::currentMSecsSinceEpoch();
        qint64 total = 0;
        const int lines = random->bounded(1, 6);
        for (int i = 0; i < lines; ++i) {
            const Product& product = products.at(random->bounded(static_cast<int>(products.size())));
            const qint64 pieces = random->bounded(1, 4);
            sale.lines.append({product.id, QString::fromUtf8(product.name), pieces * 1000,
                               Money::fromFen(product.priceFen), Money(), 1300});
            total += pieces * product.priceFen;
        }
        const qint64 given = (total + 999) / 1000 * 1000; // rounded up to the next 10 yuan note
        sale.tenders = {
            {TenderKind::Cash, Money::fromFen(total), Money::fromFen(given), std::nullopt, std::nullopt}};

        qint64 predictedId = 0;
        QString predictedNo;
        if (ackBeforeCommit) {
            if (!predictNextSale(ledger.database(), sale.createdMs, predictedId, predictedNo))
                return exitFailed;
            printAck(predictedId, predictedNo); // deliberately too early: the sale is not durable yet
        }
        const Result<RecordedSale> recorded = ledger.recordSale(sale);
        if (!recorded) {
            complain("record sale", recorded.error());
            return exitFailed;
        }
        if (!ackBeforeCommit)
            printAck(recorded.value().saleId, recorded.value().saleNo);
        else if (recorded.value().saleId != predictedId || recorded.value().saleNo != predictedNo)
            std::fprintf(stderr, "ledger-crash-child: predicted %lld %s, got %lld %s\n",
                         static_cast<long long>(predictedId), qPrintable(predictedNo),
                         static_cast<long long>(recorded.value().saleId),
                         qPrintable(recorded.value().saleNo));
    }
}
