// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Chaos: POS_CHAOS_COUNT (default 300) card transactions through the real engine, ledger and simulator with
// about 20 % seeded faults on sales, refunds and reversals. Afterwards: every unanswered or unusable
// authorisation is reversed at the host, no double charge, the host ledger equals the local one, and the
// batch settles balanced.
#include "support/CardReconciliation.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;

namespace {

const QString faultSpec =
    u"drop-request=0.03,drop-response=0.03,delay=0.02,late-after-reversal=0.02,duplicate=0.02,"
    "disconnect-mid-frame=0.02,bad-mac=0.02,garbage=0.02,rc68=0.01,rc91=0.005,rc96=0.005"_qs;

} // namespace

class tst_CardChaos final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostAndLedgerAgreeAfterFaults()
    {
        const int count = qEnvironmentVariableIsSet("POS_CHAOS_COUNT")
                              ? qEnvironmentVariableIntValue("POS_CHAOS_COUNT")
                              : 300;
        CardLinkFixture link;
        link.responseTimeoutMs = 800;
        QVERIFY(
            link.startSimulator({u"--faults"_qs, faultSpec, u"--seed"_qs, u"20261122"_qs, u"--fault-mtis"_qs,
                                 u"0200,0220,0400"_qs, u"--fault-delay-ms"_qs, u"1200"_qs}));
        QVERIFY(link.startTerminal());
        QRandomGenerator random(7);
        const QStringList cards{u"magstripe-approve"_qs, u"magstripe-approve-2"_qs, u"chip-approve"_qs,
                                u"contactless-approve"_qs, u"insufficient-funds"_qs};
        QList<qint64> approvedSales;
        int outcomes[5] = {};
        for (int i = 0; i < count; ++i) {
            if (!link.engine().isSignedOn())
                (void)CardLinkFixture::await<WorkKeyCheck>([&](auto done) { link.engine().signOn(done); });
            const int dice = random.bounded(100);
            Result<CardResult> result = fail(ErrorCode::Internal, QString(), u"not run"_qs);
            if (dice < 8 && !approvedSales.isEmpty()) {
                const qint64 original = approvedSales.takeAt(random.bounded(approvedSales.size()));
                result = CardLinkFixture::await<CardResult>(
                    [&](auto done) { link.engine().voidSale(original, std::nullopt, done); });
            } else if (dice < 14 && !approvedSales.isEmpty()) {
                const qint64 original = approvedSales.takeAt(random.bounded(approvedSales.size()));
                const std::optional<CardRead> card = link.cardRead(u"magstripe-approve"_qs);
                QVERIFY(card);
                result = CardLinkFixture::await<CardResult>(
                    [&](auto done) { link.engine().refund(original, Money::fromFen(1), *card, done); });
            } else {
                const std::optional<CardRead> card = link.cardRead(cards.at(random.bounded(cards.size())));
                QVERIFY(card);
                const qint64 fen = 100 + random.bounded(20000);
                result = CardLinkFixture::await<CardResult>(
                    [&](auto done) { link.engine().sale(Money::fromFen(fen), *card, done); });
                if (result && result.value().outcome == CardResult::Outcome::Approved)
                    approvedSales.append(result.value().paymentId);
            }
            if (result)
                ++outcomes[static_cast<int>(result.value().outcome)];
            else // refused before sending (a reversal still owed): try the queue again
                (void)CardLinkFixture::await<qint64>([&](auto done) { link.engine().sendRecoveries(done); });
        }
        qInfo("outcomes: approved %d declined %d not-sent %d reversed %d reversal-pending %d", outcomes[0],
              outcomes[1], outcomes[2], outcomes[3], outcomes[4]);

        // The host recovers: drain everything that is owed, without faults.
        QVERIFY(link.startSimulator());
        for (int round = 0; round < 10; ++round) {
            const Result<qint64> owed =
                CardLinkFixture::await<qint64>([&](auto done) { link.engine().sendRecoveries(done); });
            if (owed && owed.value() == 0)
                break;
        }

        const int charged = verifyHostMatchesLedger(link);
        if (QTest::currentTestFailed())
            return;
        qInfo("charged at the end: %d", charged);

        const Result<SettlementReport> report =
            CardLinkFixture::await<SettlementReport>([&](auto done) { link.engine().settle(done); });
        POS_VERIFY_RESULT(report);
        QVERIFY(report.value().balanced);
        QCOMPARE(report.value().host, report.value().local);
    }
};

QTEST_GUILESS_MAIN(tst_CardChaos)
#include "tst_card_chaos.moc"
