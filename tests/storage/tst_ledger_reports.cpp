// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// LedgerReports on a small hand-built ledger whose every figure is computed by hand below.
#include "storage/Ledger.h"
#include "storage/LedgerReports.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace pos;
using namespace pos::storage;

namespace {

const QDate day1(2026, 11, 20);
const QDate day2(2026, 11, 21);

// Local time: the ledger derives business date and hour from it.
qint64 at(QDate day, int hour, int minute)
{
    return QDateTime(day, QTime(hour, minute)).toMSecsSinceEpoch();
}

Money fen(qint64 amount)
{
    return Money::fromFen(amount);
}

// The shop. Cashier Wang (shift A, float 500.00, cash in 100.00, cash out 50.00) and cashier Zhao (shift B,
// float 300.00, closed as Z 7 with 299.00 counted). Cola 3.50 (13 %, 饮料), apples 12.80/kg (9 %, 水果),
// notebook 8.00 (13 %, no category). Tax = round(total × rate / (1 + rate)), half up.
//   day 1 09:15  S1 Wang  2 cola                  700  cash (10.00 given)        tax  81
//   day 1 12:30  S2 Zhao  1.500 kg apples        1920  card                      tax 159
//   day 1 12:45  S3 Wang  1 cola + 3 notebooks   2750  cash 750 + QR 2000        tax 40 + 276 = 316
//   day 2 18:05  S4 Zhao  2.000 kg apples        2560  QR                        tax 211
//   day 2 18:20  R1 Wang  1 cola of S1           -350  cash back                 tax -40
//   day 2 18:40  S5 Wang  1 notebook              800  card                      tax  92
struct Shop
{
    QTemporaryDir dir;
    std::unique_ptr<Ledger> ledger;
    qint64 wang = 0;
    qint64 zhao = 0;
    qint64 supervisor = 0;
    qint64 shiftA = 0;
    qint64 shiftB = 0;
    qint64 cola = 0;
    qint64 apples = 0;
    qint64 notebook = 0;
    int qrSequence = 0;

    QString path() const { return dir.filePath(QStringLiteral("pos.db")); }

    bool exec(const QString& sql) { return ledger->database().execute(sql).hasValue(); }

    std::optional<qint64> card(qint64 amount, qint64 ms)
    {
        CardIntentInput intent;
        intent.amount = fen(amount);
        intent.panMasked = QStringLiteral("622848******1234");
        intent.panHmac = QByteArray(32, '\x5a');
        intent.entryMode = QStringLiteral("chip");
        intent.createdMs = ms - 3000;
        const Result<CardIntent> begun = ledger->beginCardPayment(intent);
        if (!begun ||
            !ledger->completeCardPayment(begun.value().paymentId,
                                         {true, QStringLiteral("00"), QStringLiteral("000000000001"),
                                          QStringLiteral("123456"), true, ms - 1000}))
            return std::nullopt;
        return begun.value().paymentId;
    }

    // The Ledger has no QR payment API yet: a paid QR payment as the QR engine will write it.
    std::optional<qint64> qr(qint64 amount, qint64 ms)
    {
        if (!exec(QStringLiteral(
                      "INSERT INTO qr_payments (transaction_type, channel, amount_fen, out_trade_no, state, "
                      "created_ms, updated_ms) VALUES ('pay', 'wechat', %1, 'T%2', 'paid', %3, %3)")
                      .arg(amount)
                      .arg(++qrSequence)
                      .arg(ms)))
            return std::nullopt;
        return ledger->database().lastInsertRowId();
    }

    std::optional<qint64> sale(qint64 shift,
                               qint64 cashier,
                               qint64 ms,
                               const QList<SaleLineInput>& lines,
                               const QList<TenderInput>& tenders)
    {
        const Result<RecordedSale> recorded =
            ledger->recordSale({shift, cashier, lines, Money(), tenders, ms});
        if (!recorded)
            qWarning() << recorded.error().detail;
        return recorded ? std::optional<qint64>(recorded.value().saleId) : std::nullopt;
    }

    bool setUp()
    {
        auto opened = Ledger::open(path(), Ledger::Creation::CreateIfMissing);
        if (!opened)
            return false;
        ledger = std::move(opened).value();
        const qint64 t0 = at(day1, 7, 0);
        wang = ledger
                   ->addUser({u"wang"_qs, u"王芳"_qs, UserRole::Cashier, QByteArray(32, '\x01'),
                              QByteArray(16, '\x02'), u"test"_qs},
                             t0)
                   .value();
        zhao = ledger
                   ->addUser({u"zhao"_qs, u"赵磊"_qs, UserRole::Cashier, QByteArray(32, '\x03'),
                              QByteArray(16, '\x04'), u"test"_qs},
                             t0)
                   .value();
        supervisor = ledger
                         ->addUser({u"li"_qs, u"李强"_qs, UserRole::Supervisor, QByteArray(32, '\x05'),
                                    QByteArray(16, '\x06'), u"test"_qs},
                                   t0)
                         .value();
        if (!ledger->setTerminalIdentity(u"12345678"_qs, u"123456789012345"_qs, t0))
            return false;
        // No Ledger API for categories yet.
        if (!exec(u"INSERT INTO categories (id, name) VALUES (1, '饮料'), (2, '水果')"_qs))
            return false;
        cola = ledger->addProduct({u"690001"_qs, u"可乐"_qs, u"kl"_qs, 1, false, fen(350), 1300, 100'000}, t0)
                   .value();
        apples = ledger->addProduct({u"200001"_qs, u"苹果"_qs, u"pg"_qs, 2, true, fen(1280), 900, 50'000}, t0)
                     .value();
        notebook =
            ledger
                ->addProduct(
                    {u"300001"_qs, u"笔记本"_qs, u"bjb"_qs, std::nullopt, false, fen(800), 1300, 10'000}, t0)
                .value();
        shiftA = ledger->openShift(wang, fen(50000), at(day1, 8, 0)).value();
        shiftB = ledger->openShift(zhao, fen(30000), at(day1, 8, 0)).value();

        const SaleLineInput colas{cola, u"可乐"_qs, 2000, fen(350), Money(), 1300};
        const auto cash = [](qint64 amount, qint64 given) {
            return TenderInput{TenderKind::Cash, fen(amount), fen(given), std::nullopt, std::nullopt};
        };
        const std::optional<qint64> s1 = sale(shiftA, wang, at(day1, 9, 15), {colas}, {cash(700, 1000)});
        const std::optional<qint64> card2 = card(1920, at(day1, 12, 30));
        const std::optional<qint64> s2 =
            card2
                ? sale(shiftB, zhao, at(day1, 12, 30), {{apples, u"苹果"_qs, 1500, fen(1280), Money(), 900}},
                       {{TenderKind::Card, fen(1920), Money(), card2, std::nullopt}})
                : std::nullopt;
        const std::optional<qint64> qr3 = qr(2000, at(day1, 12, 45));
        const std::optional<qint64> s3 =
            qr3 ? sale(shiftA, wang, at(day1, 12, 45),
                       {{cola, u"可乐"_qs, 1000, fen(350), Money(), 1300},
                        {notebook, u"笔记本"_qs, 3000, fen(800), Money(), 1300}},
                       {cash(750, 750), {TenderKind::Qr, fen(2000), Money(), std::nullopt, qr3}})
                : std::nullopt;
        const std::optional<qint64> qr4 = qr(2560, at(day2, 18, 5));
        const std::optional<qint64> s4 =
            qr4 ? sale(shiftB, zhao, at(day2, 18, 5), {{apples, u"苹果"_qs, 2000, fen(1280), Money(), 900}},
                       {{TenderKind::Qr, fen(2560), Money(), std::nullopt, qr4}})
                : std::nullopt;
        if (!s1 || !s2 || !s3 || !s4)
            return false;
        const Result<qint64> colaLine = ledger->database().queryInt64(
            QStringLiteral("SELECT id FROM sale_lines WHERE sale_id = %1 AND line_no = 1").arg(*s1));
        if (!colaLine)
            return false;
        const Result<RecordedSale> r1 = ledger->recordRefund(
            {*s1, shiftA, wang, supervisor, {{colaLine.value(), 1000}}, {cash(350, 0)}, at(day2, 18, 20)});
        if (!r1)
            return false;
        const std::optional<qint64> card5 = card(800, at(day2, 18, 40));
        if (!card5 ||
            !sale(shiftA, wang, at(day2, 18, 40), {{notebook, u"笔记本"_qs, 1000, fen(800), Money(), 1300}},
                  {{TenderKind::Card, fen(800), Money(), card5, std::nullopt}}))
            return false;
        // No Ledger API for cash movements and closing shifts yet.
        return exec(QStringLiteral(
                        "INSERT INTO cash_movements (shift_id, kind, amount_fen, user_id, created_ms) VALUES "
                        "(%1, 'cash_in', 10000, %2, %3), (%1, 'cash_out', 5000, %2, %3), "
                        "(%1, 'no_sale', 0, %2, %3)")
                        .arg(shiftA)
                        .arg(wang)
                        .arg(at(day2, 19, 0))) &&
               exec(QStringLiteral(
                        "UPDATE shifts SET state = 'closed', closed_ms = %1, expected_cash_fen = 30000, "
                        "counted_cash_fen = 29900, z_report_no = 7 WHERE id = %2")
                        .arg(at(day2, 22, 0))
                        .arg(shiftB));
    }
};

// A read-only connection on the shop's file, as pos-tool ledger report and the back office use.
std::unique_ptr<SqliteDatabase> openReader(const QString& path)
{
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened || !opened.value()->applyLedgerSettings())
        return nullptr;
    return std::move(opened).value();
}

} // namespace

class tst_LedgerReports final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dayTotals_data();
    void dayTotals();
    void byTender_data();
    void byTender();
    void byHour();
    void byCashier();
    void topProducts_data();
    void topProducts();
    void byCategory();
    void shiftTotals_data();
    void shiftTotals();
    void shiftTotalsOfMissingShiftIsNotFound();
    void unsyncedCountCountsOpenCardPayments();
    void writerConnectionIsRefused();
    void badPeriodIsRefused_data();
    void badPeriodIsRefused();
    void emptyPeriodGivesEmptyReports();

private:
    Shop m_shop;
    std::unique_ptr<SqliteDatabase> m_reader;
};

void tst_LedgerReports::initTestCase()
{
    QVERIFY(m_shop.setUp());
    m_reader = openReader(m_shop.path());
    QVERIFY(m_reader);
}

void tst_LedgerReports::dayTotals_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    // Per day: sales count, refunds count, gross, refunds, net, tax.
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("both days") << day1 << day2
                               << QList<qint64>{3, 0, 5370, 0, 5370, 556, 2, 1, 3360, 350, 3010, 263};
    QTest::newRow("day 1") << day1 << day1 << QList<qint64>{3, 0, 5370, 0, 5370, 556};
    QTest::newRow("day 2 and after") << day2 << day2.addDays(5) << QList<qint64>{2, 1, 3360, 350, 3010, 263};
}

void tst_LedgerReports::dayTotals()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QList<qint64>, expected);
    const Result<QList<DayTotals>> days = LedgerReports(*m_reader).dayTotals(from, to);
    POS_VERIFY_RESULT(days);
    QCOMPARE(days.value().size() * 6, expected.size());
    for (qsizetype i = 0; i < days.value().size(); ++i) {
        const DayTotals& day = days.value().at(i);
        QCOMPARE(day.date, from.addDays(i));
        QCOMPARE(day.salesCount, expected.at(6 * i));
        QCOMPARE(day.refundsCount, expected.at(6 * i + 1));
        QCOMPARE(day.gross, fen(expected.at(6 * i + 2)));
        QCOMPARE(day.refunds, fen(expected.at(6 * i + 3)));
        QCOMPARE(day.net, fen(expected.at(6 * i + 4)));
        QCOMPARE(day.tax, fen(expected.at(6 * i + 5)));
    }
}

void tst_LedgerReports::byTender_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    // Tender count and net amount for cash, card, qr.
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("both days") << day1 << day2 << QList<qint64>{3, 1100, 2, 2720, 2, 4560};
    QTest::newRow("day 1") << day1 << day1 << QList<qint64>{2, 1450, 1, 1920, 1, 2000};
    QTest::newRow("day 2: the refund is a negative cash tender")
        << day2 << day2 << QList<qint64>{1, -350, 1, 800, 1, 2560};
}

void tst_LedgerReports::byTender()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QList<qint64>, expected);
    const Result<QList<TenderTotals>> tenders = LedgerReports(*m_reader).byTender(from, to);
    POS_VERIFY_RESULT(tenders);
    QCOMPARE(tenders.value().size(), 3);
    const TenderKind kinds[] = {TenderKind::Cash, TenderKind::Card, TenderKind::Qr};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(tenders.value().at(i).kind, kinds[i]);
        QCOMPARE(tenders.value().at(i).tenderCount, expected.at(2 * i));
        QCOMPARE(tenders.value().at(i).amount, fen(expected.at(2 * i + 1)));
    }
}

void tst_LedgerReports::byHour()
{
    const Result<QList<HourTotals>> hours = LedgerReports(*m_reader).byHour(day1, day2);
    POS_VERIFY_RESULT(hours);
    QCOMPARE(hours.value().size(), 3);
    // 09: S1 700; 12: S2 1920 + S3 750 + 2000; 18: S4 2560 - R1 350 + S5 800.
    const qint64 expected[][3] = {{9, 1, 700}, {12, 3, 4670}, {18, 3, 3010}};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(hours.value().at(i).hour, int(expected[i][0]));
        QCOMPARE(hours.value().at(i).tenderCount, expected[i][1]);
        QCOMPARE(hours.value().at(i).amount, fen(expected[i][2]));
    }
}

void tst_LedgerReports::byCashier()
{
    const Result<QList<CashierTotals>> cashiers = LedgerReports(*m_reader).byCashier(day1, day2);
    POS_VERIFY_RESULT(cashiers);
    QCOMPARE(cashiers.value().size(), 2);
    // Zhao: 1920 + 2560; Wang: 700 + 750 + 2000 - 350 + 800.
    QCOMPARE(cashiers.value().at(0).cashierId, m_shop.zhao);
    QCOMPARE(cashiers.value().at(0).displayName, u"赵磊"_qs);
    QCOMPARE(cashiers.value().at(0).tenderCount, qint64(2));
    QCOMPARE(cashiers.value().at(0).amount, fen(4480));
    QCOMPARE(cashiers.value().at(1).cashierId, m_shop.wang);
    QCOMPARE(cashiers.value().at(1).tenderCount, qint64(5));
    QCOMPARE(cashiers.value().at(1).amount, fen(3900));
}

void tst_LedgerReports::topProducts_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expectedRows");
    QTest::newRow("all three") << 20 << 3;
    QTest::newRow("top two") << 2 << 2;
    QTest::newRow("top one") << 1 << 1;
}

void tst_LedgerReports::topProducts()
{
    QFETCH(int, limit);
    QFETCH(int, expectedRows);
    const Result<QList<ProductTotals>> products = LedgerReports(*m_reader).topProducts(day1, day2, limit);
    POS_VERIFY_RESULT(products);
    QCOMPARE(products.value().size(), expectedRows);
    // apples 1.5 + 2.0 kg: 1920 + 2560; notebooks 3 + 1: 2400 + 800; cola 2 + 1 - 1 refunded: 700 + 350 -
    // 350.
    const qint64 ids[] = {m_shop.apples, m_shop.notebook, m_shop.cola};
    const QString names[] = {u"苹果"_qs, u"笔记本"_qs, u"可乐"_qs};
    const qint64 quantities[] = {3500, 4000, 2000};
    const qint64 amounts[] = {4480, 3200, 700};
    const qint64 lines[] = {2, 2, 3};
    for (int i = 0; i < expectedRows; ++i) {
        const ProductTotals& product = products.value().at(i);
        QCOMPARE(product.productId, ids[i]);
        QCOMPARE(product.name, names[i]);
        QCOMPARE(product.quantityMilli, quantities[i]);
        QCOMPARE(product.amount, fen(amounts[i]));
        QCOMPARE(product.lineCount, lines[i]);
    }
}

void tst_LedgerReports::byCategory()
{
    const Result<QList<CategoryTotals>> categories = LedgerReports(*m_reader).byCategory(day1, day2);
    POS_VERIFY_RESULT(categories);
    QCOMPARE(categories.value().size(), 3);
    QCOMPARE(categories.value().at(0).categoryId, std::optional<qint64>(2));
    QCOMPARE(categories.value().at(0).name, u"水果"_qs);
    QCOMPARE(categories.value().at(0).amount, fen(4480));
    QCOMPARE(categories.value().at(1).categoryId, std::optional<qint64>());
    QCOMPARE(categories.value().at(1).name, QString());
    QCOMPARE(categories.value().at(1).amount, fen(3200));
    QCOMPARE(categories.value().at(1).quantityMilli, qint64(4000));
    QCOMPARE(categories.value().at(2).categoryId, std::optional<qint64>(1));
    QCOMPARE(categories.value().at(2).amount, fen(700));
    QCOMPARE(categories.value().at(2).lineCount, qint64(3));
}

void tst_LedgerReports::shiftTotals_data()
{
    QTest::addColumn<bool>("wang");
    // sales count, refunds count, sales, refunds, net, tax, cash tenders, cash in, cash out, float, expected
    QTest::addColumn<QList<qint64>>("expected");
    // Tenders (count, amount) for cash, card, qr.
    QTest::addColumn<QList<qint64>>("tenders");
    QTest::newRow("open shift A (X report)")
        << true << QList<qint64>{3, 1, 4250, 350, 3900, 449, 1100, 10000, 5000, 50000, 56100}
        << QList<qint64>{3, 1100, 1, 800, 1, 2000};
    QTest::newRow("closed shift B (Z report)")
        << false << QList<qint64>{2, 0, 4480, 0, 4480, 370, 0, 0, 0, 30000, 30000}
        << QList<qint64>{0, 0, 1, 1920, 1, 2560};
}

void tst_LedgerReports::shiftTotals()
{
    QFETCH(bool, wang);
    QFETCH(QList<qint64>, expected);
    QFETCH(QList<qint64>, tenders);
    const Result<ShiftTotals> totals =
        LedgerReports(*m_reader).shiftTotals(wang ? m_shop.shiftA : m_shop.shiftB);
    POS_VERIFY_RESULT(totals);
    const ShiftTotals& shift = totals.value();
    QCOMPARE(shift.shiftId, wang ? m_shop.shiftA : m_shop.shiftB);
    QCOMPARE(shift.cashierId, wang ? m_shop.wang : m_shop.zhao);
    QCOMPARE(shift.open, wang);
    QCOMPARE(shift.closedMs.has_value(), !wang);
    QCOMPARE(shift.zReportNo, wang ? std::nullopt : std::optional<qint64>(7));
    QCOMPARE(shift.countedCash, wang ? std::nullopt : std::optional<Money>(fen(29900)));
    QCOMPARE(shift.noSaleCount, qint64(wang ? 1 : 0));
    QCOMPARE(shift.salesCount, expected.at(0));
    QCOMPARE(shift.refundsCount, expected.at(1));
    QCOMPARE(shift.sales, fen(expected.at(2)));
    QCOMPARE(shift.refunds, fen(expected.at(3)));
    QCOMPARE(shift.net, fen(expected.at(4)));
    QCOMPARE(shift.tax, fen(expected.at(5)));
    QCOMPARE(shift.cashTenders, fen(expected.at(6)));
    QCOMPARE(shift.cashIn, fen(expected.at(7)));
    QCOMPARE(shift.cashOut, fen(expected.at(8)));
    QCOMPARE(shift.openingFloat, fen(expected.at(9)));
    QCOMPARE(shift.cashExpected, fen(expected.at(10)));
    QList<qint64> actual(6, 0);
    for (const TenderTotals& tender : shift.byTender) {
        const int i = tender.kind == TenderKind::Cash ? 0 : tender.kind == TenderKind::Card ? 1 : 2;
        actual[2 * i] = tender.tenderCount;
        actual[2 * i + 1] = tender.amount.fen();
    }
    QCOMPARE(actual, tenders);
}

void tst_LedgerReports::shiftTotalsOfMissingShiftIsNotFound()
{
    const Result<ShiftTotals> totals = LedgerReports(*m_reader).shiftTotals(424242);
    QVERIFY(!totals);
    QCOMPARE(totals.error().code, ErrorCode::NotFound);
}

void tst_LedgerReports::unsyncedCountCountsOpenCardPayments()
{
    Shop shop;
    QVERIFY(shop.setUp());
    std::unique_ptr<SqliteDatabase> reader = openReader(shop.path());
    QVERIFY(reader);
    LedgerReports reports(*reader);
    QCOMPARE(reports.unsyncedCount().value(), qint64(0));

    CardIntentInput intent;
    intent.amount = fen(999);
    intent.panMasked = u"622848******1234"_qs;
    intent.panHmac = QByteArray(32, '\x5a');
    intent.entryMode = u"contactless"_qs;
    intent.createdMs = at(day2, 20, 0);
    const Result<CardIntent> sending = shop.ledger->beginCardPayment(intent);
    POS_VERIFY_RESULT(sending);
    QCOMPARE(reports.unsyncedCount().value(), qint64(1)); // the payment still 'sending'
    POS_VERIFY_RESULT(shop.ledger->markReversalPending(sending.value().paymentId, u"98"_qs, at(day2, 20, 1)));
    QCOMPARE(reports.unsyncedCount().value(), qint64(2)); // 'reversal_pending' plus its due reversal
}

void tst_LedgerReports::writerConnectionIsRefused()
{
    const Result<QList<DayTotals>> days = LedgerReports(m_shop.ledger->database()).dayTotals(day1, day2);
    QVERIFY(!days);
    QCOMPARE(days.error().code, ErrorCode::InvalidInput);
    QVERIFY(!days.error().userMessage.isEmpty());
}

void tst_LedgerReports::badPeriodIsRefused_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::newRow("to before from") << day2 << day1;
    QTest::newRow("invalid from") << QDate() << day1;
    QTest::newRow("invalid to") << day1 << QDate();
}

void tst_LedgerReports::badPeriodIsRefused()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    LedgerReports reports(*m_reader);
    QCOMPARE(reports.dayTotals(from, to).error().code, ErrorCode::InvalidInput);
    QCOMPARE(reports.byTender(from, to).error().code, ErrorCode::InvalidInput);
    QCOMPARE(reports.byHour(from, to).error().code, ErrorCode::InvalidInput);
    QCOMPARE(reports.byCashier(from, to).error().code, ErrorCode::InvalidInput);
    QCOMPARE(reports.topProducts(from, to, 20).error().code, ErrorCode::InvalidInput);
    QCOMPARE(reports.byCategory(from, to).error().code, ErrorCode::InvalidInput);
}

void tst_LedgerReports::emptyPeriodGivesEmptyReports()
{
    LedgerReports reports(*m_reader);
    const QDate before = day1.addDays(-30);
    QVERIFY(reports.dayTotals(before, day1.addDays(-1)).value().isEmpty());
    QVERIFY(reports.byTender(before, day1.addDays(-1)).value().isEmpty());
    QVERIFY(reports.byHour(before, day1.addDays(-1)).value().isEmpty());
    QVERIFY(reports.byCashier(before, day1.addDays(-1)).value().isEmpty());
    QVERIFY(reports.topProducts(before, day1.addDays(-1), 20).value().isEmpty());
    QVERIFY(reports.byCategory(before, day1.addDays(-1)).value().isEmpty());
}

QTEST_GUILESS_MAIN(tst_LedgerReports)
#include "tst_ledger_reports.moc"
