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
#include "support/CardLinkFixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using namespace pos::activation;
using namespace pos::test;

namespace {

const QByteArray pngBytes = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000");

// Everything on the terminal's side, rebuilt for each "process lifetime".
struct Terminal
{
    std::unique_ptr<storage::LedgerService> ledger;
    std::unique_ptr<storage::LedgerActivationStore> store;
    std::unique_ptr<storage::LedgerCardJournal> journal;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<ActivationClient> client;
    std::unique_ptr<devices::ByteTransport> transport;
    std::unique_ptr<devices::PinPadDriver> pad;
    std::unique_ptr<AcquirerLink> link;
    std::unique_ptr<CardEngine> engine;
    std::unique_ptr<ActivationService> service;
    QList<receipt::ReceiptDocument> slips;
};

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
        QStringList args{u"--pty"_qs, u"--data-dir"_qs, m_dir.filePath(u"pad"_qs)};
        if (!script.isEmpty()) {
            QFile file(m_dir.filePath(u"script.txt"_qs));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return false;
            file.write(script.toUtf8());
            file.close();
            args << u"--script"_qs << file.fileName();
        }
        m_padProcess = startProcess(builtExecutable(u"pos-pinpad-sim"_qs), args);
        if (!m_padProcess)
            return false;
        m_padPty = waitForLine(*m_padProcess, u"^listening pty (.+)$"_qs, std::chrono::seconds(20));
        return !m_padPty.isEmpty();
    }

    // An approved application's activation code, through the onboarding API as the wizard's service sends it.
    static QString approvedCode(CardLinkFixture& host)
    {
        ApiConfig config;
        config.baseUrl = QUrl(host.apiUrl());
        config.pinnedCa = loadPinnedCa(host.caPath()).value();
        config.keyId = demoInstallerKeyId();
        config.secret = demoInstallerSecret();
        ApiClient api(config);
        OnboardingClient onboarding(api);
        QObject context;
        OnboardingDraft draft = validTestDraft();
        draft.clientReference = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (int k = 0; k < attachmentKindCount; ++k) {
            const auto uploaded = CardLinkFixture::await<ApiAnswer<DocumentUploadResult>>([&](auto done) {
                onboarding.uploadDocument(static_cast<DocumentKind>(k), pngBytes + char(k), u"image/png"_qs,
                                          &context, done);
            });
            if (!uploaded || !uploaded.value().succeeded())
                return {};
            draft.attachment(static_cast<AttachmentKind>(k)).documentId = uploaded.value().value->documentId;
        }
        const Result<QJsonObject> body = applicationJson(draft);
        const auto submitted = CardLinkFixture::await<ApiAnswer<ApplicationSubmitted>>(
            [&](auto done) { onboarding.submitApplication(body.value(), &context, done); });
        if (!submitted || !submitted.value().succeeded())
            return {};
        for (int poll = 0; poll < 100; ++poll) {
            const auto state = CardLinkFixture::await<ApiAnswer<ApplicationState>>([&](auto done) {
                onboarding.applicationStatus(submitted.value().value->applicationId, &context, done);
            });
            if (state && state.value().succeeded() &&
                state.value().value->status == ApplicationStatus::Approved)
                return state.value().value->activationCode;
            QTest::qWait(50);
        }
        return {};
    }

    // tweak may replace parts of the card link (e.g. to corrupt a key check) before the service is built.
    std::unique_ptr<Terminal> makeTerminal(CardLinkFixture& host,
                                           const QString& apiUrl = {},
                                           const std::function<void(CardLinkOperations&)>& tweak = {})
    {
        auto t = std::make_unique<Terminal>();
        t->ledger = std::make_unique<storage::LedgerService>();
        bool opened = false;
        QObject context;
        t->ledger->open(m_dir.filePath(u"terminal.db"_qs), &context,
                        [&opened](const Result<>& r) { opened = r.hasValue(); });
        if (!QTest::qWaitFor([&] { return opened; }, 20000))
            return nullptr;
        t->store = std::make_unique<storage::LedgerActivationStore>(*t->ledger);
        t->journal = std::make_unique<storage::LedgerCardJournal>(*t->ledger);
        ApiConfig config;
        config.baseUrl = QUrl(apiUrl.isEmpty() ? host.apiUrl() : apiUrl);
        config.pinnedCa = loadPinnedCa(host.caPath()).value();
        config.keyId = demoInstallerKeyId();
        config.secret = demoInstallerSecret();
        config.onboardingTimeoutMs = 5000;
        t->api = std::make_unique<ApiClient>(config);
        t->client = std::make_unique<ActivationClient>(*t->api);
        Result<std::unique_ptr<devices::ByteTransport>> transport =
            devices::ByteTransport::open(u"serial:"_qs + m_padPty);
        if (!transport)
            return nullptr;
        t->transport = std::move(transport).value();
        t->pad = std::make_unique<devices::PinPadDriver>(*t->transport, devices::PinPadDriver::Config{});
        LinkConfig linkConfig;
        linkConfig.host = u"127.0.0.1"_qs;
        linkConfig.port = host.hostPort();
        linkConfig.pinnedCa = config.pinnedCa;
        linkConfig.responseTimeoutMs = 5000;
        t->link = std::make_unique<AcquirerLink>(linkConfig);
        CardEngineConfig engineConfig;
        engineConfig.panHashKey = QByteArray(32, '\x33');
        AcquirerLink* link = t->link.get();
        t->engine = std::make_unique<CardEngine>(
            engineConfig,
            [link](QByteArray frame, QObject* ctx, std::function<void(Result<QByteArray>)> done) {
                link->exchange(std::move(frame), ctx, std::move(done));
            },
            *t->pad, *t->journal);
        ActivationService::Config serviceConfig;
        serviceConfig.requestedTenders = {u"swipe"_qs, u"qr"_qs};
        serviceConfig.cardTimeoutSeconds = 20;
        serviceConfig.pinTimeoutSeconds = 20;
        Terminal* raw = t.get();
        t->service = std::make_unique<ActivationService>(
            serviceConfig, *t->store, *t->client, *t->pad,
            [&] {
                CardLinkOperations ops = cardLinkOperations(*t->engine);
                if (tweak)
                    tweak(ops);
                return ops;
            }(),
            [](const QByteArray& secret) -> Result<QByteArray> {
                return QByteArray(QByteArray("sealed:") + secret.toHex());
            },
            [raw](const receipt::ReceiptDocument& slip, std::function<void(Result<qint64>)> done) {
                raw->slips.append(slip);
                QTimer::singleShot(0, [done, n = raw->slips.size()] { done(qint64(n)); });
            });
        const Result<> started = CardLinkFixture::await<void>([&](auto done) { raw->service->start(done); });
        return started ? std::move(t) : nullptr;
    }

    static int approvedActivations(CardLinkFixture& host, const QString& tid)
    {
        int approved = 0;
        for (const QJsonValue& row : host.hostDump().value(u"activations"_qs).toArray())
            approved += row.toObject().value(u"tid"_qs).toString() == tid &&
                        row.toObject().value(u"state"_qs).toString() == u"approved"_qs;
        return approved;
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
                 qPrintable(failures.isEmpty() ? activationStepKey(t->service->step())
                                               : failures.first().first().toString()));
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
                 qPrintable(failures.isEmpty() ? activationStepKey(t->service->step())
                                               : failures.last().first().toString()));
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
                 qPrintable(failures.isEmpty() ? activationStepKey(t->service->step())
                                               : failures.first().first().toString()));
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
        t->service->registerTerminal(u"ABCDEFGH"_qs);
        QVERIFY(QTest::qWaitFor([&] { return !failures.isEmpty(); }, 20000));
        QVERIFY2(failures.first().first().toString().contains(u"activation code"_qs),
                 qPrintable(failures.first().first().toString()));
        QVERIFY(t->service->step() < ActivationStep::TerminalRegistered);
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
};

QTEST_GUILESS_MAIN(tst_ActivationService)
#include "tst_activation_service.moc"
