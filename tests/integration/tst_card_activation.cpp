// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The first-swipe activation (首刷激活) end to end: real pos-acquirer-sim over TLS with the demo terminal
// registered pending first swipe, real ledger file, CardEngine::activate (docs/acquirer-protocol.md
// "First-swipe activation").
#include "support/CardLinkFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;

namespace {

QStringList pendingDemoTerminal()
{
    return {u"--terminal"_qs, QString::fromLatin1(sim::demoTerminalId) + u',' +
                                  QString::fromLatin1(sim::demoMerchantId) + u',' +
                                  QString::fromLatin1(sim::demoTmkHex) + u",3des,pending"_qs};
}

Result<ActivationSwipeResult> activate(CardLinkFixture& link, const QString& label, const QString& pin = {})
{
    if (!link.engine().isSignedOn()) {
        const Result<WorkKeyCheck> signedOn =
            CardLinkFixture::await<WorkKeyCheck>([&](auto done) { link.engine().signOn(done); });
        if (!signedOn)
            return Failure{signedOn.error()};
    }
    const std::optional<CardRead> card = link.cardRead(label, pin);
    if (!card)
        return fail(ErrorCode::NotFound, QString(), u"no card "_qs + label);
    return CardLinkFixture::await<ActivationSwipeResult>(
        [&](auto done) { link.engine().activate(*card, done); });
}

QJsonArray activations(CardLinkFixture& link)
{
    return link.hostDump().value(u"activations"_qs).toArray();
}

} // namespace

class tst_CardActivation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void approvedActivationCarriesTheTerms()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator(pendingDemoTerminal()));
        QVERIFY(link.startTerminal());
        const Result<ActivationSwipeResult> result = activate(link, u"magstripe-approve"_qs);
        POS_VERIFY_RESULT(result);
        QCOMPARE(result.value().outcome, CardResult::Outcome::Approved);
        QCOMPARE(result.value().responseCode, u"00"_qs);
        QVERIFY(result.value().singleLimitFen > 0);
        QVERIFY(result.value().dailyLimitFen >= result.value().singleLimitFen);
        QCOMPARE(result.value().fees.size(), 3);
        QCOMPARE(result.value().fees.at(0).tender, u"debit"_qs);
        QCOMPARE(result.value().fees.at(0).capFen, std::optional<qint64>(2000));
        const QJsonArray rows = activations(link);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(u"state"_qs).toString(), u"approved"_qs);

        // The activation is not a sale: settlement counts only the sale after it, and balances.
        const std::optional<CardRead> card = link.cardRead(u"magstripe-approve"_qs);
        QVERIFY(card);
        const Result<CardResult> sale = CardLinkFixture::await<CardResult>(
            [&](auto done) { link.engine().sale(Money::fromFen(1234), *card, done); });
        POS_VERIFY_RESULT(sale);
        QCOMPARE(sale.value().outcome, CardResult::Outcome::Approved);
        const Result<SettlementReport> report =
            CardLinkFixture::await<SettlementReport>([&](auto done) { link.engine().settle(done); });
        POS_VERIFY_RESULT(report);
        QVERIFY(report.value().balanced);
        QCOMPARE(report.value().local.debitCount, 1);
        QCOMPARE(report.value().local.debitAmount, Money::fromFen(1234));
        QCOMPARE(report.value().uploadedRecords, 0);
    }

    void saleBeforeActivationIsRefused()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator(pendingDemoTerminal()));
        QVERIFY(link.startTerminal());
        POS_VERIFY_RESULT(
            CardLinkFixture::await<WorkKeyCheck>([&](auto done) { link.engine().signOn(done); }));
        const std::optional<CardRead> card = link.cardRead(u"magstripe-approve"_qs);
        QVERIFY(card);
        bool required = false;
        connect(&link.engine(), &CardEngine::activationRequired, this, [&required] { required = true; });
        const Result<CardResult> sale = CardLinkFixture::await<CardResult>(
            [&](auto done) { link.engine().sale(Money::fromFen(500), *card, done); });
        POS_VERIFY_RESULT(sale);
        QCOMPARE(sale.value().outcome, CardResult::Outcome::Declined);
        QCOMPARE(sale.value().responseCode, u"40"_qs);
        QVERIFY(required);
    }

    void declinedThenApproved()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator(pendingDemoTerminal()));
        QVERIFY(link.startTerminal());
        const Result<ActivationSwipeResult> wrongPin = activate(link, u"magstripe-approve"_qs, u"000000"_qs);
        POS_VERIFY_RESULT(wrongPin);
        QCOMPARE(wrongPin.value().outcome, CardResult::Outcome::Declined);
        QCOMPARE(wrongPin.value().responseCode, u"55"_qs);
        QVERIFY(wrongPin.value().fees.isEmpty());
        QCOMPARE(activations(link).size(), 0);
        const Result<ActivationSwipeResult> approved = activate(link, u"magstripe-approve"_qs);
        POS_VERIFY_RESULT(approved);
        QCOMPARE(approved.value().outcome, CardResult::Outcome::Approved);
        QCOMPARE(activations(link).size(), 1);
    }

    void unknownOutcomeIsReversedThenActivatedOnce()
    {
        CardLinkFixture link;
        QVERIFY(link.startSimulator(pendingDemoTerminal() + QStringList{u"--faults"_qs, u"drop-response"_qs,
                                                                        u"--fault-mtis"_qs, u"0200"_qs,
                                                                        u"--fault-delay-ms"_qs, u"2500"_qs}));
        QVERIFY(link.startTerminal());
        const Result<ActivationSwipeResult> lost = activate(link, u"magstripe-approve"_qs);
        POS_VERIFY_RESULT(lost);
        QCOMPARE(lost.value().outcome, CardResult::Outcome::Reversed);
        QJsonArray rows = activations(link);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(u"state"_qs).toString(), u"reversed"_qs);
        QCOMPARE(rows.at(0).toObject().value(u"stan"_qs).toString(),
                 QString::number(lost.value().trace.stan).rightJustified(6, u'0'));

        QVERIFY(link.startSimulator(pendingDemoTerminal())); // the host is back, without faults
        const Result<ActivationSwipeResult> again = activate(link, u"magstripe-approve"_qs);
        POS_VERIFY_RESULT(again);
        QCOMPARE(again.value().outcome, CardResult::Outcome::Approved);
        rows = activations(link);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(u"state"_qs).toString(), u"approved"_qs);
        QCOMPARE(rows.at(0).toObject().value(u"stan"_qs).toString(),
                 QString::number(again.value().trace.stan).rightJustified(6, u'0'));
        int approvedActivations = 0;
        for (const QJsonValue& row : link.hostDump().value(u"transactions"_qs).toArray())
            approvedActivations += row.toObject().value(u"kind"_qs).toString() == u"activation"_qs &&
                                   row.toObject().value(u"state"_qs).toString() == u"approved"_qs;
        QCOMPARE(approvedActivations, 1);
    }
};

QTEST_GUILESS_MAIN(tst_CardActivation)
#include "tst_card_activation.moc"
