// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The card engine end to end: real pos-acquirer-sim over TLS, real ledger file, engine rules of
// acquirer-protocol.md §9.3 (persist before send, reversal on unknown outcome, MAC discipline, reversal
// blocking, void, refund, settlement with and without batch upload).
#include "support/CardLinkFixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;

Q_DECLARE_METATYPE(pos::acquirer::CardResult::Outcome)

namespace {

// The host's record of a transaction of this terminal, by STAN (empty object when the host has none).
QJsonObject hostTransaction(const QJsonObject& dump, int stan, const QString& kind = u"sale"_qs)
{
    const QString key = QString::number(stan).rightJustified(6, u'0');
    for (const QJsonValue& row : dump.value(u"transactions"_qs).toArray()) {
        const QJsonObject object = row.toObject();
        if (object.value(u"stan"_qs).toString() == key && object.value(u"kind"_qs).toString() == kind)
            return object;
    }
    return {};
}

QString localState(CardLinkFixture& link, qint64 paymentId)
{
    const Result<CardPaymentReference> reference = link.onLedger<CardPaymentReference>(
        [paymentId](storage::Ledger& ledger) { return ledger.cardPaymentReference(paymentId); });
    return reference ? reference.value().hostState : u"?"_qs;
}

Result<WorkKeyCheck> signOn(CardLinkFixture& link)
{
    return CardLinkFixture::await<WorkKeyCheck>([&](auto done) { link.engine().signOn(done); });
}

// The PIN pad needs the work keys before it can encrypt a PIN: sign on first when the engine has not.
Result<CardResult> sale(CardLinkFixture& link, const QString& label, qint64 fen, const QString& pin = {})
{
    if (!link.engine().isSignedOn()) {
        if (const Result<WorkKeyCheck> signedOn = signOn(link); !signedOn)
            return Failure{signedOn.error()};
    }
    const std::optional<CardRead> card = link.cardRead(label, pin);
    if (!card)
        return fail(ErrorCode::NotFound, QString(), u"no card "_qs + label);
    return CardLinkFixture::await<CardResult>(
        [&](auto done) { link.engine().sale(Money::fromFen(fen), *card, done); });
}

} // namespace

class tst_CardEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void approvedSaleIsRecordedOnBothSides()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        POS_VERIFY_RESULT(signOn(link));
        const Result<CardResult> result = sale(link, u"magstripe-approve"_qs, 1234);
        POS_VERIFY_RESULT(result);
        QCOMPARE(result.value().outcome, CardResult::Outcome::Approved);
        QCOMPARE(result.value().responseCode, u"00"_qs);
        QCOMPARE(localState(link, result.value().paymentId), u"approved"_qs);
        const QJsonObject host = hostTransaction(link.hostDump(), result.value().trace.stan);
        QCOMPARE(host.value(u"state"_qs).toString(), u"approved"_qs);
        QCOMPARE(host.value(u"rrn"_qs).toString(), result.value().rrn);
        QCOMPARE(host.value(u"amount_fen"_qs).toInteger(), 1234);
        // The ledger keeps the masked PAN only.
        QCOMPARE(host.value(u"pan_masked"_qs).toString().count(u'*'), 6);
    }

    void declinesCarryTheHostCode_data()
    {
        QTest::addColumn<QString>("card");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("code");
        QTest::newRow("insufficient funds")
            << u"insufficient-funds"_qs << QString() << qint64(100'00) << u"51"_qs;
        QTest::newRow("expired") << u"expired"_qs << QString() << qint64(1'00) << u"54"_qs;
        QTest::newRow("lost") << u"lost"_qs << QString() << qint64(1'00) << u"41"_qs;
        QTest::newRow("wrong PIN") << u"magstripe-approve"_qs << u"000000"_qs << qint64(1'00) << u"55"_qs;
        QTest::newRow("right PIN (control)")
            << u"magstripe-approve"_qs << QString() << qint64(1'00) << u"00"_qs;
    }
    void declinesCarryTheHostCode()
    {
        QFETCH(QString, card);
        QFETCH(QString, pin);
        QFETCH(qint64, fen);
        QFETCH(QString, code);
        CardLinkFixture link;
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        POS_VERIFY_RESULT(signOn(link));
        const Result<CardResult> result = sale(link, card, fen, pin);
        POS_VERIFY_RESULT(result);
        QCOMPARE(result.value().responseCode, code);
        QCOMPARE(result.value().outcome,
                 code == u"00"_qs ? CardResult::Outcome::Approved : CardResult::Outcome::Declined);
        QCOMPARE(localState(link, result.value().paymentId),
                 code == u"00"_qs ? u"approved"_qs : u"declined"_qs);
    }

    // One fault on the sale (never on the reversal): the engine's outcome, the local state and the host's.
    void faultsNeverChargeWithoutApproval_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<CardResult::Outcome>("outcome");
        QTest::addColumn<QString>("local");
        QTest::addColumn<QString>("host"); // "" = the host has no approved sale left
        QTest::newRow("none (control)")
            << u"none"_qs << CardResult::Outcome::Approved << u"approved"_qs << u"approved"_qs;
        QTest::newRow("drop request")
            << u"drop-request"_qs << CardResult::Outcome::Reversed << u"reversed"_qs << QString();
        QTest::newRow("drop response")
            << u"drop-response"_qs << CardResult::Outcome::Reversed << u"reversed"_qs << u"reversed"_qs;
        QTest::newRow("delay past timeout")
            << u"delay"_qs << CardResult::Outcome::Reversed << u"reversed"_qs << u"reversed"_qs;
        QTest::newRow("garbage") << u"garbage"_qs << CardResult::Outcome::Reversed << u"reversed"_qs
                                 << u"reversed"_qs;
        QTest::newRow("disconnect mid-frame") << u"disconnect-mid-frame"_qs << CardResult::Outcome::Reversed
                                              << u"reversed"_qs << u"reversed"_qs;
        QTest::newRow("bad MAC") << u"bad-mac"_qs << CardResult::Outcome::Reversed << u"reversed"_qs
                                 << u"reversed"_qs;
        QTest::newRow("duplicate reply")
            << u"duplicate"_qs << CardResult::Outcome::Approved << u"approved"_qs << u"approved"_qs;
        QTest::newRow("96") << u"rc96"_qs << CardResult::Outcome::Declined << u"declined"_qs << QString();
    }
    void faultsNeverChargeWithoutApproval()
    {
        QFETCH(QString, fault);
        QFETCH(CardResult::Outcome, outcome);
        QFETCH(QString, local);
        QFETCH(QString, host);
        CardLinkFixture link;
        QVERIFY(link.startSimulator(
            {u"--faults"_qs, fault, u"--fault-mtis"_qs, u"0200"_qs, u"--fault-delay-ms"_qs, u"2500"_qs}));
        QVERIFY(link.startTerminal());
        POS_VERIFY_RESULT(signOn(link));
        const Result<CardResult> result = sale(link, u"magstripe-approve"_qs, 4321);
        POS_VERIFY_RESULT(result);
        QCOMPARE(result.value().outcome, outcome);
        QCOMPARE(localState(link, result.value().paymentId), local);
        const QJsonObject row = hostTransaction(link.hostDump(), result.value().trace.stan);
        if (host.isEmpty())
            QVERIFY2(row.value(u"state"_qs).toString() != u"approved"_qs, "the host kept an approval");
        else
            QCOMPARE(row.value(u"state"_qs).toString(), host);
    }

    void owedReversalBlocksUntilTheHostConfirms()
    {
        CardLinkFixture link;
        QVERIFY(
            link.startSimulator({u"--faults"_qs, u"drop-request"_qs, u"--fault-mtis"_qs, u"0200,0400"_qs}));
        QVERIFY(link.startTerminal());
        POS_VERIFY_RESULT(signOn(link));
        const Result<CardResult> first = sale(link, u"magstripe-approve"_qs, 500);
        POS_VERIFY_RESULT(first);
        QCOMPARE(first.value().outcome, CardResult::Outcome::ReversalPending);
        QCOMPARE(localState(link, first.value().paymentId), u"reversal_pending"_qs);

        const Result<CardResult> blocked = sale(link, u"magstripe-approve"_qs, 600);
        QVERIFY(!blocked);
        QVERIFY2(blocked.error().detail.contains(u"reversal"_qs), qPrintable(blocked.error().detail));

        QVERIFY(link.startSimulator()); // the host is back, without faults
        const Result<qint64> owed =
            CardLinkFixture::await<qint64>([&](auto done) { link.engine().sendRecoveries(done); });
        POS_VERIFY_RESULT(owed);
        QCOMPARE(owed.value(), 0);
        QCOMPARE(localState(link, first.value().paymentId), u"reversed"_qs);
        const Result<CardResult> after = sale(link, u"magstripe-approve"_qs, 700);
        POS_VERIFY_RESULT(after);
        QCOMPARE(after.value().outcome, CardResult::Outcome::Approved);
    }

    void reversalNotProcessedStaysOwed_data()
    {
        QTest::addColumn<QString>("fault"); // on the 0400 only
        QTest::addColumn<qint64>("owed");
        QTest::addColumn<QString>("local");
        QTest::newRow("none (control)") << u"none"_qs << qint64(0) << u"reversed"_qs;
        QTest::newRow("96") << u"rc96"_qs << qint64(1) << u"reversal_pending"_qs;
        QTest::newRow("91") << u"rc91"_qs << qint64(1) << u"reversal_pending"_qs;
        QTest::newRow("68") << u"rc68"_qs << qint64(1) << u"reversal_pending"_qs;
    }
    void reversalNotProcessedStaysOwed()
    {
        QFETCH(QString, fault);
        QFETCH(qint64, owed);
        QFETCH(QString, local);
        CardLinkFixture link;
        QVERIFY(
            link.startSimulator({u"--faults"_qs, u"drop-request"_qs, u"--fault-mtis"_qs, u"0200,0400"_qs}));
        QVERIFY(link.startTerminal());
        POS_VERIFY_RESULT(signOn(link));
        const Result<CardResult> sold = sale(link, u"magstripe-approve"_qs, 500);
        POS_VERIFY_RESULT(sold);
        QCOMPARE(sold.value().outcome, CardResult::Outcome::ReversalPending);

        // The host answers the reversal without processing it: the reversal is still owed.
        QVERIFY(link.startSimulator({u"--faults"_qs, fault, u"--fault-mtis"_qs, u"0400"_qs}));
        const Result<qint64> stillOwed =
            CardLinkFixture::await<qint64>([&](auto done) { link.engine().sendRecoveries(done); });
        POS_VERIFY_RESULT(stillOwed);
        QCOMPARE(stillOwed.value(), owed);
        QCOMPARE(localState(link, sold.value().paymentId), local);
    }

    void echoAndSignOffThenSaleSignsOnAgain()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        POS_VERIFY_RESULT(signOn(link));
        POS_VERIFY_RESULT(CardLinkFixture::await<void>([&](auto done) { link.engine().echo(done); }));
        POS_VERIFY_RESULT(CardLinkFixture::await<void>([&](auto done) { link.engine().signOff(done); }));
        QVERIFY(!link.engine().isSignedOn());
        const Result<CardResult> after = sale(link, u"magstripe-approve"_qs, 900);
        POS_VERIFY_RESULT(after);
        QCOMPARE(after.value().outcome, CardResult::Outcome::Approved);
        QVERIFY(link.engine().isSignedOn());
    }

    void responseHeaderRequirementIsActedOn_data()
    {
        QTest::addColumn<int>("requirement"); // low nibble of header byte 2 in the 0830
        QTest::addColumn<bool>("signOnAsked");
        QTest::addColumn<int>("download"); // 0: none
        QTest::newRow("0 nothing (control)") << 0 << false << 0;
        QTest::newRow("3 sign on again") << 3 << true << 0;
        QTest::newRow("4 parameters") << 4 << false << 4;
        QTest::newRow("7 IC parameters") << 7 << false << 7;
    }
    void responseHeaderRequirementIsActedOn()
    {
        QFETCH(int, requirement);
        QFETCH(bool, signOnAsked);
        QFETCH(int, download);
        CardLinkFixture link;
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        POS_VERIFY_RESULT(signOn(link));
        const Iso8583Codec codec;
        link.scriptedHost = [&](const QByteArray& frame) -> Result<QByteArray> {
            Result<IsoMessage> request = codec.decodeFrame(frame);
            if (!request)
                return Failure{request.error()};
            IsoMessage response = request.value();
            response.setMti(u"0830"_qs);
            QByteArray header = response.header();
            header[2] = static_cast<char>((header.at(2) & 0xF0) | requirement);
            response.setHeader(header);
            response.setField(39, "00");
            return codec.encodeFrame(response);
        };
        QSignalSpy signOnSpy(&link.engine(), &CardEngine::signOnRequired);
        QSignalSpy downloadSpy(&link.engine(), &CardEngine::downloadRequested);
        POS_VERIFY_RESULT(CardLinkFixture::await<void>([&](auto done) { link.engine().echo(done); }));
        QCOMPARE(signOnSpy.count(), signOnAsked ? 1 : 0);
        QCOMPARE(link.engine().isSignedOn(), !signOnAsked);
        QCOMPARE(downloadSpy.count(), download == 0 ? 0 : 1);
        if (download != 0)
            QCOMPARE(downloadSpy.first().first().toInt(), download);
    }

    void repeatedAdviceIsAnsweredUnderTheCurrentKeys()
    {
        CardLinkFixture link;
        // The refund's first answer fails its MAC check: the engine signs on again (new MAK) and repeats the
        // advice; the host must answer the repeat MAC'd under the new MAK, or the refund never completes.
        QVERIFY(link.startSimulator({u"--faults"_qs, u"bad-mac"_qs, u"--fault-mtis"_qs, u"0220"_qs}));
        QVERIFY(link.startTerminal());
        const Result<CardResult> original = sale(link, u"magstripe-approve"_qs, 3000);
        POS_VERIFY_RESULT(original);
        const std::optional<CardRead> card = link.cardRead(u"magstripe-approve"_qs);
        QVERIFY(card);
        const Result<CardResult> refund = CardLinkFixture::await<CardResult>([&](auto done) {
            link.engine().refund(original.value().paymentId, Money::fromFen(1000), *card, done);
        });
        POS_VERIFY_RESULT(refund);
        QVERIFY(refund.value().outcome != CardResult::Outcome::Approved);

        QVERIFY(link.startSimulator()); // no more faults
        POS_VERIFY_RESULT(
            CardLinkFixture::await<qint64>([&](auto done) { link.engine().sendRecoveries(done); }));
        QCOMPARE(localState(link, refund.value().paymentId), u"approved"_qs);
    }

    void voidTakesTheSaleBack()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        const Result<CardResult> original = sale(link, u"chip-approve"_qs, 8800);
        POS_VERIFY_RESULT(original);
        QCOMPARE(original.value().outcome, CardResult::Outcome::Approved);
        const Result<CardResult> voided = CardLinkFixture::await<CardResult>(
            [&](auto done) { link.engine().voidSale(original.value().paymentId, std::nullopt, done); });
        POS_VERIFY_RESULT(voided);
        QCOMPARE(voided.value().outcome, CardResult::Outcome::Approved);
        QCOMPARE(voided.value().amount, Money::fromFen(8800));
        QCOMPARE(localState(link, original.value().paymentId), u"voided"_qs);
        QCOMPARE(hostTransaction(link.hostDump(), original.value().trace.stan).value(u"state"_qs).toString(),
                 u"voided"_qs);
    }

    void refundIsApprovedUpToTheOriginal_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("code");
        QTest::newRow("part") << qint64(3000) << u"00"_qs;
        QTest::newRow("whole") << qint64(5000) << u"00"_qs;
        QTest::newRow("more than paid") << qint64(5001) << u"61"_qs;
    }
    void refundIsApprovedUpToTheOriginal()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, code);
        CardLinkFixture link;
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        const Result<CardResult> original = sale(link, u"magstripe-approve-2"_qs, 5000);
        POS_VERIFY_RESULT(original);
        const std::optional<CardRead> card = link.cardRead(u"magstripe-approve-2"_qs);
        QVERIFY(card);
        const Result<CardResult> refunded = CardLinkFixture::await<CardResult>([&](auto done) {
            link.engine().refund(original.value().paymentId, Money::fromFen(fen), *card, done);
        });
        POS_VERIFY_RESULT(refunded);
        QCOMPARE(refunded.value().responseCode, code);
    }

    void balancedSettlementClosesTheBatch()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        const Result<CardResult> first = sale(link, u"magstripe-approve"_qs, 1000);
        const Result<CardResult> second = sale(link, u"contactless-approve"_qs, 2500);
        POS_VERIFY_RESULT(first);
        POS_VERIFY_RESULT(second);
        const Result<SettlementReport> report =
            CardLinkFixture::await<SettlementReport>([&](auto done) { link.engine().settle(done); });
        POS_VERIFY_RESULT(report);
        QVERIFY(report.value().balanced);
        QCOMPARE(report.value().local.debitCount, 2);
        QCOMPARE(report.value().local.debitAmount, Money::fromFen(3500));
        QCOMPARE(report.value().host, report.value().local);
        QCOMPARE(report.value().uploadedRecords, 0);
        const Result<CardResult> next = sale(link, u"magstripe-approve"_qs, 100);
        POS_VERIFY_RESULT(next);
        QCOMPARE(next.value().outcome, CardResult::Outcome::Approved);
        QCOMPARE(next.value().trace.batchNo, first.value().trace.batchNo + 1);
    }

    void unbalancedSettlementUploadsTheBatch()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        const Result<CardResult> first = sale(link, u"magstripe-approve"_qs, 1000);
        POS_VERIFY_RESULT(first);
        POS_VERIFY_RESULT(sale(link, u"chip-approve"_qs, 2000)); // uploaded as IC detail (205)
        // An approval the host never saw (as after a host-side loss): the totals cannot agree.
        const Result<> injected = link.onLedger<void>([](storage::Ledger& ledger) -> Result<> {
            CardIntentInput intent;
            intent.amount = Money::fromFen(777);
            intent.panMasked = u"622588******3118"_qs;
            intent.panHmac = QByteArray(32, '\x01');
            intent.entryMode = u"swipe"_qs;
            intent.createdMs = 2;
            const Result<CardIntent> begun = ledger.beginCardPayment(intent);
            if (!begun)
                return Failure{begun.error()};
            return ledger.completeCardPayment(begun.value().paymentId,
                                              {true, u"00"_qs, u"999999999999"_qs, u"000001"_qs, true, 3});
        });
        POS_VERIFY_RESULT(injected);
        const Result<SettlementReport> report =
            CardLinkFixture::await<SettlementReport>([&](auto done) { link.engine().settle(done); });
        POS_VERIFY_RESULT(report);
        QVERIFY(!report.value().balanced);
        QCOMPARE(report.value().local.debitCount, 3);
        QCOMPARE(report.value().host.debitCount, 2);
        QCOMPARE(report.value().uploadedRecords, 3);
        const QJsonArray uploads = link.hostDump().value(u"uploads"_qs).toArray();
        QCOMPARE(uploads.size(), 1);
        QCOMPARE(uploads.first().toObject().value(u"records_received"_qs).toInteger(), 3);
        const Result<CardResult> next = sale(link, u"magstripe-approve"_qs, 100);
        POS_VERIFY_RESULT(next);
        QCOMPARE(next.value().trace.batchNo, first.value().trace.batchNo + 1);
    }
};

QTEST_GUILESS_MAIN(tst_CardEngine)
#include "tst_card_engine.moc"
