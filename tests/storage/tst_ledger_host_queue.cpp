// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: the store-and-forward outbox, settlement batches and the print queue, on real ledger files.
#include "storage/AuditChain.h"
#include "storage/LedgerVerifier.h"
#include "support/LedgerShopFixture.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::storage;
using namespace pos::test;

namespace {

OutboxRequest upload(const QString& key, qint64 createdMs = noon)
{
    return {OutboxKind::BatchUpload, key, std::nullopt, std::nullopt, QByteArray("detail"), {}, createdMs};
}

bool verifies(Shop& shop)
{
    const Result<VerifyReport> report = verifyLedger(shop.ledger->database());
    return report && report.value().ok();
}

// A card sale paid by an approved card payment; returns the payment id.
qint64 cardSale(Shop& shop, qint64 amount)
{
    const qint64 payment = shop.approvedCard(amount);
    SaleInput input = shop.cashSale(0, 0);
    input.lines = {{shop.cola, QStringLiteral("可乐 500ml"), 1000, yuan(amount), Money(), 1300}};
    input.tenders = {{TenderKind::Card, yuan(amount), Money(), payment, std::nullopt}};
    return shop.ledger->recordSale(input) ? payment : 0;
}

} // namespace

class tst_LedgerHostQueue final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryDelaysDoubleUpToTheCap_data();
    void retryDelaysDoubleUpToTheCap();
    void enqueueIsIdempotent();
    void claimTakesTheOldestDueItemOfTheAskedKinds();
    void failedAttemptIsRetriedAfterTheDelay();
    void givingUpParksTheItemAndAudits();
    void interruptedClaimIsDueAgainAfterRestart();
    void stanRunIsConsecutiveAndNeverReused();
    void batchHoldsAtMost999Sales();
    void deliveredReversalCompletesThePayment();
    void refundAdviceIsDueOnceAcrossRestarts();
    void claimUsesTheDueIndex();
    void settlementCountsTheBatch();
    void balancedSettlementClosesAndAnchors();
    void unbalancedSettlementClosesAfterUpload();
    void openOutcomeBlocksSettlement();
    void noCardIntentWhileSettling();
    void printJobStaysUntilPrinted();
    void interruptedPrintJobIsKeptForReprint();
};

void tst_LedgerHostQueue::retryDelaysDoubleUpToTheCap_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("delayMs");
    QTest::newRow("first failure") << 1 << qint64(30'000);
    QTest::newRow("second") << 2 << qint64(60'000);
    QTest::newRow("fifth") << 5 << qint64(480'000);
    QTest::newRow("capped") << 8 << qint64(1'800'000);
    QTest::newRow("far beyond") << 100000 << qint64(1'800'000);
    QTest::newRow("zero attempts") << 0 << qint64(30'000);
}

void tst_LedgerHostQueue::retryDelaysDoubleUpToTheCap()
{
    QFETCH(int, attempts);
    QFETCH(qint64, delayMs);
    QCOMPARE(RetryPolicy().delayAfter(attempts), delayMs);
}

void tst_LedgerHostQueue::enqueueIsIdempotent()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const Result<qint64> first = shop.ledger->enqueueOutbox(upload(u"batch_upload:1:1"_qs));
    POS_VERIFY_RESULT(first);
    const Result<qint64> again = shop.ledger->enqueueOutbox(upload(u"batch_upload:1:1"_qs, noon + 5));
    POS_VERIFY_RESULT(again);
    QCOMPARE(again.value(), first.value());
    QCOMPARE(shop.count(u"SELECT count(*) FROM outbox"_qs), qint64(1));
    const Result<qint64> empty = shop.ledger->enqueueOutbox(upload(u" "_qs));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidInput);
}

void tst_LedgerHostQueue::claimTakesTheOldestDueItemOfTheAskedKinds()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 later = shop.ledger->enqueueOutbox(upload(u"u:later"_qs, noon + 1000)).value();
    const qint64 earlier = shop.ledger->enqueueOutbox(upload(u"u:earlier"_qs, noon)).value();
    const qint64 onboarding =
        shop.ledger
            ->enqueueOutbox(
                {OutboxKind::OnboardingSubmission, u"onboarding:1"_qs, {}, {}, {}, {}, noon - 1000})
            .value();

    QVERIFY(!shop.ledger->claimDueOutbox(noon - 2000).value().has_value()); // nothing due yet
    const auto first = shop.ledger->claimDueOutbox(noon + 5000, {OutboxKind::BatchUpload}).value();
    QVERIFY(first.has_value());
    QCOMPARE(first->id, earlier);
    QCOMPARE(first->attempts, 1);
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM outbox WHERE id = %1").arg(earlier)),
             u"in_flight"_qs);
    QCOMPARE(shop.ledger->claimDueOutbox(noon + 5000, {OutboxKind::BatchUpload}).value()->id, later);
    QVERIFY(!shop.ledger->claimDueOutbox(noon + 5000, {OutboxKind::BatchUpload}).value().has_value());
    QCOMPARE(shop.ledger->claimDueOutbox(noon + 5000).value()->id, onboarding);
}

void tst_LedgerHostQueue::failedAttemptIsRetriedAfterTheDelay()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 id = shop.ledger->enqueueOutbox(upload(u"u:1"_qs)).value();
    const RetryPolicy policy;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const qint64 now = shop.count(QStringLiteral("SELECT next_try_ms FROM outbox WHERE id = %1").arg(id));
        const auto claimed = shop.ledger->claimDueOutbox(now).value();
        QVERIFY(claimed.has_value());
        QCOMPARE(claimed->attempts, attempt);
        POS_VERIFY_RESULT(
            shop.ledger->failOutboxAttempt(id, u"no answer"_qs, AttemptVerdict::RetryLater, policy, now));
        QCOMPARE(shop.count(QStringLiteral("SELECT next_try_ms FROM outbox WHERE id = %1").arg(id)),
                 now + policy.delayAfter(attempt));
        QVERIFY(!shop.ledger->claimDueOutbox(now + policy.delayAfter(attempt) - 1).value().has_value());
    }
    QCOMPARE(shop.text(QStringLiteral("SELECT last_error FROM outbox WHERE id = %1").arg(id)),
             u"no answer"_qs);
    // Failing an item that is not in flight is refused.
    const Result<> notInFlight =
        shop.ledger->failOutboxAttempt(id, {}, AttemptVerdict::RetryLater, policy, noon);
    QVERIFY(!notInFlight);
}

void tst_LedgerHostQueue::givingUpParksTheItemAndAudits()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 id = shop.ledger->enqueueOutbox(upload(u"u:1"_qs)).value();
    QVERIFY(shop.ledger->claimDueOutbox(noon).value().has_value());
    POS_VERIFY_RESULT(shop.ledger->failOutboxAttempt(id, u"39=94 duplicate"_qs, AttemptVerdict::GiveUp,
                                                     RetryPolicy(), noon));
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM outbox WHERE id = %1").arg(id)), u"failed"_qs);
    QVERIFY(!shop.ledger->claimDueOutbox(noon + 100'000'000).value().has_value());
    QCOMPARE(shop.count(
                 u"SELECT count(*) FROM audit_log WHERE event = 'outbox.gave_up' AND outcome = 'failure'"_qs),
             qint64(1));
    QCOMPARE(shop.ledger->unsyncedCount().value(), qint64(1)); // still shown until a person resolves it
}

void tst_LedgerHostQueue::interruptedClaimIsDueAgainAfterRestart()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 id = shop.ledger->enqueueOutbox(upload(u"u:1"_qs)).value();
    QVERIFY(shop.ledger->claimDueOutbox(noon).value().has_value());
    shop.ledger.reset(); // the process dies while the item is in flight
    shop.ledger = Ledger::open(shop.path(), Ledger::Creation::MustExist).value();
    QCOMPARE(shop.ledger->requeueInterruptedOutbox(noon + 10).value(), 1);
    const auto again = shop.ledger->claimDueOutbox(noon + 10).value();
    QVERIFY(again.has_value());
    QCOMPARE(again->id, id);
    QCOMPARE(again->attempts, 2);
}

void tst_LedgerHostQueue::stanRunIsConsecutiveAndNeverReused()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const int sold = shop.ledger->beginCardPayment(shop.cardIntent(100)).value().stan;
    const Result<QList<TerminalTrace>> run = shop.ledger->allocateStans(3, noon);
    POS_VERIFY_RESULT(run);
    QCOMPARE(run.value().size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(run.value().at(i).stan, sold + 1 + i);
    // The next single STAN follows the run: nothing in it is handed out twice.
    QCOMPARE(shop.ledger->allocateStan(noon).value().stan, sold + 4);
    QVERIFY(!shop.ledger->allocateStans(0, noon));
    QVERIFY(!shop.ledger->allocateStans(10000, noon));
}

void tst_LedgerHostQueue::batchHoldsAtMost999Sales()
{
    Shop shop;
    QVERIFY(shop.setUp());
    // 998 approved sales written directly (one statement), then the API from there on.
    POS_VERIFY_RESULT(shop.ledger->database().execute(
        u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 998) "
        "INSERT INTO card_payments (transaction_type, amount_fen, pan_masked, pan_hmac, pan_hmac_key_id, "
        "entry_mode, terminal_id, merchant_id, batch_no, stan, local_ms, host_state, updated_ms) "
        "SELECT 'sale', 100, '622588******3118', zeroblob(32), 1, 'swipe', p.terminal_id, p.merchant_id, "
        "p.batch_no, 500000 + i, 0, 'approved', 0 FROM n, terminal_profile p WHERE p.id = 1"_qs));
    const Result<CardIntent> last = shop.ledger->beginCardPayment(shop.cardIntent(100));
    POS_VERIFY_RESULT(last); // the 999th
    const Result<CardIntent> over = shop.ledger->beginCardPayment(shop.cardIntent(100));
    QVERIFY(!over);
    QCOMPARE(over.error().code, ErrorCode::InvalidInput);
    // A declined sale does not count: the slot comes back.
    POS_VERIFY_RESULT(
        shop.ledger->completeCardPayment(last.value().paymentId, {false, u"51"_qs, {}, {}, false, noon}));
    POS_VERIFY_RESULT(shop.ledger->beginCardPayment(shop.cardIntent(100)));
}

void tst_LedgerHostQueue::deliveredReversalCompletesThePayment()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginCardPayment(shop.cardIntent(2280)).value().paymentId;
    POS_VERIFY_RESULT(shop.ledger->markReversalPending(payment, u"98"_qs, noon));
    QCOMPARE(shop.ledger->pendingReversalCount().value(), qint64(1));
    const auto reversal = shop.ledger->claimDueOutbox(noon, {OutboxKind::Reversal}).value();
    QVERIFY(reversal.has_value());
    QCOMPARE(reversal->cardPaymentId, std::optional<qint64>(payment));
    QCOMPARE(reversal->reasonCode, u"98"_qs);
    POS_VERIFY_RESULT(shop.ledger->completeOutbox(reversal->id, noon + 100));
    QCOMPARE(shop.text(QStringLiteral("SELECT host_state FROM card_payments WHERE id = %1").arg(payment)),
             u"reversed"_qs);
    QCOMPARE(shop.ledger->pendingReversalCount().value(), qint64(0));
    QCOMPARE(shop.ledger->unsyncedCount().value(), qint64(0));
    QVERIFY(verifies(shop));
}

void tst_LedgerHostQueue::refundAdviceIsDueOnceAcrossRestarts()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 original = cardSale(shop, 1000);
    QVERIFY(original != 0);
    const qint64 refund =
        shop.ledger->beginCardPayment(shop.cardIntent(1000, CardTransactionType::Refund, original))
            .value()
            .paymentId;
    for (int restart = 0; restart < 2; ++restart) {
        shop.ledger.reset();
        shop.ledger = Ledger::open(shop.path(), Ledger::Creation::MustExist).value();
        POS_VERIFY_RESULT(shop.ledger->recoverInterruptedPayments(noon + restart));
    }
    QCOMPARE(shop.count(
                 QStringLiteral("SELECT count(*) FROM outbox WHERE card_payment_id = %1 AND kind = 'advice' "
                                "AND state = 'pending'")
                     .arg(refund)),
             qint64(1));
    QCOMPARE(shop.ledger->unsyncedCount().value(), qint64(1)); // one refund waiting: counted once
    const auto advice = shop.ledger->claimDueOutbox(noon + 10, {OutboxKind::Advice}).value();
    QVERIFY(advice.has_value());
    POS_VERIFY_RESULT(shop.ledger->completeOutbox(advice->id, noon + 20));
    QCOMPARE(shop.text(QStringLiteral("SELECT host_state FROM card_payments WHERE id = %1").arg(refund)),
             u"approved"_qs);
    QCOMPARE(shop.ledger->unsyncedCount().value(), qint64(0));
}

void tst_LedgerHostQueue::claimUsesTheDueIndex()
{
    Shop shop;
    QVERIFY(shop.setUp());
    // The outbox keeps a row per card payment ever made: claiming must not scan it.
    const Result<SqliteStatement*> explain = shop.ledger->database().prepare(
        u"EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE state IN ('pending', 'in_flight') AND state = "
        "'pending' AND next_try_ms <= 5 ORDER BY next_try_ms, id LIMIT 1"_qs);
    POS_VERIFY_RESULT(explain);
    QString details;
    while (explain.value()->step().value())
        details += explain.value()->text(3) + u" | "_qs;
    explain.value()->reset();
    QVERIFY2(details.contains(u"outbox_due"_qs), qPrintable(details));
}

void tst_LedgerHostQueue::settlementCountsTheBatch()
{
    Shop shop;
    QVERIFY(shop.setUp());
    QVERIFY(cardSale(shop, 1000) != 0);
    const qint64 voidedSale = cardSale(shop, 2000);
    QVERIFY(shop.approvedCard(2000, CardTransactionType::Void, voidedSale) != 0);
    const qint64 refunded = cardSale(shop, 3000);
    QVERIFY(shop.approvedCard(500, CardTransactionType::Refund, refunded) != 0);
    const qint64 declined = shop.ledger->beginCardPayment(shop.cardIntent(700)).value().paymentId;
    POS_VERIFY_RESULT(shop.ledger->completeCardPayment(declined, {false, u"51"_qs, {}, {}, false, noon}));

    const Result<SettlementTotals> totals = shop.ledger->currentBatchTotals();
    POS_VERIFY_RESULT(totals);
    QCOMPARE(totals.value(), (SettlementTotals{2, yuan(4000), 1, yuan(500)}));
}

void tst_LedgerHostQueue::balancedSettlementClosesAndAnchors()
{
    Shop shop;
    QVERIFY(shop.setUp());
    QVERIFY(cardSale(shop, 1000) != 0);
    const Result<SettlementBatch> batch = shop.ledger->beginSettlement(noon + 1000);
    POS_VERIFY_RESULT(batch);
    QCOMPARE(batch.value().batchNo, 1);
    QCOMPARE(batch.value().local, (SettlementTotals{1, yuan(1000), 0, Money()}));
    POS_VERIFY_RESULT(shop.ledger->completeSettlement(batch.value().id,
                                                      {batch.value().local, true, u"00"_qs, noon + 2000}));

    QCOMPARE(
        shop.text(QStringLiteral("SELECT state FROM settlement_batches WHERE id = %1").arg(batch.value().id)),
        u"closed"_qs);
    QCOMPARE(shop.count(u"SELECT batch_no FROM terminal_profile"_qs), qint64(2));
    // The anchor points at the chain's end, which is the settlement's own closing row.
    QCOMPARE(shop.count(
                 QStringLiteral("SELECT count(*) FROM audit_anchors a JOIN audit_log l ON l.id = a.audit_id "
                                "WHERE a.batch_id = %1 AND l.event = 'settlement.closed' AND l.id = "
                                "(SELECT max(id) FROM audit_log)")
                     .arg(batch.value().id)),
             qint64(1));
    // The next batch starts empty; its first card payment gets batch 2.
    QCOMPARE(shop.ledger->currentBatchTotals().value(), SettlementTotals{});
    QCOMPARE(shop.ledger->beginCardPayment(shop.cardIntent(100)).value().batchNo, 2);
    QVERIFY(verifies(shop));
}

void tst_LedgerHostQueue::unbalancedSettlementClosesAfterUpload()
{
    Shop shop;
    QVERIFY(shop.setUp());
    QVERIFY(cardSale(shop, 1000) != 0);
    const SettlementBatch batch = shop.ledger->beginSettlement(noon).value();
    const SettlementTotals host{2, yuan(3000), 0, Money()};
    POS_VERIFY_RESULT(shop.ledger->completeSettlement(batch.id, {host, false, u"00"_qs, noon + 10}));
    QCOMPARE(shop.text(QStringLiteral("SELECT state FROM settlement_batches WHERE id = %1").arg(batch.id)),
             u"uploading"_qs);
    QCOMPARE(shop.count(
                 QStringLiteral("SELECT host_debit_fen FROM settlement_batches WHERE id = %1").arg(batch.id)),
             qint64(3000));
    QCOMPARE(shop.count(u"SELECT batch_no FROM terminal_profile"_qs), qint64(1));
    QVERIFY(!shop.ledger->completeSettlement(batch.id, {host, true, u"00"_qs, noon + 20}));
    POS_VERIFY_RESULT(shop.ledger->finishBatchUpload(batch.id, noon + 30));
    QCOMPARE(shop.count(u"SELECT batch_no FROM terminal_profile"_qs), qint64(2));
    QCOMPARE(
        shop.count(QStringLiteral("SELECT count(*) FROM audit_anchors WHERE batch_id = %1").arg(batch.id)),
        qint64(1));
    QVERIFY(!shop.ledger->finishBatchUpload(batch.id, noon + 40));
}

void tst_LedgerHostQueue::openOutcomeBlocksSettlement()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 payment = shop.ledger->beginCardPayment(shop.cardIntent(2280)).value().paymentId;
    const Result<SettlementBatch> whileSending = shop.ledger->beginSettlement(noon);
    QVERIFY(!whileSending);
    POS_VERIFY_RESULT(shop.ledger->markReversalPending(payment, u"98"_qs, noon));
    QVERIFY(!shop.ledger->beginSettlement(noon));
    QCOMPARE(shop.count(u"SELECT count(*) FROM settlement_batches"_qs), qint64(0));
    const auto reversal = shop.ledger->claimDueOutbox(noon).value();
    POS_VERIFY_RESULT(shop.ledger->completeOutbox(reversal->id, noon));
    POS_VERIFY_RESULT(shop.ledger->beginSettlement(noon));
}

void tst_LedgerHostQueue::noCardIntentWhileSettling()
{
    Shop shop;
    QVERIFY(shop.setUp());
    POS_VERIFY_RESULT(shop.ledger->beginSettlement(noon));
    const Result<CardIntent> intent = shop.ledger->beginCardPayment(shop.cardIntent(100));
    QVERIFY(!intent);
    QCOMPARE(intent.error().code, ErrorCode::InvalidInput);
    QCOMPARE(shop.count(u"SELECT count(*) FROM card_payments"_qs), qint64(0));
}

void tst_LedgerHostQueue::printJobStaysUntilPrinted()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 first =
        shop.ledger->enqueuePrintJob({PrintJobKind::SaleReceipt, std::nullopt, "receipt 1", noon}).value();
    const qint64 second =
        shop.ledger->enqueuePrintJob({PrintJobKind::Report, std::nullopt, "x report", noon}).value();
    QVERIFY(!shop.ledger->enqueuePrintJob({PrintJobKind::Report, std::nullopt, QByteArray(), noon}));

    POS_VERIFY_RESULT(shop.ledger->startPrintJob(first));
    QVERIFY(!shop.ledger->startPrintJob(first)); // already printing
    POS_VERIFY_RESULT(shop.ledger->finishPrintJob(first, false, u"paper out"_qs, noon + 10));
    QList<PrintJob> queue = shop.ledger->pendingPrintJobs(10).value();
    QCOMPARE(queue.size(), 2);
    QCOMPARE(queue.first().id, first);
    QCOMPARE(queue.first().state, u"failed"_qs);
    QCOMPARE(queue.first().lastError, u"paper out"_qs);
    QCOMPARE(queue.first().document, QByteArray("receipt 1"));

    POS_VERIFY_RESULT(shop.ledger->startPrintJob(first));
    POS_VERIFY_RESULT(shop.ledger->finishPrintJob(first, true, {}, noon + 20));
    queue = shop.ledger->pendingPrintJobs(10).value();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().id, second);
    QCOMPARE(shop.count(QStringLiteral("SELECT attempts FROM print_jobs WHERE id = %1").arg(first)),
             qint64(2));
}

void tst_LedgerHostQueue::interruptedPrintJobIsKeptForReprint()
{
    Shop shop;
    QVERIFY(shop.setUp());
    const qint64 job =
        shop.ledger->enqueuePrintJob({PrintJobKind::SaleReceipt, std::nullopt, "r", noon}).value();
    POS_VERIFY_RESULT(shop.ledger->startPrintJob(job));
    shop.ledger.reset();
    shop.ledger = Ledger::open(shop.path(), Ledger::Creation::MustExist).value();
    QCOMPARE(shop.ledger->recoverInterruptedPrintJobs().value(), 1);
    const QList<PrintJob> queue = shop.ledger->pendingPrintJobs(10).value();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().state, u"failed"_qs);
}

QTEST_GUILESS_MAIN(tst_LedgerHostQueue)
#include "tst_ledger_host_queue.moc"
