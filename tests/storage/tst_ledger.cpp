// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "support/LedgerShopFixture.h"
#include "support/TestSupport.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace pos;
using namespace pos::storage;
using namespace pos::test;

class tst_Ledger final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cashSaleIsRecordedWithChange();
    void saleUpdatesStockAndSummaries();
    void saleSurvivesReopening();
    void ticketDiscountIsSpreadExactly_data();
    void ticketDiscountIsSpreadExactly();
    void badSaleIsRefusedAndWritesNothing_data();
    void badSaleIsRefusedAndWritesNothing();
    void saleNumbersCountUpPerDay();
    void cardIntentIsCommittedWithItsReversal();
    void approvedCardPaysASaleOnce();
    void declinedCardCannotPay();
    void stanWrapsAndSkipsNumbersUsedInTheBatch();
    void fullCardNumberIsRefused_data();
    void fullCardNumberIsRefused();
    void interruptedIntentBecomesAReversalAfterRestart();
    void lateAnswerAfterReversalIsRefused();
    void refundIsLimitedToWhatWasSold();
    void partialRefundsNeverExceedTheLine();
    void auditChainCoversEveryEvent();
    void groupedEventsCommitTogether();
    void closingAShiftCountsTheDrawer();
    void closedShiftTakesNoMoreCash_data();
    void closedShiftTakesNoMoreCash();
    void badCashMovementIsRefused_data();
    void badCashMovementIsRefused();
    void failedEventInsideAGroupLeavesTheOthers();
};

void tst_Ledger::cashSaleIsRecordedWithChange()
{
    Shop shop;
    QVERIFY(shop.setUp());
    // 2 × 3.50 + 1.234 kg × 12.80 (15.7952 → 15.80) = 22.80
    const Result<RecordedSale> sale = shop.ledger->recordSale(shop.cashSale(2280, 5000));
    POS_VERIFY_RESULT(sale);
    QCOMPARE(sale.value().total, yuan(2280));
    QCOMPARE(sale.value().change, yuan(2720));
    QVERIFY(sale.value().saleNo.endsWith(QStringLiteral("-000001")));
    QCOMPARE(shop.count(QStringLiteral("SELECT sum(total_fen) FROM sale_lines")), qint64(2280));
    QCOMPARE(shop.count(QStringLiteral("SELECT change_fen FROM tenders")), qint64(2720));
}

void tst_Ledger::saleUpdatesStockAndSummaries()
{
    Shop shop;
    QVERIFY(shop.setUp());
    POS_VERIFY_RESULT(shop.ledger->recordSale(shop.cashSale(2280, 2280)));
    QCOMPARE(shop.count(QStringLiteral("SELECT stock_milli FROM products WHERE code = '690001'")),
             qint64(98'000));
    QCOMPARE(shop.count(QStringLiteral("SELECT stock_milli FROM products WHERE code = '200001'")),
             qint64(48'766));
    QCOMPARE(
        shop.count(QStringLiteral("SELECT sum(amount_fen) FROM daily_tender_totals WHERE kind = 'cash'")),
        qint64(2280));
    QCOMPARE(
        shop.count(QStringLiteral("SELECT quantity_milli FROM daily_product_totals WHERE product_id = %1")
                       .arg(shop.cola)),
        qint64(2000));
}

void tst_Ledger::saleSurvivesReopening()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const QString saleNo = shop.ledger->recordSale(shop.cashSale(2280, 3000)).value().saleNo;
    shop.ledger.reset();
    auto reopened = Ledger::open(shop.path(), Ledger::Creation::MustExist);
    POS_VERIFY_RESULT(reopened);
    QCOMPARE(reopened.value()->database().queryText(QStringLiteral("SELECT sale_no FROM sales")).value(),
             saleNo);
}

void tst_Ledger::ticketDiscountIsSpreadExactly_data()
{
    QTest::addColumn<qint64>("discount");
    QTest::newRow("none") << qint64(0);
    QTest::newRow("one fen") << qint64(1);
    QTest::newRow("odd amount") << qint64(333);
    QTest::newRow("everything") << qint64(2280);
}

void tst_Ledger::ticketDiscountIsSpreadExactly()
{
    QFETCH(qint64, discount);
    Shop shop;
    QVERIFY(shop.setUp());
    SaleInput sale = shop.cashSale(2280 - discount, 0);
    sale.ticketDiscount = yuan(discount);
    if (discount == 2280)
        sale.tenders.clear();
    const Result<RecordedSale> recorded = shop.ledger->recordSale(sale);
    POS_VERIFY_RESULT(recorded);
    QCOMPARE(recorded.value().total, yuan(2280 - discount));
    QCOMPARE(shop.count(QStringLiteral("SELECT sum(total_fen) FROM sale_lines")), qint64(2280 - discount));
    QCOMPARE(shop.count(QStringLiteral("SELECT discount_fen FROM sales")), discount);
}

void tst_Ledger::badSaleIsRefusedAndWritesNothing_data()
{
    QTest::addColumn<int>("defect");
    QTest::newRow("tenders short by one fen") << 0;
    QTest::newRow("no lines") << 1;
    QTest::newRow("negative quantity") << 2;
    QTest::newRow("discount above the line") << 3;
    QTest::newRow("closed shift") << 4;
    QTest::newRow("card tender without approval") << 5;
    QTest::newRow("cash given below amount") << 6;
    QTest::newRow("unknown product") << 7;
}

void tst_Ledger::badSaleIsRefusedAndWritesNothing()
{
    QFETCH(int, defect);
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 auditBefore = shop.count(QStringLiteral("SELECT count(*) FROM audit_log"));
    SaleInput sale = shop.cashSale(2280, 0);
    switch (defect) {
    case 0: sale.tenders[0].amount = yuan(2279); break;
    case 1: sale.lines.clear(); break;
    case 2: sale.lines[0].quantityMilli = -1000; break;
    case 3: sale.lines[0].discount = yuan(701); break;
    case 4: sale.shiftId = 999; break;
    case 5: sale.tenders[0].kind = TenderKind::Card; break;
    case 6: sale.tenders[0].cashGiven = yuan(2000); break;
    case 7: sale.lines[0].productId = 424242; break;
    }
    const Result<RecordedSale> recorded = shop.ledger->recordSale(sale);
    QVERIFY(!recorded);
    QVERIFY(!recorded.error().userMessage.isEmpty());
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM sales")), qint64(0));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM tenders")), qint64(0));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore);
    QCOMPARE(shop.count(QStringLiteral("SELECT stock_milli FROM products WHERE code = '690001'")),
             qint64(100'000));
}

void tst_Ledger::saleNumbersCountUpPerDay()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const QString first = shop.ledger->recordSale(shop.cashSale(2280, 0)).value().saleNo;
    const QString second = shop.ledger->recordSale(shop.cashSale(2280, 0)).value().saleNo;
    SaleInput tomorrow = shop.cashSale(2280, 0);
    tomorrow.createdMs = noon + 24 * 3600 * 1000;
    const QString third = shop.ledger->recordSale(tomorrow).value().saleNo;
    QCOMPARE(first.right(6), QStringLiteral("000001"));
    QCOMPARE(second.right(6), QStringLiteral("000002"));
    QCOMPARE(third.right(6), QStringLiteral("000001"));
    QVERIFY(first.left(8) != third.left(8));
}

void tst_Ledger::cardIntentIsCommittedWithItsReversal()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const Result<CardIntent> intent = shop.ledger->beginCardPayment(shop.cardIntent(2280));
    POS_VERIFY_RESULT(intent);
    QCOMPARE(intent.value().stan, 1);
    QCOMPARE(intent.value().batchNo, 1);
    QCOMPARE(intent.value().terminalId, QStringLiteral("12345678"));
    QCOMPARE(shop.ledger->database()
                 .queryText(QStringLiteral("SELECT host_state FROM card_payments WHERE id = %1")
                                .arg(intent.value().paymentId))
                 .value(),
             QStringLiteral("sending"));
    QCOMPARE(
        shop.ledger->database()
            .queryText(QStringLiteral("SELECT kind || ':' || state FROM outbox WHERE card_payment_id = %1")
                           .arg(intent.value().paymentId))
            .value(),
        QStringLiteral("reversal:armed"));
    QCOMPARE(shop.ledger->unsyncedCount().value(), qint64(1));
}

void tst_Ledger::approvedCardPaysASaleOnce()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginCardPayment(shop.cardIntent(1280)).value().paymentId;
    POS_VERIFY_RESULT(
        shop.ledger->completeCardPayment(payment, {true, QStringLiteral("00"), QStringLiteral("123456789012"),
                                                   QStringLiteral("A1B2C3"), true, noon}));
    QCOMPARE(shop.ledger->unsyncedCount().value(), qint64(0));
    SaleInput sale = shop.cashSale(1000, 1000);
    sale.tenders.append({TenderKind::Card, yuan(1280), Money(), payment, std::nullopt});
    POS_VERIFY_RESULT(shop.ledger->recordSale(sale));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM card_payments WHERE tender_id IS NOT NULL")),
             qint64(1));
    const Result<RecordedSale> again = shop.ledger->recordSale(sale);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidInput);
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM sales")), qint64(1));
}

void tst_Ledger::declinedCardCannotPay()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginCardPayment(shop.cardIntent(2280)).value().paymentId;
    POS_VERIFY_RESULT(
        shop.ledger->completeCardPayment(payment, {false, QStringLiteral("51"), {}, {}, false, noon}));
    SaleInput sale = shop.cashSale(2280, 0);
    sale.tenders = {{TenderKind::Card, yuan(2280), Money(), payment, std::nullopt}};
    QVERIFY(!shop.ledger->recordSale(sale));
}

void tst_Ledger::stanWrapsAndSkipsNumbersUsedInTheBatch()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const int first = shop.ledger->beginCardPayment(shop.cardIntent(100)).value().stan; // uses 1
    QCOMPARE(first, 1);
    POS_VERIFY_RESULT(
        shop.ledger->database().execute(QStringLiteral("UPDATE terminal_profile SET next_stan = 999999")));
    QCOMPARE(shop.ledger->beginCardPayment(shop.cardIntent(100)).value().stan, 999999);
    // Wraps to 1, which this batch already used: the next free number is 2.
    QCOMPARE(shop.ledger->beginCardPayment(shop.cardIntent(100)).value().stan, 2);
    QCOMPARE(shop.count(QStringLiteral("SELECT next_stan FROM terminal_profile")), qint64(3));
}

void tst_Ledger::fullCardNumberIsRefused_data()
{
    QTest::addColumn<QString>("pan");
    QTest::newRow("full PAN") << u"6228480402564890018"_qs;
    QTest::newRow("only last four masked") << u"622848040256****"_qs;
    QTest::newRow("seven digits shown") << u"6228480*****0018"_qs;
    QTest::newRow("track 2 data") << u"6228480402564890018=2512"_qs;
}

void tst_Ledger::fullCardNumberIsRefused()
{
    QFETCH(QString, pan);
    Shop shop;
    QVERIFY(shop.setUp());
    CardIntentInput intent = shop.cardIntent(100);
    intent.panMasked = pan;
    const Result<CardIntent> refused = shop.ledger->beginCardPayment(intent);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY(!refused.error().detail.contains(pan));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM card_payments")), qint64(0));
}

void tst_Ledger::interruptedIntentBecomesAReversalAfterRestart()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginCardPayment(shop.cardIntent(2280)).value().paymentId;
    shop.ledger.reset(); // the process dies before the host answers
    auto reopened = Ledger::open(shop.path(), Ledger::Creation::MustExist);
    POS_VERIFY_RESULT(reopened);
    Ledger& ledger = *reopened.value();
    const Result<int> recovered = ledger.recoverInterruptedPayments(noon + 60'000);
    POS_VERIFY_RESULT(recovered);
    QCOMPARE(recovered.value(), 1);
    QCOMPARE(ledger.database()
                 .queryText(QStringLiteral(
                                "SELECT host_state || ':' || response_code FROM card_payments WHERE id = %1")
                                .arg(payment))
                 .value(),
             QStringLiteral("reversal_pending:98"));
    QCOMPARE(ledger.database()
                 .queryText(QStringLiteral(
                                "SELECT state || ':' || reason_code FROM outbox WHERE card_payment_id = %1")
                                .arg(payment))
                 .value(),
             QStringLiteral("pending:98"));
    QCOMPARE(ledger.recoverInterruptedPayments(noon + 61'000).value(), 0);
    QCOMPARE(ledger.unsyncedCount().value(), qint64(1)); // the due reversal (counted once, not per table)
}

void tst_Ledger::lateAnswerAfterReversalIsRefused()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginCardPayment(shop.cardIntent(2280)).value().paymentId;
    POS_VERIFY_RESULT(shop.ledger->markReversalPending(payment, QStringLiteral("98"), noon + 30'000));
    const Result<> late =
        shop.ledger->completeCardPayment(payment, {true, QStringLiteral("00"), {}, {}, true, noon});
    QVERIFY(!late);
    QCOMPARE(late.error().code, ErrorCode::ProtocolViolation);
    QCOMPARE(shop.ledger->database()
                 .queryText(QStringLiteral("SELECT host_state FROM card_payments WHERE id = %1").arg(payment))
                 .value(),
             QStringLiteral("reversal_pending"));
}

void tst_Ledger::refundIsLimitedToWhatWasSold()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 saleId = shop.ledger->recordSale(shop.cashSale(2280, 0)).value().saleId;
    const qint64 colaLine = shop.count(
        QStringLiteral("SELECT id FROM sale_lines WHERE sale_id = %1 AND line_no = 1").arg(saleId));
    RefundInput refund{saleId,
                       shop.shift,
                       shop.cashier,
                       shop.supervisor,
                       {{colaLine, 1000}},
                       {{TenderKind::Cash, yuan(350), Money(), std::nullopt, std::nullopt}},
                       noon + 1000};
    const Result<RecordedSale> first = shop.ledger->recordRefund(refund);
    POS_VERIFY_RESULT(first);
    QCOMPARE(first.value().total, yuan(-350));
    refund.lines = {{colaLine, 2000}}; // only one bottle is left to refund
    refund.tenders = {{TenderKind::Cash, yuan(700), Money(), std::nullopt, std::nullopt}};
    const Result<RecordedSale> tooMuch = shop.ledger->recordRefund(refund);
    QVERIFY(!tooMuch);
    QCOMPARE(tooMuch.error().code, ErrorCode::InvalidInput);
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM sales WHERE kind = 'refund'")), qint64(1));
    QCOMPARE(shop.count(QStringLiteral("SELECT stock_milli FROM products WHERE code = '690001'")),
             qint64(99'000));
}

// 8 pieces worth 5 fen in total (1 fen each, 3 fen ticket discount), refunded one at a time: rounding each
// part on its own would pay back more than the line.
void tst_Ledger::partialRefundsNeverExceedTheLine()
{
    Shop shop;
    QVERIFY(shop.setUp());
    SaleInput sale = shop.cashSale(5, 0);
    sale.lines = {{std::nullopt, QStringLiteral("糖果"), 8000, yuan(1), Money(), 0}};
    sale.ticketDiscount = yuan(3);
    const qint64 saleId = shop.ledger->recordSale(sale).value().saleId;
    const qint64 line =
        shop.count(QStringLiteral("SELECT id FROM sale_lines WHERE sale_id = %1").arg(saleId));
    Money refunded;
    for (int piece = 0; piece < 8; ++piece) {
        RefundInput refund{saleId, shop.shift, shop.cashier, shop.supervisor, {{line, 1000}}, {}, noon};
        const Result<Money> quote = shop.ledger->quoteRefund(refund);
        POS_VERIFY_RESULT(quote);
        QVERIFY(!quote.value().isNegative());
        if (!quote.value().isZero())
            refund.tenders = {{TenderKind::Cash, quote.value(), Money(), std::nullopt, std::nullopt}};
        const Result<RecordedSale> result = shop.ledger->recordRefund(refund);
        POS_VERIFY_RESULT(result);
        QCOMPARE(result.value().total, -quote.value());
        refunded -= result.value().total;
    }
    QCOMPARE(refunded, yuan(5));
    RefundInput oneMore{saleId, shop.shift, shop.cashier, shop.supervisor, {{line, 1000}}, {}, noon};
    QVERIFY(!shop.ledger->quoteRefund(oneMore));
}

void tst_Ledger::auditChainCoversEveryEvent()
{
    Shop shop;
    QVERIFY(shop.setUp());
    POS_VERIFY_RESULT(shop.ledger->recordSale(shop.cashSale(2280, 0)));
    const qint64 payment = shop.ledger->beginCardPayment(shop.cardIntent(100)).value().paymentId;
    POS_VERIFY_RESULT(
        shop.ledger->completeCardPayment(payment, {false, QStringLiteral("05"), {}, {}, false, noon}));
    const Result<audit::ChainReport> report = audit::verify(shop.ledger->database());
    POS_VERIFY_RESULT(report);
    QVERIFY2(report.value().intact, qPrintable(report.value().problem));
    // users ×2, shift, terminal identity, sale, intent, decline
    QCOMPARE(report.value().rows, qint64(7));
    // Negative control: one changed character anywhere breaks the chain.
    POS_VERIFY_RESULT(shop.ledger->database().execute(QStringLiteral(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = detail || ' ' WHERE id = 5")));
    const Result<audit::ChainReport> tampered = audit::verify(shop.ledger->database());
    POS_VERIFY_RESULT(tampered);
    QVERIFY(!tampered.value().intact);
    QCOMPARE(tampered.value().firstBadId, qint64(5));
}

void tst_Ledger::groupedEventsCommitTogether()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const Result<> grouped = shop.ledger->inOneTransaction([&]() -> Result<> {
        for (int i = 0; i < 3; ++i) {
            if (const Result<RecordedSale> sale = shop.ledger->recordSale(shop.cashSale(2280, 0)); !sale)
                return Failure{sale.error()};
        }
        return fail(ErrorCode::Cancelled, QStringLiteral("stop"), QStringLiteral("test aborts the group"));
    });
    QVERIFY(!grouped);
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM sales")), qint64(0));
    POS_VERIFY_RESULT(shop.ledger->inOneTransaction([&]() -> Result<> {
        for (int i = 0; i < 3; ++i) {
            if (const Result<RecordedSale> sale = shop.ledger->recordSale(shop.cashSale(2280, 0)); !sale)
                return Failure{sale.error()};
        }
        return {};
    }));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM sales")), qint64(3));
}

// A refused event inside a group rolls back only its own savepoint.
void tst_Ledger::failedEventInsideAGroupLeavesTheOthers()
{
    Shop shop;
    QVERIFY(shop.setUp());
    POS_VERIFY_RESULT(shop.ledger->inOneTransaction([&]() -> Result<> {
        if (!shop.ledger->recordSale(shop.cashSale(2280, 0)))
            return fail(ErrorCode::Internal, {}, QStringLiteral("first sale"));
        SaleInput card = shop.cashSale(2280, 0);
        card.tenders = {{TenderKind::Card, yuan(2280), Money(), qint64(424242), std::nullopt}};
        if (shop.ledger->recordSale(card))
            return fail(ErrorCode::Internal, {}, QStringLiteral("unknown card payment accepted"));
        if (!shop.ledger->recordSale(shop.cashSale(2280, 0)))
            return fail(ErrorCode::Internal, {}, QStringLiteral("third sale"));
        return {};
    }));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM sales")), qint64(2));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM tenders")), qint64(2));
    const Result<audit::ChainReport> report = audit::verify(shop.ledger->database());
    QVERIFY(report.value().intact);
}

void tst_Ledger::closingAShiftCountsTheDrawer()
{
    Shop shop;
    QVERIFY(shop.setUp());
    POS_VERIFY_RESULT(shop.ledger->recordSale(shop.cashSale(2280, 5000))); // float 500.00 + 22.80
    const qint64 saleId = shop.ledger->recordSale(shop.cashSale(2280, 2280)).value().saleId;
    const qint64 colaLine = shop.count(
        QStringLiteral("SELECT id FROM sale_lines WHERE sale_id = %1 AND line_no = 1").arg(saleId));
    POS_VERIFY_RESULT(
        shop.ledger->recordRefund({saleId,
                                   shop.shift,
                                   shop.cashier,
                                   shop.supervisor,
                                   {{colaLine, 1000}},
                                   {{TenderKind::Cash, yuan(350), Money(), std::nullopt, std::nullopt}},
                                   noon}));
    POS_VERIFY_RESULT(shop.ledger->recordCashMovement(shop.shift, CashMovementKind::CashIn, yuan(10000),
                                                      QStringLiteral("零钱"), shop.cashier, shop.supervisor,
                                                      noon));
    POS_VERIFY_RESULT(shop.ledger->recordCashMovement(shop.shift, CashMovementKind::CashOut, yuan(20000),
                                                      QStringLiteral("存银行"), shop.cashier, shop.supervisor,
                                                      noon));
    POS_VERIFY_RESULT(shop.ledger->recordCashMovement(shop.shift, CashMovementKind::NoSale, Money(),
                                                      QStringLiteral("找零"), shop.cashier, std::nullopt,
                                                      noon));
    const Result<qint64> z = shop.ledger->closeShift(shop.shift, yuan(34500), noon + 8 * 3600 * 1000);
    POS_VERIFY_RESULT(z);
    QCOMPARE(z.value(), qint64(1));
    // 500.00 + 22.80 + 22.80 − 3.50 + 100.00 − 200.00 = 442.10 expected; 345.00 counted.
    QCOMPARE(shop.count(QStringLiteral("SELECT expected_cash_fen FROM shifts WHERE id = %1").arg(shop.shift)),
             qint64(44210));
    QCOMPARE(shop.count(QStringLiteral("SELECT counted_cash_fen FROM shifts WHERE id = %1").arg(shop.shift)),
             qint64(34500));
    QVERIFY(!shop.ledger->closeShift(shop.shift, yuan(34500), noon));
    // The next shift of the same cashier gets the next Z number.
    const qint64 next = shop.ledger->openShift(shop.cashier, Money(), noon).value();
    QCOMPARE(shop.ledger->closeShift(next, Money(), noon).value(), qint64(2));
}

void tst_Ledger::closedShiftTakesNoMoreCash_data()
{
    QTest::addColumn<bool>("sale");
    QTest::newRow("sale") << true;
    QTest::newRow("cash movement") << false;
}

void tst_Ledger::closedShiftTakesNoMoreCash()
{
    QFETCH(bool, sale);
    Shop shop;
    QVERIFY(shop.setUp());
    POS_VERIFY_RESULT(shop.ledger->closeShift(shop.shift, yuan(50000), noon));
    if (sale) {
        QVERIFY(!shop.ledger->recordSale(shop.cashSale(2280, 0)));
    } else {
        QVERIFY(!shop.ledger->recordCashMovement(shop.shift, CashMovementKind::CashIn, yuan(100), {},
                                                 shop.cashier, std::nullopt, noon));
    }
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM sales")), qint64(0));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM cash_movements")), qint64(0));
}

void tst_Ledger::badCashMovementIsRefused_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("fen");
    QTest::newRow("negative cash in") << int(CashMovementKind::CashIn) << qint64(-100);
    QTest::newRow("zero cash out") << int(CashMovementKind::CashOut) << qint64(0);
    QTest::newRow("no-sale with an amount") << int(CashMovementKind::NoSale) << qint64(100);
}

void tst_Ledger::badCashMovementIsRefused()
{
    QFETCH(int, kind);
    QFETCH(qint64, fen);
    Shop shop;
    QVERIFY(shop.setUp());
    const Result<qint64> movement = shop.ledger->recordCashMovement(
        shop.shift, static_cast<CashMovementKind>(kind), yuan(fen), {}, shop.cashier, std::nullopt, noon);
    QVERIFY(!movement);
    QCOMPARE(movement.error().code, ErrorCode::InvalidInput);
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM cash_movements")), qint64(0));
}

QTEST_GUILESS_MAIN(tst_Ledger)
#include "tst_ledger.moc"
