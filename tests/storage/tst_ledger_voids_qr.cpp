// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: voiding sales and the life of QR payments, on real ledger files.
#include "storage/LedgerVerifier.h"
#include "support/LedgerShopFixture.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::storage;
using namespace pos::test;

namespace {

constexpr qint64 day = 24 * 60 * 60 * 1000;

VoidInput voidOf(const Shop& shop, qint64 saleId)
{
    return {saleId, shop.cashier, shop.supervisor, QStringLiteral("顾客改主意"), noon + 60'000};
}

QrIntentInput qrPay(qint64 amount, const QString& orderNo)
{
    return {false, QrChannel::WeChat, yuan(amount), orderNo, std::nullopt, noon};
}

bool verifies(Shop& shop)
{
    const Result<VerifyReport> report = verifyLedger(shop.ledger->database());
    return report && report.value().ok();
}

} // namespace

class tst_LedgerVoidsQr final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void voidedCashSaleLeavesEveryTotal();
    void voidedCardSaleNeedsTheHostVoidFirst();
    void voidIsRefused_data();
    void voidIsRefused();
    void qrIntentIsCommittedWithItsQuery();
    void qrTransitions_data();
    void qrTransitions();
    void unknownQrOutcomeMakesTheQueryDue();
    void paidQrPaysATenderOnce();
    void qrOrderNumberIsUnique();
    void qrRefundNeverExceedsThePayment();
};

void tst_LedgerVoidsQr::voidedCashSaleLeavesEveryTotal()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 stockBefore =
        shop.count(QStringLiteral("SELECT stock_milli FROM products WHERE id = %1").arg(shop.cola));
    const Result<RecordedSale> sale = shop.ledger->recordSale(shop.cashSale(2280, 5000));
    POS_VERIFY_RESULT(sale);
    POS_VERIFY_RESULT(shop.ledger->voidSale(voidOf(shop, sale.value().saleId)));

    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM sales WHERE id = %1").arg(sale.value().saleId)),
             QStringLiteral("voided"));
    QCOMPARE(shop.count(QStringLiteral("SELECT stock_milli FROM products WHERE id = %1").arg(shop.cola)),
             stockBefore);
    QCOMPARE(shop.count(QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM daily_tender_totals")),
             qint64(0));
    QCOMPARE(shop.count(QStringLiteral("SELECT coalesce(sum(sale_count), 0) FROM daily_tender_totals")),
             qint64(0));
    QCOMPARE(shop.count(QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM daily_product_totals")),
             qint64(0));
    QCOMPARE(shop.count(QStringLiteral("SELECT coalesce(sum(quantity_milli), 0) FROM daily_product_totals")),
             qint64(0));
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM audit_log WHERE event = 'sale.voided'")),
             qint64(1));
    // The drawer expects only the float back: the voided sale's cash went back to the customer.
    POS_VERIFY_RESULT(shop.ledger->closeShift(shop.shift, yuan(50000), noon + 120'000));
    QCOMPARE(shop.count(QStringLiteral("SELECT expected_cash_fen FROM shifts WHERE id = %1").arg(shop.shift)),
             qint64(50000));
    QVERIFY(verifies(shop));
}

void tst_LedgerVoidsQr::voidedCardSaleNeedsTheHostVoidFirst()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.approvedCard(2280);
    QVERIFY(payment != 0);
    SaleInput input = shop.cashSale(0, 0);
    input.tenders = {{TenderKind::Card, yuan(2280), Money(), payment, std::nullopt}};
    const Result<RecordedSale> sale = shop.ledger->recordSale(input);
    POS_VERIFY_RESULT(sale);

    const Result<> early = shop.ledger->voidSale(voidOf(shop, sale.value().saleId));
    QVERIFY(!early);
    QCOMPARE(early.error().code, ErrorCode::InvalidInput);
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM sales WHERE id = %1").arg(sale.value().saleId)),
             QStringLiteral("completed"));

    QVERIFY(shop.approvedCard(2280, CardTransactionType::Void, payment) != 0);
    QCOMPARE(shop.text(QStringLiteral("SELECT host_state FROM card_payments WHERE id = %1").arg(payment)),
             QStringLiteral("voided"));
    POS_VERIFY_RESULT(shop.ledger->voidSale(voidOf(shop, sale.value().saleId)));
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM sales WHERE id = %1").arg(sale.value().saleId)),
             QStringLiteral("voided"));
    QVERIFY(verifies(shop));
}

void tst_LedgerVoidsQr::voidIsRefused_data()
{
    QTest::addColumn<QString>("situation");
    QTest::newRow("another day") << u"another day"_qs;
    QTest::newRow("closed shift") << u"closed shift"_qs;
    QTest::newRow("partly refunded") << u"partly refunded"_qs;
    QTest::newRow("approved by a cashier") << u"approved by a cashier"_qs;
    QTest::newRow("no reason") << u"no reason"_qs;
    QTest::newRow("voided twice") << u"voided twice"_qs;
    QTest::newRow("a refund") << u"a refund"_qs;
}

void tst_LedgerVoidsQr::voidIsRefused()
{
    QFETCH(QString, situation);
    Shop shop;
    QVERIFY(shop.setUp());
    const Result<RecordedSale> sale = shop.ledger->recordSale(shop.cashSale(2280, 2280));
    POS_VERIFY_RESULT(sale);
    VoidInput input = voidOf(shop, sale.value().saleId);
    if (situation == QLatin1String("another day")) {
        input.createdMs = noon + day;
    } else if (situation == QLatin1String("closed shift")) {
        POS_VERIFY_RESULT(shop.ledger->closeShift(shop.shift, yuan(52280), noon + 1000));
    } else if (situation == QLatin1String("partly refunded") || situation == QLatin1String("a refund")) {
        const qint64 line =
            shop.count(QStringLiteral("SELECT id FROM sale_lines WHERE sale_id = %1 AND line_no = 1")
                           .arg(sale.value().saleId));
        RefundInput refund{sale.value().saleId, shop.shift, shop.cashier, shop.supervisor,
                           {{line, 1000}},      {},         noon};
        const Result<Money> quote = shop.ledger->quoteRefund(refund);
        POS_VERIFY_RESULT(quote);
        refund.tenders = {{TenderKind::Cash, quote.value(), Money(), std::nullopt, std::nullopt}};
        const Result<RecordedSale> refunded = shop.ledger->recordRefund(refund);
        POS_VERIFY_RESULT(refunded);
        if (situation == QLatin1String("a refund"))
            input.saleId = refunded.value().saleId;
    } else if (situation == QLatin1String("approved by a cashier")) {
        input.approvedBy = shop.cashier;
    } else if (situation == QLatin1String("no reason")) {
        input.reason = u"  "_qs;
    } else if (situation == QLatin1String("voided twice")) {
        POS_VERIFY_RESULT(shop.ledger->voidSale(input));
    }
    const qint64 auditRows = shop.count(QStringLiteral("SELECT count(*) FROM audit_log"));
    const qint64 tenderTotal = shop.count(QStringLiteral("SELECT sum(amount_fen) FROM daily_tender_totals"));

    const Result<> voided = shop.ledger->voidSale(input);
    QVERIFY(!voided);
    QCOMPARE(voided.error().code, ErrorCode::InvalidInput);
    QVERIFY(!voided.error().userMessage.isEmpty());
    QCOMPARE(shop.count(QStringLiteral("SELECT count(*) FROM audit_log")), auditRows);
    QCOMPARE(shop.count(QStringLiteral("SELECT sum(amount_fen) FROM daily_tender_totals")), tenderTotal);
}

void tst_LedgerVoidsQr::qrIntentIsCommittedWithItsQuery()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const Result<qint64> payment = shop.ledger->beginQrPayment(qrPay(2280, u"T12345678-000001"_qs));
    POS_VERIFY_RESULT(payment);
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM qr_payments WHERE id = %1").arg(payment.value())),
             QStringLiteral("created"));
    QCOMPARE(shop.text(QStringLiteral("SELECT kind || ':' || state FROM outbox WHERE qr_payment_id = %1")
                           .arg(payment.value())),
             QStringLiteral("qr_query:armed"));
}

void tst_LedgerVoidsQr::qrTransitions_data()
{
    QTest::addColumn<QList<int>>("path"); // QrState values applied in order; the last one is checked
    QTest::addColumn<bool>("lastAllowed");
    auto path = [](std::initializer_list<QrState> states) {
        QList<int> values;
        for (QrState state : states)
            values.append(static_cast<int>(state));
        return values;
    };
    QTest::newRow("created -> paid") << path({QrState::Paid}) << true;
    QTest::newRow("user paying -> paid") << path({QrState::UserPaying, QrState::Paid}) << true;
    QTest::newRow("unknown -> reversed") << path({QrState::Unknown, QrState::Reversed}) << true;
    QTest::newRow("paid -> refunded") << path({QrState::Paid, QrState::Refunded}) << true;
    QTest::newRow("not paid -> closed") << path({QrState::NotPaid, QrState::Closed}) << true;
    QTest::newRow("paid -> not paid") << path({QrState::Paid, QrState::NotPaid}) << false;
    QTest::newRow("closed -> paid") << path({QrState::Closed, QrState::Paid}) << false;
    QTest::newRow("reversed -> paid") << path({QrState::Unknown, QrState::Reversed, QrState::Paid}) << false;
    QTest::newRow("created -> refunded") << path({QrState::Refunded}) << false;
    QTest::newRow("created -> created") << path({QrState::Created}) << false;
}

void tst_LedgerVoidsQr::qrTransitions()
{
    QFETCH(QList<int>, path);
    QFETCH(bool, lastAllowed);
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginQrPayment(qrPay(1000, u"T12345678-000002"_qs)).value();
    for (int i = 0; i + 1 < path.size(); ++i)
        POS_VERIFY_RESULT(
            shop.ledger->updateQrPayment(payment, {static_cast<QrState>(path.at(i)), {}, noon}));
    const QString before =
        shop.text(QStringLiteral("SELECT state FROM qr_payments WHERE id = %1").arg(payment));
    const QrState last = static_cast<QrState>(path.last());
    const Result<> moved = shop.ledger->updateQrPayment(payment, {last, u"4200001234"_qs, noon});
    QCOMPARE(moved.hasValue(), lastAllowed);
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM qr_payments WHERE id = %1").arg(payment)),
             lastAllowed ? qrStateKey(last) : before);
    if (!lastAllowed)
        QCOMPARE(moved.error().code, ErrorCode::ProtocolViolation);
}

void tst_LedgerVoidsQr::unknownQrOutcomeMakesTheQueryDue()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginQrPayment(qrPay(1000, u"T12345678-000003"_qs)).value();
    POS_VERIFY_RESULT(shop.ledger->updateQrPayment(payment, {QrState::Unknown, {}, noon + 5000}));
    const Result<std::optional<OutboxItem>> claimed = shop.ledger->claimDueOutbox(noon + 5000);
    POS_VERIFY_RESULT(claimed);
    QVERIFY(claimed.value().has_value());
    QCOMPARE(claimed.value()->kind, OutboxKind::QrQuery);
    QCOMPARE(claimed.value()->qrPaymentId, std::optional<qint64>(payment));
    // The query found the payment was never made; the acquirer reversed (closed) the order.
    POS_VERIFY_RESULT(shop.ledger->completeOutbox(claimed.value()->id, noon + 6000, QrState::Reversed));
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM qr_payments WHERE id = %1").arg(payment)),
             QStringLiteral("reversed"));
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM outbox WHERE qr_payment_id = %1").arg(payment)),
             QStringLiteral("done"));
}

void tst_LedgerVoidsQr::paidQrPaysATenderOnce()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginQrPayment(qrPay(2280, u"T12345678-000004"_qs)).value();
    POS_VERIFY_RESULT(shop.ledger->updateQrPayment(payment, {QrState::Paid, u"4200009999"_qs, noon}));
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM outbox WHERE qr_payment_id = %1").arg(payment)),
             QStringLiteral("cancelled"));
    SaleInput input = shop.cashSale(0, 0);
    input.tenders = {{TenderKind::Qr, yuan(2280), Money(), std::nullopt, payment}};
    POS_VERIFY_RESULT(shop.ledger->recordSale(input));
    const Result<RecordedSale> again = shop.ledger->recordSale(input);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidInput);
    QVERIFY(verifies(shop));
}

void tst_LedgerVoidsQr::qrOrderNumberIsUnique()
{
    Shop shop;
    QVERIFY(shop.setUp());
    POS_VERIFY_RESULT(shop.ledger->beginQrPayment(qrPay(100, u"T12345678-000005"_qs)));
    const Result<qint64> again = shop.ledger->beginQrPayment(qrPay(200, u"T12345678-000005"_qs));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidInput);
    const Result<qint64> malformed = shop.ledger->beginQrPayment(qrPay(200, u"订单号"_qs));
    QVERIFY(!malformed);
    QCOMPARE(malformed.error().code, ErrorCode::InvalidInput);
    QCOMPARE(shop.count(u"SELECT count(*) FROM qr_payments"_qs), qint64(1));
}

void tst_LedgerVoidsQr::qrRefundNeverExceedsThePayment()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginQrPayment(qrPay(1000, u"T12345678-000006"_qs)).value();
    QrIntentInput refund{true, QrChannel::WeChat, yuan(1001), u"T12345678-000007"_qs, payment, noon};
    const Result<qint64> unpaid = shop.ledger->beginQrPayment(refund);
    QVERIFY(!unpaid); // not paid yet
    POS_VERIFY_RESULT(shop.ledger->updateQrPayment(payment, {QrState::Paid, {}, noon}));
    const Result<qint64> tooMuch = shop.ledger->beginQrPayment(refund);
    QVERIFY(!tooMuch);
    QCOMPARE(tooMuch.error().code, ErrorCode::InvalidInput);
    refund.amount = yuan(1000);
    POS_VERIFY_RESULT(shop.ledger->beginQrPayment(refund));
}

QTEST_GUILESS_MAIN(tst_LedgerVoidsQr)
#include "tst_ledger_voids_qr.moc"
