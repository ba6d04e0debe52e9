// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// kill -9 of the client: POS_CRASH_COUNT (default 60) card sales and voids, each run by its own
// `pos-tool card` process against the real simulator, killed (SIGKILL) at a random moment. The next process
// on the same ledger is the restart: it turns every payment left 'sending' into a due reversal and sends it
// before doing anything else. At the end the host ledger equals the local one and the batch settles balanced.
#include "storage/sqlite/SqliteDatabase.h"
#include "support/CardReconciliation.h"

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;

namespace {

// Payments a killed client left 'sending' (the restart must reverse them), read from the file directly.
qint64 paymentsLeftSending(const QString& ledgerPath)
{
    auto database = storage::SqliteDatabase::open(ledgerPath, storage::SqliteDatabase::Access::ReadOnly,
                                                  storage::SqliteDatabase::Creation::MustExist);
    if (!database)
        return 0; // killed before the ledger existed
    const Result<qint64> count =
        database.value()->queryInt64(u"SELECT count(*) FROM card_payments WHERE host_state = 'sending'"_qs);
    return count ? count.value() : 0;
}

} // namespace

class tst_CardCrash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedClientLeavesNothingInDoubt()
    {
        const int count = qEnvironmentVariableIsSet("POS_CRASH_COUNT")
                              ? qEnvironmentVariableIntValue("POS_CRASH_COUNT")
                              : 60;
        CardLinkFixture link;
        // Slow answers widen the window in which the request is on the wire.
        QVERIFY(link.startSimulator({u"--faults"_qs, u"delay=0.5"_qs, u"--fault-delay-ms"_qs, u"300"_qs,
                                     u"--fault-mtis"_qs, u"0200,0400"_qs}));
        const QString tool = builtExecutable(u"pos-tool"_qs);
        const QStringList common{u"--ledger"_qs,
                                 link.ledgerPath(),
                                 u"--host"_qs,
                                 u"127.0.0.1:%1"_qs.arg(link.hostPort()),
                                 u"--ca"_qs,
                                 link.caPath(),
                                 u"--response-timeout-ms"_qs,
                                 u"3000"_qs,
                                 u"--json"_qs};
        QRandomGenerator random(20261122);
        QList<qint64> approvedSales;
        int killed = 0;
        int completed = 0;
        qint64 leftSending = 0;
        for (int i = 0; i < count; ++i) {
            QStringList args;
            if (random.bounded(100) < 20 && !approvedSales.isEmpty())
                args << u"card"_qs << u"void"_qs << u"--payment"_qs
                     << QString::number(approvedSales.takeAt(random.bounded(approvedSales.size())));
            else
                args << u"card"_qs << u"sale"_qs << u"--card"_qs << u"magstripe-approve"_qs << u"--amount"_qs
                     << QString::number(100 + random.bounded(10000));
            std::unique_ptr<QProcess> client = startProcess(tool, args + common);
            QVERIFY(client);
            const int killAfterMs = random.bounded(900);
            if (!client->waitForFinished(killAfterMs)) {
                client->kill(); // SIGKILL: no destructor, no flush, no goodbye
                QVERIFY(client->waitForFinished(5000));
                ++killed;
                leftSending += paymentsLeftSending(link.ledgerPath());
                continue;
            }
            ++completed;
            const QJsonObject answer = QJsonDocument::fromJson(client->readAllStandardOutput()).object();
            if (answer.value(u"action"_qs).toString() == u"sale"_qs &&
                answer.value(u"outcome"_qs).toString() == u"approved"_qs)
                approvedSales.append(answer.value(u"paymentId"_qs).toInteger());
        }
        qInfo("clients: %d killed (%lld left a payment 'sending'), %d completed", killed, leftSending,
              completed);
        // The crash window was really hit; otherwise this test proves nothing.
        QVERIFY2(leftSending > 0, "no kill landed while a payment was on the wire");

        // The last restart, without faults: it drains everything owed.
        QVERIFY(link.startSimulator());
        QVERIFY(link.startTerminal());
        const Result<WorkKeyCheck> signedOn =
            CardLinkFixture::await<WorkKeyCheck>([&](auto done) { link.engine().signOn(done); });
        POS_VERIFY_RESULT(signedOn);
        const Result<qint64> owed =
            CardLinkFixture::await<qint64>([&](auto done) { link.engine().sendRecoveries(done); });
        POS_VERIFY_RESULT(owed);
        QCOMPARE(owed.value(), 0);

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

QTEST_GUILESS_MAIN(tst_CardCrash)
#include "tst_card_crash.moc"
