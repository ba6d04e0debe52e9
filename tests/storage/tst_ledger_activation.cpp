// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: the terminal's activation record, step by step, on a real ledger file reopened between steps.
#include "storage/AuditChain.h"
#include "support/LedgerShopFixture.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::storage;
using namespace pos::test;

namespace {

TerminalActivation registered()
{
    TerminalActivation r;
    r.step = ActivationStep::TerminalRegistered;
    r.activationCode = u"ABCD2345"_qs;
    r.pinPadSerial = u"SIMPAD00000001"_qs;
    r.terminalId = u"10000001"_qs;
    r.merchantId = u"898100012345678"_qs;
    r.merchantName = u"福州测试商贸有限公司"_qs;
    r.apiKeyId = u"T10000001"_qs;
    r.sealedApiSecret = QByteArray(61, '\x5a');
    r.cardHost = u"127.0.0.1:5000"_qs;
    r.tmkScheme = u"3des"_qs;
    r.singleLimitFen = 5000000;
    r.dailyLimitFen = 50000000;
    return r;
}

} // namespace

class tst_LedgerActivation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshLedgerIsNotStartedAndCashOnly()
    {
        Shop shop;
        QVERIFY(shop.setUp());
        const Result<TerminalActivation> record = shop.ledger->terminalActivation();
        POS_VERIFY_RESULT(record);
        QCOMPARE(record.value().step, ActivationStep::NotStarted);
        QCOMPARE(record.value().enabledTenders, QStringList{u"cash"_qs});
    }

    void everyStepSurvivesAReopen_data()
    {
        QTest::addColumn<ActivationStep>("step");
        for (int s = int(ActivationStep::Registering); s <= int(ActivationStep::Activated); ++s)
            QTest::newRow(qPrintable(activationStepKey(static_cast<ActivationStep>(s))))
                << static_cast<ActivationStep>(s);
    }
    void everyStepSurvivesAReopen()
    {
        QFETCH(ActivationStep, step);
        Shop shop;
        QVERIFY(shop.setUp());
        TerminalActivation record = registered();
        record.step = step;
        record.enabledTenders = {u"cash"_qs, u"swipe"_qs, u"qr"_qs};
        record.feeScheduleJson = u"[{\"tender\":\"debit\",\"rateBasisPoints\":50}]"_qs;
        record.firstSwipeRrn = u"000000000042"_qs;
        record.activatedMs = step >= ActivationStep::FirstSwipeApproved ? noon : 0;
        POS_VERIFY_RESULT(shop.ledger->saveTerminalActivation(record, noon));
        const QString path = shop.path();
        shop.ledger.reset();
        Result<std::unique_ptr<Ledger>> reopened = Ledger::open(path, Ledger::Creation::MustExist);
        POS_VERIFY_RESULT(reopened);
        const Result<TerminalActivation> back = reopened.value()->terminalActivation();
        POS_VERIFY_RESULT(back);
        QCOMPARE(back.value().step, step);
        QCOMPARE(back.value().terminalId, record.terminalId);
        QCOMPARE(back.value().sealedApiSecret, record.sealedApiSecret);
        QCOMPARE(back.value().enabledTenders, record.enabledTenders);
        QCOMPARE(back.value().feeScheduleJson, record.feeScheduleJson);
        QCOMPARE(back.value().dailyLimitFen, record.dailyLimitFen);
        QCOMPARE(back.value().activatedMs, record.activatedMs);
    }

    void stepChangesAreAuditedOnce()
    {
        Shop shop;
        QVERIFY(shop.setUp());
        TerminalActivation record = registered();
        POS_VERIFY_RESULT(shop.ledger->saveTerminalActivation(record, noon));
        POS_VERIFY_RESULT(shop.ledger->saveTerminalActivation(record, noon + 1)); // same step: no new entry
        record.step = ActivationStep::TmkLoaded;
        POS_VERIFY_RESULT(shop.ledger->saveTerminalActivation(record, noon + 2));
        const Result<qint64> steps = shop.ledger->database().queryInt64(
            u"SELECT count(*) FROM audit_log WHERE event = 'terminal.activation_step'"_qs);
        POS_VERIFY_RESULT(steps);
        QCOMPARE(steps.value(), 2);
        const Result<qint64> leaked = shop.ledger->database().queryInt64(
            u"SELECT count(*) FROM audit_log WHERE detail LIKE '%ABCD2345%'"_qs);
        POS_VERIFY_RESULT(leaked);
        QCOMPARE(leaked.value(), 0);
    }

    void badTerminalIdentityIsRefused()
    {
        Shop shop;
        QVERIFY(shop.setUp());
        TerminalActivation record = registered();
        record.terminalId = u"123"_qs;
        const Result<> saved = shop.ledger->saveTerminalActivation(record, noon);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ErrorCode::InvalidInput);
        QCOMPARE(shop.ledger->terminalActivation().value().step, ActivationStep::NotStarted);
    }
};

QTEST_GUILESS_MAIN(tst_LedgerActivation)
#include "tst_ledger_activation.moc"
