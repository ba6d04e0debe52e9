// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool ledger generate and ledger report, as real processes on real ledger files.
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using pos::test::builtExecutable;
using pos::test::runProcess;

namespace {

const QString endDay = QStringLiteral("2026-11-21");
const QString firstDay = QStringLiteral("2026-11-15"); // 7 days ending on endDay

pos::test::RunResult ledgerTool(const QStringList& arguments)
{
    return runProcess(builtExecutable(QStringLiteral("pos-tool")),
                      QStringList{QStringLiteral("ledger")} + arguments, 300s);
}

pos::test::RunResult generate(const QString& path, const QString& seed)
{
    return ledgerTool({QStringLiteral("generate"), QStringLiteral("--db"), path, QStringLiteral("--sales"),
                       QStringLiteral("2000"), QStringLiteral("--days"), QStringLiteral("7"),
                       QStringLiteral("--end"), endDay, QStringLiteral("--seed"), seed,
                       QStringLiteral("--json")});
}

pos::test::RunResult report(const QString& path)
{
    return ledgerTool({QStringLiteral("report"), QStringLiteral("--db"), path, QStringLiteral("--from"),
                       firstDay, QStringLiteral("--to"), endDay, QStringLiteral("--json")});
}

QJsonObject parseJson(const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

// Runs an aggregate query straight on the file (a read-only connection, plain SQL) and returns the integer
// columns of its single row.
QList<qint64> queryRow(const QString& path, const char* sql)
{
    using pos::storage::SqliteDatabase;
    QList<qint64> values;
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened || !opened.value()->applyLedgerSettings())
        return values;
    const auto statement = opened.value()->prepare(QString::fromUtf8(sql));
    if (!statement)
        return values;
    const auto row = statement.value()->step();
    if (row && row.value()) {
        for (int i = 0; i < statement.value()->columnCount(); ++i)
            values.append(statement.value()->int64(i));
    }
    statement.value()->reset();
    return values;
}

qint64 sumOf(const QJsonArray& rows, const QString& key)
{
    qint64 sum = 0;
    for (const QJsonValue& row : rows)
        sum += row.toObject().value(key).toInteger();
    return sum;
}

} // namespace

class tst_PosToolLedgerGenerate final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void generateSucceeds();
    void generatedLedgerVerifies();
    void sameSeedGivesTheSameReport();
    void otherSeedGivesAnotherReport();
    void reportTotalsMatchTheSalesTable();
    void reportBreakdownsAddUpToTheNetTotal();
    void generateRefusesAnExistingFile();
    void badArgumentsAreAUsageError_data();
    void badArgumentsAreAUsageError();

private:
    QTemporaryDir m_dir;
    QString m_first;
    QString m_second;
    QString m_other;
    QJsonObject m_generated;
};

void tst_PosToolLedgerGenerate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_first = m_dir.filePath(QStringLiteral("first.db"));
    m_second = m_dir.filePath(QStringLiteral("second.db"));
    m_other = m_dir.filePath(QStringLiteral("other.db"));
    const pos::test::RunResult first = generate(m_first, QStringLiteral("20261122"));
    QVERIFY2(first.exitCode == 0, first.standardError.constData());
    m_generated = parseJson(first.standardOutput);
    QVERIFY2(generate(m_second, QStringLiteral("20261122")).exitCode == 0, "second generation failed");
    QVERIFY2(generate(m_other, QStringLiteral("7")).exitCode == 0, "generation with another seed failed");
}

void tst_PosToolLedgerGenerate::generateSucceeds()
{
    QCOMPARE(m_generated.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(m_generated.value(QStringLiteral("sales")).toInteger(), 2000);
    QCOMPARE(m_generated.value(QStringLiteral("db")).toString(), m_first);
    QCOMPARE(m_generated.value(QStringLiteral("from")).toString(), firstDay);
    QCOMPARE(m_generated.value(QStringLiteral("to")).toString(), endDay);
    // About 2 % refunds; every tender kind and some declined cards show up.
    const qint64 refunds = m_generated.value(QStringLiteral("refunds")).toInteger();
    QVERIFY2(refunds >= 10 && refunds <= 80, qPrintable(QString::number(refunds)));
    QVERIFY(m_generated.value(QStringLiteral("card_tenders")).toInteger() > 0);
    QVERIFY(m_generated.value(QStringLiteral("qr_tenders")).toInteger() > 0);
    QVERIFY(m_generated.value(QStringLiteral("cash_tenders")).toInteger() > 0);
    QVERIFY(m_generated.value(QStringLiteral("seconds")).isDouble());
    QCOMPARE(
        queryRow(m_first, "SELECT count(*), count(DISTINCT business_date) FROM sales WHERE kind = 'sale'"),
        (QList<qint64>{2000, 7}));
    QCOMPARE(queryRow(m_first, "SELECT count(*) FROM products"), QList<qint64>{20000});
}

void tst_PosToolLedgerGenerate::generatedLedgerVerifies()
{
    const pos::test::RunResult verified =
        ledgerTool({QStringLiteral("verify"), QStringLiteral("--db"), m_first});
    QVERIFY2(verified.exitCode == 0, verified.standardOutput.constData());
}

void tst_PosToolLedgerGenerate::sameSeedGivesTheSameReport()
{
    const pos::test::RunResult first = report(m_first);
    const pos::test::RunResult second = report(m_second);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(second.exitCode, 0);
    // The reports name their file; everything else must be identical.
    QByteArray secondOutput = second.standardOutput;
    secondOutput.replace(m_second.toUtf8(), m_first.toUtf8());
    QCOMPARE(first.standardOutput, secondOutput);
    QVERIFY(parseJson(first.standardOutput).value(QStringLiteral("ok")).toBool());
}

void tst_PosToolLedgerGenerate::otherSeedGivesAnotherReport()
{
    const QJsonObject first = parseJson(report(m_first).standardOutput);
    const QJsonObject other = parseJson(report(m_other).standardOutput);
    QVERIFY(first.value(QStringLiteral("ok")).toBool());
    QVERIFY(other.value(QStringLiteral("ok")).toBool());
    QVERIFY(first.value(QStringLiteral("totals")) != other.value(QStringLiteral("totals")));
}

void tst_PosToolLedgerGenerate::reportTotalsMatchTheSalesTable()
{
    const QJsonObject json = parseJson(report(m_first).standardOutput);
    const QJsonObject totals = json.value(QStringLiteral("totals")).toObject();
    const QList<qint64> expected = queryRow(
        m_first,
        "SELECT sum(kind = 'sale'), sum(kind = 'refund'), sum(CASE WHEN kind = 'sale' THEN total_fen ELSE 0 "
        "END), "
        "-sum(CASE WHEN kind = 'refund' THEN total_fen ELSE 0 END), sum(total_fen), sum(tax_fen) FROM sales "
        "WHERE state = 'completed'");
    QCOMPARE(expected.size(), 6);
    const QList<qint64> reported{totals.value(QStringLiteral("sales_count")).toInteger(),
                                 totals.value(QStringLiteral("refunds_count")).toInteger(),
                                 totals.value(QStringLiteral("gross_fen")).toInteger(),
                                 totals.value(QStringLiteral("refunds_fen")).toInteger(),
                                 totals.value(QStringLiteral("net_fen")).toInteger(),
                                 totals.value(QStringLiteral("tax_fen")).toInteger()};
    QCOMPARE(reported, expected);
    // Every generated sale is either in the totals or voided (and about 0.5 % are voided).
    const qint64 voided = queryRow(m_first, "SELECT count(*) FROM sales WHERE state = 'voided'").value(0);
    QVERIFY2(voided > 0 && voided < 40, qPrintable(QString::number(voided)));
    QCOMPARE(reported.at(0) + voided, qint64(2000));
    // The days add up to the totals too.
    const QJsonArray days = json.value(QStringLiteral("days")).toArray();
    QCOMPARE(days.size(), 7);
    QCOMPARE(sumOf(days, QStringLiteral("net_fen")), expected.at(4));
    QCOMPARE(sumOf(days, QStringLiteral("sales_count")), reported.at(0));
}

void tst_PosToolLedgerGenerate::reportBreakdownsAddUpToTheNetTotal()
{
    const QJsonObject json = parseJson(report(m_first).standardOutput);
    const qint64 net =
        json.value(QStringLiteral("totals")).toObject().value(QStringLiteral("net_fen")).toInteger();
    QCOMPARE(queryRow(m_first, "SELECT sum(t.amount_fen) FROM tenders t JOIN sales s ON s.id = t.sale_id "
                               "WHERE s.state = 'completed'"),
             QList<qint64>{net});
    QCOMPARE(sumOf(json.value(QStringLiteral("by_tender")).toArray(), QStringLiteral("amount_fen")), net);
    QCOMPARE(sumOf(json.value(QStringLiteral("by_hour")).toArray(), QStringLiteral("amount_fen")), net);
    QCOMPARE(sumOf(json.value(QStringLiteral("by_cashier")).toArray(), QStringLiteral("amount_fen")), net);
    // Every line of the generated shop names a product, so the categories hold the whole net too.
    QCOMPARE(sumOf(json.value(QStringLiteral("by_category")).toArray(), QStringLiteral("amount_fen")), net);
    QCOMPARE(json.value(QStringLiteral("top_products")).toArray().size(), 20);
    QCOMPARE(json.value(QStringLiteral("by_tender")).toArray().size(), 3);
}

void tst_PosToolLedgerGenerate::generateRefusesAnExistingFile()
{
    const pos::test::RunResult again = generate(m_first, QStringLiteral("1"));
    QCOMPARE(again.exitCode, 1);
    const QJsonObject json = parseJson(again.standardOutput);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(json.value(QStringLiteral("code")).toString(), QStringLiteral("InvalidInput"));
    QCOMPARE(queryRow(m_first, "SELECT count(*) FROM sales WHERE kind = 'sale'"), QList<qint64>{2000});
}

void tst_PosToolLedgerGenerate::badArgumentsAreAUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString db = QStringLiteral("never-created.db");
    QTest::newRow("generate without --seed")
        << QStringList{u"generate"_qs, u"--db"_qs, db, u"--sales"_qs, u"10"_qs, u"--days"_qs, u"1"_qs};
    QTest::newRow("generate zero sales") << QStringList{
        u"generate"_qs, u"--db"_qs, db, u"--sales"_qs, u"0"_qs, u"--days"_qs, u"1"_qs, u"--seed"_qs, u"1"_qs};
    QTest::newRow("generate bad end date")
        << QStringList{u"generate"_qs, u"--db"_qs,   db,      u"--sales"_qs, u"10"_qs,        u"--days"_qs,
                       u"1"_qs,        u"--seed"_qs, u"1"_qs, u"--end"_qs,   u"2026-13-01"_qs};
    QTest::newRow("report without --to")
        << QStringList{u"report"_qs, u"--db"_qs, db, u"--from"_qs, u"2026-11-01"_qs};
    QTest::newRow("report to before from") << QStringList{
        u"report"_qs, u"--db"_qs, db, u"--from"_qs, u"2026-11-02"_qs, u"--to"_qs, u"2026-11-01"_qs};
}

void tst_PosToolLedgerGenerate::badArgumentsAreAUsageError()
{
    QFETCH(QStringList, arguments);
    const pos::test::RunResult result = ledgerTool(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(!result.standardError.isEmpty());
    QVERIFY(!QFile::exists(QStringLiteral("never-created.db")));
}

QTEST_GUILESS_MAIN(tst_PosToolLedgerGenerate)
#include "tst_pos_tool_ledger_generate.moc"
