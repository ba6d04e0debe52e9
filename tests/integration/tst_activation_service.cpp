// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The activation service end to end against the real parts: the acquirer simulator process (API over TLS and
// the card host), the PIN pad emulator process over a pty (its scripted cardholder), a real ledger file with
// the activation store and the card journal, the card engine. Registration with the activation code, the
// TMK unwrapped inside the pad, sign-on, a first swipe declined for a wrong PIN then approved, the terms
// stored and the slip queued; a restart between steps resumes without a second terminal or activation;
// a wrong code and an unreachable acquirer fail with clear messages.
#include "acquirer/api/ActivationClient.h"
#include "acquirer/api/OnboardingClient.h"
#include "acquirer/engine/CardEngine.h"
#include "acquirer/link/AcquirerLink.h"
#include "activation/ActivationService.h"
#include "activation/CardLinkAdapter.h"
#include "activation/OnboardingTestDraft.h"
#include "devices/pinpad/PinPadDriver.h"
#include "devices/transport/ByteTransport.h"
#include "storage/LedgerActivationStore.h"
#include "storage/LedgerCardJournal.h"
#include "storage/LedgerService.h"
#include "support/ActivationRig.h"
#include "support/CardLinkFixture.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using namespace pos::activation;
using namespace pos::test;

namespace {

using Terminal = ActivationTerminal;

// Everything on the terminal's side, rebuilt for each "process lifetime".

} // namespace

class tst_ActivationService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_padPty;
    std::unique_ptr<QProcess> m_padProcess;

    bool startPad(const QString& script)
    {
        m_padProcess = startScriptedPad(m_dir, script, &m_padPty);
        return m_padProcess != nullptr;
    }

    // An approved application's activation code, through the onboarding API as the wizard's service sends it.
    static QString approvedCode(CardLinkFixture& host) { return approvedActivationCode(host); }

    // tweak may replace parts of the card link (e.g. to corrupt a key check) before the service is built.
    std::unique_ptr<Terminal>
    makeTerminal(CardLinkFixture& host,
                 const QString& apiUrl = {},
                 const std::function<void(CardLinkOperations&)>& tweak = {},
                 const std::function<void(ActivationService::Config&)>& configure = {})
    {
        return makeActivationTerminal(host, m_dir.filePath(u"terminal.db"_qs), m_padPty, apiUrl, tweak,
                                      configure);
    }

    static int approvedActivations(CardLinkFixture& host, const QString& tid)
    {
        int approved = 0;
        for (const QJsonValue& row : host.hostDump().value(u"activations"_qs).toArray())
            approved += row.toObject().value(u"tid"_qs).toString() == tid &&
                        row.toObject().value(u"state"_qs).toString() == u"approved"_qs;
        return approved;
    }

    // The acquirer's terminals of the merchant (a repeated registration must not add one).
    static int merchantTerminals(CardLinkFixture& host, const QString& mid)
    {
        int terminals = 0;
        for (const QJsonValue& row : host.hostDump().value(u"terminals"_qs).toArray())
            terminals += row.toObject().value(u"mid"_qs).toString() == mid;
        return terminals;
    }

    // For a wait's failure message: where the service stands and the last failure it reported.
    static QString progress(const ActivationService& service, const QSignalSpy& failures)
    {
        return u"step %1; last failure: %2"_qs.arg(activationStepKey(service.step()),
                                                   failures.isEmpty() ? u"none"_qs
                                                                      : failures.last().first().toString());
    }

    static bool waitForStep(ActivationService& service, ActivationStep step, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return service.step() == step && !service.isBusy(); }, timeoutMs);
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"terminal.db"_qs));
        QFile::remove(m_dir.filePath(u"terminal.db-wal"_qs));
        QFile::remove(m_dir.filePath(u"terminal.db-shm"_qs));
    }
    void cleanup() { m_padProcess.reset(); }

    void declinedThenApprovedFirstSwipeActivates()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs}));
        const QString code = approvedCode(host);
        QCOMPARE(code.size(), 8);
        QVERIFY(startPad(u"card magstripe-approve\npin 9999\n"_qs)); // a wrong PIN first, then the right one
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy declines(t->service.get(), &ActivationService::firstSwipeDeclined);
        QSignalSpy activated(t->service.get(), &ActivationService::activated);

        t->service->registerTerminal(code.toLower()); // typed in lower case
        QVERIFY2(waitForStep(*t->service, ActivationStep::SignedOn),
                 qPrintable(progress(*t->service, failures)));
        QCOMPARE(t->service->record().pinPadSerial, u"SIMPAD00000001"_qs);
        QCOMPARE(t->service->record().terminalId.size(), 8);
        QVERIFY(t->service->record().sealedApiSecret.startsWith("sealed:"));

        t->service->firstSwipe();
        QVERIFY(QTest::qWaitFor([&] { return !declines.isEmpty(); }, 30000));
        QVERIFY2(declines.first().first().toString().contains(u"PIN"_qs),
                 qPrintable(declines.first().first().toString()));
        QCOMPARE(t->service->step(), ActivationStep::SignedOn);
        QCOMPARE(approvedActivations(host, t->service->record().terminalId), 0);

        t->service->firstSwipe();
        QVERIFY2(QTest::qWaitFor([&] { return !activated.isEmpty(); }, 30000),
                 qPrintable(progress(*t->service, failures)));
        const TerminalActivation& record = t->service->record();
        QCOMPARE(record.step, ActivationStep::Activated);
        QVERIFY(record.activationCode.isEmpty());
        QVERIFY(record.singleLimitFen > 0);
        QVERIFY(record.dailyLimitFen >= record.singleLimitFen);
        QVERIFY2(record.feeScheduleJson.contains(u"debit"_qs), qPrintable(record.feeScheduleJson));
        QCOMPARE(record.enabledTenders, (QStringList{u"cash"_qs, u"swipe"_qs, u"qr"_qs}));
        QCOMPARE(t->slips.size(), 1);
        const QString slip = QString::fromUtf8(t->slips.first().toJsonBytes());
        QVERIFY(slip.contains(u"622588******3118"_qs));
        QVERIFY(!slip.contains(u"6225880137563118"_qs));
        QVERIFY(slip.contains(record.terminalId));
        QCOMPARE(approvedActivations(host, record.terminalId), 1);
    }

    void restartResumesAtEachStep_data()
    {
        QTest::addColumn<ActivationStep>("stopAt");
        QTest::newRow("registering") << ActivationStep::Registering;
        QTest::newRow("registered") << ActivationStep::TerminalRegistered;
        QTest::newRow("tmk loaded") << ActivationStep::TmkLoaded;
    }
    void restartResumesAtEachStep()
    {
        QFETCH(ActivationStep, stopAt);
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs}));
        const QString code = approvedCode(host);
        QVERIFY(startPad({}));
        {
            std::unique_ptr<Terminal> t = makeTerminal(host);
            QVERIFY(t);
            bool stop = false;
            connect(t->service.get(), &ActivationService::stepChanged, this,
                    [&stop, stopAt](ActivationStep step) { stop = stop || step == stopAt; });
            t->service->registerTerminal(code);
            QVERIFY(QTest::qWaitFor([&] { return stop; }, 30000));
            // The "process" ends here, whatever it was doing.
        }
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QCOMPARE(t->service->step(), stopAt);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        t->service->resume();
        QVERIFY2(waitForStep(*t->service, ActivationStep::SignedOn),
                 qPrintable(progress(*t->service, failures)));
        // One terminal for the code and the pad: the registration was repeated, never duplicated.
        int terminals = 0;
        for (const QJsonValue& row : host.hostDump().value(u"terminals"_qs).toArray())
            terminals += row.toObject().value(u"tid"_qs).toString() == t->service->record().terminalId;
        QCOMPARE(terminals, 1);
    }

    // After a restart the pad still holds the last process's work keys; the engine signs on again at its
    // first message. The first swipe must sign on before the PIN is encrypted, or the right PIN is declined
    // (55).
    void firstSwipeAfterARestartIsApprovedAtOnce()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs}));
        const QString code = approvedCode(host);
        QVERIFY(startPad({}));
        {
            std::unique_ptr<Terminal> t = makeTerminal(host);
            QVERIFY(t);
            t->service->registerTerminal(code);
            QVERIFY(waitForStep(*t->service, ActivationStep::SignedOn));
        }
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QCOMPARE(t->service->step(), ActivationStep::SignedOn);
        QSignalSpy declines(t->service.get(), &ActivationService::firstSwipeDeclined);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy activated(t->service.get(), &ActivationService::activated);
        t->service->firstSwipe();
        QVERIFY2(
            QTest::qWaitFor(
                [&] { return !activated.isEmpty() || !declines.isEmpty() || !failures.isEmpty(); }, 30000),
            "no outcome");
        QVERIFY2(declines.isEmpty(),
                 qPrintable(declines.isEmpty() ? QString() : declines.first().first().toString()));
        QCOMPARE(activated.size(), 1);
    }

    // A work key whose check value does not match is never used: the step stays before signed_on, the
    // merchant is told, and a retry with good keys continues.
    void badWorkKeyCheckValueStopsTheActivation()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs}));
        const QString code = approvedCode(host);
        QVERIFY(startPad({}));
        bool corrupt = true;
        std::unique_ptr<Terminal> t = makeTerminal(host, {}, [&corrupt](CardLinkOperations& ops) {
            auto real = ops.signOn;
            ops.signOn = [real, &corrupt](std::function<void(Result<WorkKeyCheck>)> done) {
                real([done, &corrupt](Result<WorkKeyCheck> check) {
                    if (check && corrupt && !check.value().keys.isEmpty())
                        check.value().keys.first().receivedKcv[0] =
                            char(check.value().keys.first().receivedKcv[0] ^ 0x01);
                    done(std::move(check));
                });
            };
        });
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        t->service->registerTerminal(code);
        QVERIFY(QTest::qWaitFor([&] { return !failures.isEmpty(); }, 30000));
        QVERIFY2(failures.first().first().toString().contains(u"KCV"_qs),
                 qPrintable(failures.first().first().toString()));
        QCOMPARE(t->service->step(), ActivationStep::TmkLoaded);
        corrupt = false;
        t->service->resume();
        QVERIFY(waitForStep(*t->service, ActivationStep::SignedOn));
    }

    void wrongActivationCodeIsExplained()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({}));
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy retries(t->service.get(), &ActivationService::retryScheduled);
        t->service->registerTerminal(u"ABCDEFGH"_qs);
        QVERIFY(QTest::qWaitFor([&] { return !failures.isEmpty(); }, 20000));
        QVERIFY2(failures.first().first().toString().contains(u"activation code"_qs),
                 qPrintable(failures.first().first().toString()));
        QVERIFY(t->service->step() < ActivationStep::TerminalRegistered);
        QCOMPARE(retries.size(), 0); // a refusal is an answer: asking again would not change it
    }

    void malformedCodeIsRefusedBeforeSending()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({}));
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        t->service->registerTerminal(u"ABC0O1"_qs);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(t->service->step(), ActivationStep::NotStarted);
    }

    void unreachableAcquirerKeepsTheCodeForARetry()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({}));
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host, u"https://127.0.0.1:1/"_qs);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        t->service->registerTerminal(u"ABCDEFGH"_qs);
        QVERIFY(QTest::qWaitFor([&] { return !failures.isEmpty(); }, 20000));
        QVERIFY2(failures.first().first().toString().contains(u"try again"_qs),
                 qPrintable(failures.first().first().toString()));
        QCOMPARE(t->service->step(), ActivationStep::Registering);
        QCOMPARE(t->service->record().activationCode, u"ABCDEFGH"_qs);
    }

    // The acquirer's TMK check value does not match the key it wrapped: the pad refuses the key (nothing
    // loaded), the service stops before tmk_loaded with a KCV message, and Try again (the registration is
    // repeated, the TMK wrapped again with its right check value) continues to the sign-on.
    void badMasterKeyCheckValueLoadsNothing()
    {
        CardLinkFixture host;
        // Seed 0 draws 0.160 then 0.992: the first activation answer carries a wrong tmkKcv, the second not.
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs, u"--api-faults"_qs,
                                     u"bad-tmk-kcv:0.5"_qs, u"--seed"_qs, u"0"_qs}));
        const QString code = approvedCode(host);
        QVERIFY(QDir(m_dir.filePath(u"pad"_qs)).removeRecursively()); // a new pad: no TMK from earlier rows
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy retries(t->service.get(), &ActivationService::retryScheduled);
        t->service->registerTerminal(code);
        QVERIFY(QTest::qWaitFor([&] { return !failures.isEmpty(); }, 30000));
        QVERIFY2(failures.first().first().toString().contains(u"(KCV) did not match"_qs),
                 qPrintable(failures.first().first().toString()));
        QCOMPARE(t->service->step(), ActivationStep::TerminalRegistered);
        QCOMPARE(retries.size(), 0); // a wrong key is not "no answer"
        const Result<devices::PinPadInfo> info =
            CardLinkFixture::await<devices::PinPadInfo>([&](auto done) { t->pad->deviceInfo(this, done); });
        POS_VERIFY_RESULT(info);
        QVERIFY(!info.value().tmkLoaded);

        t->service->resume();
        QVERIFY2(waitForStep(*t->service, ActivationStep::SignedOn),
                 qPrintable(progress(*t->service, failures)));
        QCOMPARE(merchantTerminals(host, t->service->record().merchantId), 1);
    }

    // Unstable network: no answer is retried automatically after a pause, a bounded number of times.
    void unreachableAcquirerIsRetriedThenGivenUp()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({}));
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host, u"https://127.0.0.1:1/"_qs);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy retries(t->service.get(), &ActivationService::retryScheduled);
        t->service->registerTerminal(u"ABCDEFGH"_qs);
        QVERIFY(QTest::qWaitFor([&] { return !failures.isEmpty(); }, 20000));
        QCOMPARE(retries.size(), 3); // the rig's three pauses, then the failure
        QCOMPARE(retries.last().at(0).toInt(), 3);
        QCOMPARE(retries.last().at(1).toInt(), 3);
        QCOMPARE(retries.last().at(2).toInt(), 300);
        QVERIFY(!t->service->isBusy());
        QVERIFY(!t->service->canCancel());
    }

    // The acquirer registers the terminal but answers 503 (outcome unknown), twice: the service asks again
    // on its own and the third answer goes through — still one terminal for the merchant.
    void unknownRegistrationOutcomeIsRetriedWithoutASecondTerminal()
    {
        CardLinkFixture host;
        // Seed 23 draws 0.104, 0.378, 0.627 (mt19937_64, 53 bits): 503 twice, then the real answer.
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs, u"--api-faults"_qs,
                                     u"http-503-after:0.5"_qs, u"--seed"_qs, u"23"_qs}));
        const QString code = approvedCode(host);
        QCOMPARE(code.size(), 8);
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy retries(t->service.get(), &ActivationService::retryScheduled);
        t->service->registerTerminal(code);
        QVERIFY2(waitForStep(*t->service, ActivationStep::SignedOn),
                 qPrintable(progress(*t->service, failures)));
        QCOMPARE(retries.size(), 2);
        QCOMPARE(failures.size(), 0);
        QCOMPARE(merchantTerminals(host, t->service->record().merchantId), 1);
    }

    // The card link drops the sign-on twice (connection lost mid-frame): retried until the keys arrive.
    void lostSignOnIsRetried()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs, u"--faults"_qs,
                                     u"disconnect-mid-frame=0.5"_qs, u"--fault-mtis"_qs, u"0800"_qs,
                                     u"--seed"_qs, u"23"_qs}));
        const QString code = approvedCode(host);
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy retries(t->service.get(), &ActivationService::retryScheduled);
        t->service->registerTerminal(code);
        QVERIFY2(waitForStep(*t->service, ActivationStep::SignedOn),
                 qPrintable(progress(*t->service, failures)));
        QCOMPARE(retries.size(), 2);
        QCOMPARE(failures.size(), 0);
    }

    // Cancel during the pause before a retry: nothing more is sent, the code stays for Try again.
    void cancelStopsThePendingRetry()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({}));
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t =
            makeTerminal(host, u"https://127.0.0.1:1/"_qs, {}, [](ActivationService::Config& config) {
                config.retryDelaysMs = {1500, 1500};
            });
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy retries(t->service.get(), &ActivationService::retryScheduled);
        t->service->registerTerminal(u"ABCDEFGH"_qs);
        QVERIFY(QTest::qWaitFor([&] { return !retries.isEmpty(); }, 20000));
        QVERIFY(t->service->canCancel());
        QVERIFY(!t->service->isWaitingForCardholder());
        t->service->cancel();
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.first().first().toString().contains(u"Try again"_qs),
                 qPrintable(failures.first().first().toString()));
        QTest::qWait(2000); // past the cancelled pause: no second retry, no other failure
        QCOMPARE(retries.size(), 1);
        QCOMPARE(failures.size(), 1);
        QVERIFY(!t->service->isBusy());
        QCOMPARE(t->service->step(), ActivationStep::Registering);
        QCOMPARE(t->service->record().activationCode, u"ABCDEFGH"_qs);
    }

    // A slow acquirer: Cancel while its answer is awaited; the late answer is ignored, and Try again
    // registers the same terminal (idempotent), never a second one.
    void cancelWhileTheAcquirerIsSlowRegistersOnce()
    {
        CardLinkFixture host;
        // Seed 0 draws 0.160 then 0.992: the first registration is answered after 2.5 s, the second at once.
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs, u"--api-faults"_qs, u"delay:0.5"_qs,
                                     u"--fault-delay-ms"_qs, u"2500"_qs, u"--seed"_qs, u"0"_qs}));
        const QString code = approvedCode(host);
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy steps(t->service.get(), &ActivationService::stepChanged);
        bool cancellable = false;
        connect(t->service.get(), &ActivationService::busyChanged, this,
                [&](bool busy) { cancellable = cancellable || (busy && t->service->canCancel()); });
        t->service->registerTerminal(code);
        QVERIFY(QTest::qWaitFor([&] { return cancellable; }, 20000));
        t->service->cancel();
        QCOMPARE(failures.size(), 1);
        QCOMPARE(t->service->step(), ActivationStep::Registering);
        const qsizetype stepsAtCancel = steps.size();
        QTest::qWait(3500); // the late answer arrives and is ignored
        QCOMPARE(steps.size(), stepsAtCancel);
        QCOMPARE(t->service->step(), ActivationStep::Registering);
        QVERIFY(!t->service->isBusy());

        t->service->resume();
        QVERIFY2(waitForStep(*t->service, ActivationStep::SignedOn),
                 qPrintable(progress(*t->service, failures)));
        QCOMPARE(merchantTerminals(host, t->service->record().merchantId), 1);
    }

    // The bank is slower than the link's timeout on the first swipe: the engine reverses the activation,
    // the merchant is told to swipe again, and the second swipe activates the terminal exactly once.
    void slowBankOnTheFirstSwipeIsReversedThenActivatedOnce()
    {
        CardLinkFixture host;
        // Seed 0 draws 0.160 then 0.992: the first 0200 is answered after 12 s (the link waits 5 + 2 s), the
        // second at once. Reversals (0400) are not delayed.
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs, u"--faults"_qs, u"delay=0.5"_qs,
                                     u"--fault-mtis"_qs, u"0200"_qs, u"--fault-delay-ms"_qs, u"12000"_qs,
                                     u"--seed"_qs, u"0"_qs}));
        const QString code = approvedCode(host);
        QVERIFY(startPad({}));
        std::unique_ptr<Terminal> t = makeTerminal(host);
        QVERIFY(t);
        QSignalSpy failures(t->service.get(), &ActivationService::failed);
        QSignalSpy activated(t->service.get(), &ActivationService::activated);
        t->service->registerTerminal(code);
        QVERIFY2(waitForStep(*t->service, ActivationStep::SignedOn),
                 qPrintable(progress(*t->service, failures)));

        t->service->firstSwipe();
        QVERIFY(QTest::qWaitFor([&] { return !failures.isEmpty(); }, 40000));
        QVERIFY2(failures.first().first().toString().contains(u"reversed"_qs),
                 qPrintable(failures.first().first().toString()));
        QCOMPARE(t->service->step(), ActivationStep::SignedOn);
        QCOMPARE(approvedActivations(host, t->service->record().terminalId), 0);

        t->service->firstSwipe();
        QVERIFY2(QTest::qWaitFor([&] { return !activated.isEmpty(); }, 40000),
                 qPrintable(progress(*t->service, failures)));
        QCOMPARE(t->service->step(), ActivationStep::Activated);
        QCOMPARE(approvedActivations(host, t->service->record().terminalId), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ActivationService)
#include "tst_activation_service.moc"
