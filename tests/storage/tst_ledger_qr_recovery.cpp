// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: the QR recovery functions (storage/LedgerQrRecovery.cpp) and the journal's order numbers, on real
// ledger files: the reverse owed by a payment whose outcome stays unknown, start-up recovery, the reference
// a sender needs, the count of open recoveries.
#include "storage/LedgerQrJournal.h"
#include "storage/LedgerVerifier.h"
#include "support/LedgerShopFixture.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::storage;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

QrIntentInput qrPay(qint64 amount, const QString& orderNo)
{
    return {false, QrChannel::Alipay, yuan(amount), orderNo, std::nullopt, noon};
}

} // namespace

class tst_LedgerQrRecovery final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void orderNumbers_data();
    void orderNumbers();
    void referenceOfAPayment();
    void reverseCancelsTheQueryAndIsInFlight();
    void reverseIsRefused_data();
    void reverseIsRefused();
    void failedReverseIsClaimedAgainAndCompletes();
    void startupRecoveryMakesOpenPaymentsDue();
};

void tst_LedgerQrRecovery::orderNumbers_data()
{
    QTest::addColumn<QString>("terminal");
    QTest::addColumn<qint64>("sequence");
    QTest::addColumn<QString>("expectedSuffix"); // empty: refused
    QTest::newRow("first") << u"12345678"_qs << qint64(1) << u"00000001"_qs;
    QTest::newRow("wraps at 10^8") << u"12345678"_qs << qint64(100'000'007) << u"00000007"_qs;
    QTest::newRow("empty terminal") << QString() << qint64(1) << QString();
    QTest::newRow("terminal with dash") << u"1234-678"_qs << qint64(1) << QString();
    QTest::newRow("terminal of 17") << QString(17, u'1') << qint64(1) << QString();
}

void tst_LedgerQrRecovery::orderNumbers()
{
    QFETCH(QString, terminal);
    QFETCH(qint64, sequence);
    QFETCH(QString, expectedSuffix);
    const Result<QString> number = qrOrderNumber(terminal, noon, sequence);
    QCOMPARE(number.hasValue(), !expectedSuffix.isEmpty());
    if (!number)
        return;
    const QString date = QDateTime::fromMSecsSinceEpoch(noon).toString(u"yyMMdd"_qs);
    QCOMPARE(number.value(), terminal + date + expectedSuffix);
    QVERIFY(number.value().size() <= 32);
}

void tst_LedgerQrRecovery::referenceOfAPayment()
{
    Shop shop;
    QVERIFY(shop.setUp());
    QCOMPARE(shop.ledger->nextQrOrderSequence().value(), qint64(1));
    const qint64 payment = shop.ledger->beginQrPayment(qrPay(1200, u"T1234567800001"_qs)).value();
    QCOMPARE(shop.ledger->nextQrOrderSequence().value(), payment + 1);
    const Result<QrPaymentReference> reference = shop.ledger->qrPaymentReference(payment);
    POS_VERIFY_RESULT(reference);
    QCOMPARE(reference.value().outTradeNo, u"T1234567800001"_qs);
    QCOMPARE(reference.value().channel, QrChannel::Alipay);
    QCOMPARE(reference.value().amount, yuan(1200));
    QCOMPARE(reference.value().state, u"created"_qs);
    QVERIFY(!reference.value().refund);
    QCOMPARE(shop.ledger->qrPaymentReference(payment + 100).error().code, ErrorCode::NotFound);
}

void tst_LedgerQrRecovery::reverseCancelsTheQueryAndIsInFlight()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginQrPayment(qrPay(1200, u"T1234567800002"_qs)).value();
    POS_VERIFY_RESULT(shop.ledger->updateQrPayment(payment, {QrState::UserPaying, {}, noon + 10}));
    const Result<OutboxItem> item = shop.ledger->beginQrReverse(payment, noon + 20);
    POS_VERIFY_RESULT(item);
    QCOMPARE(item.value().kind, OutboxKind::QrReverse);
    QCOMPARE(item.value().attempts, 1);
    QCOMPARE(shop.text(u"SELECT state FROM qr_payments WHERE id = %1"_qs.arg(payment)), u"unknown"_qs);
    QCOMPARE(shop.text(u"SELECT group_concat(kind || ':' || state, ',') FROM (SELECT kind, state FROM outbox "
                       "WHERE qr_payment_id = %1 ORDER BY id)"_qs.arg(payment)),
             u"qr_query:cancelled,qr_reverse:in_flight"_qs);
    QCOMPARE(shop.ledger->pendingQrRecoveryCount().value(), qint64(1));
    // The same reversal cannot be started twice while it is in flight.
    QCOMPARE(shop.ledger->beginQrReverse(payment, noon + 30).error().code, ErrorCode::StorageBusy);
    POS_VERIFY_RESULT(shop.ledger->completeOutbox(item.value().id, noon + 40, QrState::Reversed));
    QCOMPARE(shop.text(u"SELECT state FROM qr_payments WHERE id = %1"_qs.arg(payment)), u"reversed"_qs);
    QCOMPARE(shop.ledger->pendingQrRecoveryCount().value(), qint64(0));
    const Result<VerifyReport> report = verifyLedger(shop.ledger->database());
    QVERIFY(report && report.value().ok());
}

void tst_LedgerQrRecovery::reverseIsRefused_data()
{
    QTest::addColumn<int>("state"); // QrState the payment is moved to first; -1: a refund
    QTest::newRow("paid") << int(QrState::Paid);
    QTest::newRow("not paid") << int(QrState::NotPaid);
    QTest::newRow("closed") << int(QrState::Closed);
    QTest::newRow("refund") << -1;
}

void tst_LedgerQrRecovery::reverseIsRefused()
{
    QFETCH(int, state);
    Shop shop;
    QVERIFY(shop.setUp());
    qint64 payment = shop.ledger->beginQrPayment(qrPay(1200, u"T1234567800003"_qs)).value();
    if (state >= 0) {
        POS_VERIFY_RESULT(shop.ledger->updateQrPayment(payment, {static_cast<QrState>(state), {}, noon}));
    } else {
        POS_VERIFY_RESULT(shop.ledger->updateQrPayment(payment, {QrState::Paid, {}, noon}));
        payment =
            shop.ledger
                ->beginQrPayment({true, QrChannel::Alipay, yuan(100), u"R1234567800003"_qs, payment, noon})
                .value();
    }
    const qint64 before = shop.count(u"SELECT count(*) FROM outbox"_qs);
    const Result<OutboxItem> item = shop.ledger->beginQrReverse(payment, noon + 20);
    QVERIFY(!item);
    QCOMPARE(item.error().code, ErrorCode::InvalidInput);
    QCOMPARE(shop.count(u"SELECT count(*) FROM outbox"_qs), before);
}

void tst_LedgerQrRecovery::failedReverseIsClaimedAgainAndCompletes()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginQrPayment(qrPay(1200, u"T1234567800004"_qs)).value();
    const OutboxItem item = shop.ledger->beginQrReverse(payment, noon).value();
    POS_VERIFY_RESULT(shop.ledger->failOutboxAttempt(item.id, u"timeout"_qs, AttemptVerdict::RetryLater,
                                                     RetryPolicy{1000, 1000}, noon + 10));
    QVERIFY(!shop.ledger->claimDueOutbox(noon + 500, {OutboxKind::QrReverse}).value().has_value());
    const auto claimed =
        shop.ledger->claimDueOutbox(noon + 1010, {OutboxKind::QrReverse, OutboxKind::QrQuery});
    POS_VERIFY_RESULT(claimed);
    QVERIFY(claimed.value().has_value());
    QCOMPARE(claimed.value()->id, item.id);
    QCOMPARE(claimed.value()->attempts, 2);
    POS_VERIFY_RESULT(shop.ledger->completeOutbox(item.id, noon + 1020, QrState::Reversed));
    QCOMPARE(shop.text(u"SELECT state FROM qr_payments WHERE id = %1"_qs.arg(payment)), u"reversed"_qs);
}

void tst_LedgerQrRecovery::startupRecoveryMakesOpenPaymentsDue()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 created = shop.ledger->beginQrPayment(qrPay(100, u"T1234567800005"_qs)).value();
    const qint64 paying = shop.ledger->beginQrPayment(qrPay(200, u"T1234567800006"_qs)).value();
    const qint64 paid = shop.ledger->beginQrPayment(qrPay(300, u"T1234567800007"_qs)).value();
    const qint64 reversing = shop.ledger->beginQrPayment(qrPay(400, u"T1234567800008"_qs)).value();
    POS_VERIFY_RESULT(shop.ledger->updateQrPayment(paying, {QrState::UserPaying, {}, noon}));
    POS_VERIFY_RESULT(shop.ledger->updateQrPayment(paid, {QrState::Paid, u"42"_qs, noon}));
    POS_VERIFY_RESULT(shop.ledger->beginQrReverse(reversing, noon)); // in flight when the process died
    const Result<int> recovered = shop.ledger->recoverInterruptedQrPayments(noon + 60'000);
    POS_VERIFY_RESULT(recovered);
    QCOMPARE(recovered.value(), 2);
    for (qint64 id : {created, paying, reversing})
        QCOMPARE(shop.text(u"SELECT state FROM qr_payments WHERE id = %1"_qs.arg(id)), u"unknown"_qs);
    QCOMPARE(shop.text(u"SELECT state FROM qr_payments WHERE id = %1"_qs.arg(paid)), u"paid"_qs);
    QCOMPARE(shop.count(u"SELECT count(*) FROM outbox WHERE state = 'pending' AND next_try_ms = %1"_qs.arg(
                 noon + 60'000)),
             qint64(3));
    QCOMPARE(shop.ledger->pendingQrRecoveryCount().value(), qint64(3));
    QCOMPARE(shop.ledger->recoverInterruptedQrPayments(noon + 61'000).value(), 0); // nothing left open
}

QTEST_GUILESS_MAIN(tst_LedgerQrRecovery)
#include "tst_ledger_qr_recovery.moc"
