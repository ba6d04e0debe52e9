// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// OnboardingService against the real simulator process (signed HTTPS API) and a real ledger file: sealed
// draft persistence, attachment checks, submission to approval, rejection → correction → resubmission, a
// submission interrupted after the POST, and the network down.
#include "OnboardingTestDraft.h"
#include "acquirer/api/OnboardingClient.h"
#include "activation/AcquirerAgreement.h"
#include "activation/OnboardingService.h"
#include "storage/LedgerOnboardingStore.h"
#include "storage/LedgerService.h"
#include "support/CardLinkFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::activation;
using namespace pos::test;

namespace {

const QByteArray personalKey(32, '\x33');

QByteArray pngFile(char tag)
{
    return QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + tag +
           QByteArray(64, tag);
}

// Everything one service needs; rebuilt to simulate a restart on the same ledger file.
struct Rig
{
    std::unique_ptr<acquirer::ApiClient> api;
    std::unique_ptr<acquirer::OnboardingClient> client;
    std::unique_ptr<OnboardingService> service;
};

} // namespace

class tst_OnboardingService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::LedgerService> m_ledger;
    std::unique_ptr<storage::LedgerOnboardingStore> m_store;
    QObject m_context;
    int m_round = 0;

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    Rig makeRig(const QString& apiUrl, const QString& caPath, QByteArray key = personalKey)
    {
        Rig rig;
        acquirer::ApiConfig config;
        config.baseUrl = QUrl(apiUrl);
        if (!caPath.isEmpty())
            config.pinnedCa = acquirer::loadPinnedCa(caPath).value();
        config.keyId = acquirer::demoInstallerKeyId();
        config.secret = acquirer::demoInstallerSecret();
        config.onboardingTimeoutMs = 5000;
        rig.api = std::make_unique<acquirer::ApiClient>(config);
        rig.client = std::make_unique<acquirer::OnboardingClient>(*rig.api);
        OnboardingServiceConfig serviceConfig;
        serviceConfig.pollIntervalMs = 100;
        serviceConfig.maxPollIntervalMs = 400;
        rig.service = std::make_unique<OnboardingService>(
            *m_store, std::move(key), *rig.client, acquirerAgreementSource(*rig.client), serviceConfig);
        return rig;
    }

    static Result<> start(OnboardingService& service)
    {
        return await<void>([&](auto done) { service.start(done); });
    }
    static Result<> save(OnboardingService& service, OnboardingPage page, const OnboardingDraft& draft)
    {
        return await<void>([&](auto done) { service.savePage(page, draft, done); });
    }
    static Result<Attachment> attach(OnboardingService& service, AttachmentKind kind, const QString& path)
    {
        return await<Attachment>([&](auto done) { service.attach(kind, path, done); });
    }

    // The valid test draft with its three scans attached through the service.
    std::optional<OnboardingDraft> attachedDraft(OnboardingService& service)
    {
        OnboardingDraft draft = validTestDraft();
        for (int k = 0; k < attachmentKindCount; ++k) {
            const auto kind = static_cast<AttachmentKind>(k);
            const QString path = writeFile(u"scan-%1-%2.png"_qs.arg(m_round).arg(k), pngFile(char('a' + k)));
            const Result<Attachment> attached = attach(service, kind, path);
            if (!attached)
                return std::nullopt;
            draft.attachment(kind) = attached.value();
        }
        return draft;
    }

    static bool waitForStatus(OnboardingService& service, OnboardingStatus status, int ms = 30000)
    {
        return QTest::qWaitFor([&] { return service.status() == status; }, ms);
    }

private Q_SLOTS:
    void init()
    {
        ++m_round;
        m_ledger = std::make_unique<storage::LedgerService>();
        const QString path = m_dir.filePath(u"ledger-%1.db"_qs.arg(m_round));
        const Result<> opened = await<void>(
            [&](auto done) { m_ledger->open(path, &m_context, [done](const Result<>& r) { done(r); }); });
        POS_VERIFY_RESULT(opened);
        m_store = std::make_unique<storage::LedgerOnboardingStore>(*m_ledger);
    }
    void cleanup()
    {
        m_store.reset();
        m_ledger.reset();
    }

    void draftSavedAfterEachPageAndReloaded()
    {
        Rig rig = makeRig(u"https://127.0.0.1:1/"_qs, {});
        POS_VERIFY_RESULT(start(*rig.service));
        QCOMPARE(rig.service->resumePage(), OnboardingPage::Merchant);
        const OnboardingDraft full = validTestDraft();
        OnboardingDraft draft;
        for (int page = 0; page <= static_cast<int>(OnboardingPage::Agreement); ++page) {
            // Each page adds its part of the application.
            switch (static_cast<OnboardingPage>(page)) {
            case OnboardingPage::Merchant: draft.merchant = full.merchant; break;
            case OnboardingPage::Licence: draft.licence = full.licence; break;
            case OnboardingPage::Tax: draft.tax = full.tax; break;
            case OnboardingPage::LegalRepresentative: draft.legal = full.legal; break;
            case OnboardingPage::Settlement: draft.settlement = full.settlement; break;
            case OnboardingPage::Features: draft.features = full.features; break;
            default: draft.agreement = full.agreement; break;
            }
            POS_VERIFY_RESULT(save(*rig.service, static_cast<OnboardingPage>(page), draft));
            Rig fresh = makeRig(u"https://127.0.0.1:1/"_qs, {});
            POS_VERIFY_RESULT(start(*fresh.service));
            OnboardingDraft expected = draft;
            expected.lastCompletedPage = page;
            QCOMPARE(fresh.service->draft(), expected);
            QCOMPARE(fresh.service->status(), OnboardingStatus::Draft);
            QCOMPARE(static_cast<int>(fresh.service->resumePage()), page + 1);
        }
        // An earlier page saved again does not lower the progress.
        POS_VERIFY_RESULT(save(*rig.service, OnboardingPage::Merchant, draft));
        QCOMPARE(rig.service->draft().lastCompletedPage, static_cast<int>(OnboardingPage::Agreement));
    }

    void anotherKeyCannotReadTheDraft()
    {
        Rig rig = makeRig(u"https://127.0.0.1:1/"_qs, {});
        POS_VERIFY_RESULT(start(*rig.service));
        POS_VERIFY_RESULT(save(*rig.service, OnboardingPage::Merchant, validTestDraft()));
        Rig other = makeRig(u"https://127.0.0.1:1/"_qs, {}, QByteArray(32, '\x44'));
        const Result<> started = start(*other.service);
        QVERIFY(!started);
        QCOMPARE(started.error().code, ErrorCode::CryptoFailure);
        QVERIFY(other.service->draft().merchant.registeredName.isEmpty());
    }

    void attachRefusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("mime");
        QTest::newRow("png that is really text")
            << QByteArray("just some text, not an image\n") << false << QString();
        QTest::newRow("10 MiB + 1") << (QByteArray::fromHex("ffd8ffe0") +
                                        QByteArray(10 * 1024 * 1024 - 3, 'j'))
                                    << false << QString();
        QTest::newRow("empty") << QByteArray() << false << QString();
        QTest::newRow("real png (control)") << pngFile('p') << true << u"image/png"_qs;
        QTest::newRow("exactly 10 MiB jpeg (control)")
            << (QByteArray::fromHex("ffd8ffe0") + QByteArray(10 * 1024 * 1024 - 4, 'j')) << true
            << u"image/jpeg"_qs;
        QTest::newRow("pdf (control)") << QByteArray("%PDF-1.7\n%...\n") << true << u"application/pdf"_qs;
    }
    void attachRefusesBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, accepted);
        QFETCH(QString, mime);
        Rig rig = makeRig(u"https://127.0.0.1:1/"_qs, {});
        POS_VERIFY_RESULT(start(*rig.service));
        const QString path = writeFile(u"upload-%1.png"_qs.arg(m_round), content);
        QVERIFY(!path.isEmpty());
        const Result<Attachment> attached = attach(*rig.service, AttachmentKind::Licence, path);
        if (!accepted) {
            QVERIFY(!attached);
            QCOMPARE(attached.error().code, ErrorCode::InvalidInput);
            QVERIFY(attached.error().userMessage.contains(u"upload-%1.png"_qs.arg(m_round)));
            const Result<QByteArray> none = await<QByteArray>(
                [&](auto done) { rig.service->attachmentBytes(AttachmentKind::Licence, done); });
            QVERIFY(!none);
            QCOMPARE(none.error().code, ErrorCode::NotFound);
            return;
        }
        POS_VERIFY_RESULT(attached);
        QCOMPARE(attached.value().mime, mime);
        QCOMPARE(attached.value().sizeBytes, content.size());
        QCOMPARE(attached.value().sha256, QString::fromLatin1(crypto::sha256(content).value().toHex()));
        QCOMPARE(attached.value().fileName, u"upload-%1.png"_qs.arg(m_round));
        QVERIFY(attached.value().documentId.isEmpty());
        const Result<QByteArray> bytes = await<QByteArray>(
            [&](auto done) { rig.service->attachmentBytes(AttachmentKind::Licence, done); });
        POS_VERIFY_RESULT(bytes);
        QCOMPARE(bytes.value(), content);
    }

    void agreementComesFromTheAcquirer()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({}));
        Rig rig = makeRig(host.apiUrl(), host.caPath());
        POS_VERIFY_RESULT(start(*rig.service));
        const Result<AgreementOffer> offer =
            await<AgreementOffer>([&](auto done) { rig.service->fetchAgreement(done); });
        POS_VERIFY_RESULT(offer);
        QCOMPARE(offer.value().version, sim::currentAgreement().version);
        QCOMPARE(offer.value().text, sim::currentAgreement().text);
        QCOMPARE(offer.value().fees.size(), sim::currentAgreement().fees.size());
        QCOMPARE(offer.value().settlementCycles, sim::currentAgreement().settlementCycles);
    }

    void agreementFailsClearlyWithoutANetwork()
    {
        Rig rig = makeRig(u"https://127.0.0.1:1/"_qs, {});
        POS_VERIFY_RESULT(start(*rig.service));
        const Result<AgreementOffer> offer =
            await<AgreementOffer>([&](auto done) { rig.service->fetchAgreement(done); });
        QVERIFY(!offer);
        QVERIFY(!offer.error().userMessage.isEmpty());
    }

    void submitIsApprovedWithActivationCode()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"200"_qs}));
        Rig rig = makeRig(host.apiUrl(), host.caPath());
        POS_VERIFY_RESULT(start(*rig.service));
        const std::optional<OnboardingDraft> draft = attachedDraft(*rig.service);
        QVERIFY(draft);
        POS_VERIFY_RESULT(save(*rig.service, OnboardingPage::Agreement, *draft));
        QSignalSpy progress(rig.service.get(), &OnboardingFlow::progress);
        QSignalSpy statuses(rig.service.get(), &OnboardingFlow::statusChanged);
        QSignalSpy failures(rig.service.get(), &OnboardingFlow::failed);
        rig.service->submit();
        QVERIFY2(waitForStatus(*rig.service, OnboardingStatus::Approved),
                 qPrintable(failures.isEmpty() ? onboardingStatusKey(rig.service->status())
                                               : failures.first().first().toString()));
        QCOMPARE(progress.size(), 4); // three documents and the application
        QCOMPARE(progress.last().at(0).toInt(), 4);
        QCOMPARE(statuses.first().first().value<OnboardingStatus>(), OnboardingStatus::Submitting);
        // The signal follows the durable commit of the approval.
        QTRY_COMPARE(statuses.last().first().value<OnboardingStatus>(), OnboardingStatus::Approved);
        QCOMPARE(rig.service->approvedMerchantId().size(), 15);
        const Result<QString> code = await<QString>([&](auto done) { rig.service->activationCode(done); });
        POS_VERIFY_RESULT(code);
        QCOMPARE(code.value().size(), 8);
        QCOMPARE(rig.service->resumePage(), OnboardingPage::Review);
        // Approved: the application can no longer be edited.
        const Result<> edited = save(*rig.service, OnboardingPage::Merchant, *draft);
        QVERIFY(!edited);
        QCOMPARE(edited.error().code, ErrorCode::InvalidInput);

        // A restart reads the approval and the sealed code back.
        Rig fresh = makeRig(host.apiUrl(), host.caPath());
        POS_VERIFY_RESULT(start(*fresh.service));
        QCOMPARE(fresh.service->status(), OnboardingStatus::Approved);
        QCOMPARE(fresh.service->approvedMerchantId(), rig.service->approvedMerchantId());
        const Result<QString> reloaded =
            await<QString>([&](auto done) { fresh.service->activationCode(done); });
        POS_VERIFY_RESULT(reloaded);
        QCOMPARE(reloaded.value(), code.value());
        QCOMPARE(host.hostDump().value(u"applications"_qs).toArray().size(), 1);
    }

    void rejectionIsCorrectedAndResubmitted()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"200"_qs}));
        Rig rig = makeRig(host.apiUrl(), host.caPath());
        POS_VERIFY_RESULT(start(*rig.service));
        std::optional<OnboardingDraft> draft = attachedDraft(*rig.service);
        QVERIFY(draft);
        draft->settlement.accountName = u"福州另一家贸易有限公司"_qs; // ≠ the licence name
        POS_VERIFY_RESULT(save(*rig.service, OnboardingPage::Agreement, *draft));
        rig.service->submit();
        QVERIFY(waitForStatus(*rig.service, OnboardingStatus::Rejected));
        const QList<ReviewReason> reasons = rig.service->reasons();
        QCOMPARE(reasons.size(), 1);
        QCOMPARE(reasons.first().code, u"ACCOUNT_NAME_MISMATCH"_qs);
        QCOMPARE(reasons.first().field, u"settlement.accountName"_qs);
        QCOMPARE(reasons.first().page, OnboardingPage::Settlement);

        // The reasons survive a restart; the draft is editable again.
        Rig fresh = makeRig(host.apiUrl(), host.caPath());
        POS_VERIFY_RESULT(start(*fresh.service));
        QCOMPARE(fresh.service->status(), OnboardingStatus::Rejected);
        QCOMPARE(fresh.service->reasons(), reasons);
        fresh.service.reset();

        OnboardingDraft corrected = rig.service->draft();
        corrected.settlement.accountName = corrected.licence.name;
        POS_VERIFY_RESULT(save(*rig.service, OnboardingPage::Settlement, corrected));
        QSignalSpy failures(rig.service.get(), &OnboardingFlow::failed);
        rig.service->submit();
        QVERIFY2(waitForStatus(*rig.service, OnboardingStatus::Approved),
                 qPrintable(failures.isEmpty() ? onboardingStatusKey(rig.service->status())
                                               : failures.first().first().toString()));
        QVERIFY(rig.service->reasons().isEmpty());
        QCOMPARE(host.hostDump().value(u"applications"_qs).toArray().size(), 1);
    }

    void interruptedSubmissionMakesOneApplication()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"200"_qs, u"--api-faults"_qs,
                                     u"drop-response:1"_qs, u"--api-fault-paths"_qs,
                                     u"/v1/onboarding/applications"_qs}));
        QString clientReference;
        {
            Rig rig = makeRig(host.apiUrl(), host.caPath());
            POS_VERIFY_RESULT(start(*rig.service));
            const std::optional<OnboardingDraft> draft = attachedDraft(*rig.service);
            QVERIFY(draft);
            POS_VERIFY_RESULT(save(*rig.service, OnboardingPage::Agreement, *draft));
            QSignalSpy failures(rig.service.get(), &OnboardingFlow::failed);
            rig.service->submit();
            QVERIFY(failures.wait(20000));
            QVERIFY(!failures.first().first().toString().isEmpty());
            QCOMPARE(rig.service->status(), OnboardingStatus::Submitting);
            clientReference = rig.service->draft().clientReference;
            QVERIFY(!clientReference.isEmpty());
        }
        // The acquirer took the application but its answer was lost.
        QCOMPARE(host.hostDump().value(u"applications"_qs).toArray().size(), 1);

        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"200"_qs}));
        Rig rig = makeRig(host.apiUrl(), host.caPath());
        POS_VERIFY_RESULT(start(*rig.service));
        QCOMPARE(rig.service->status(), OnboardingStatus::Submitting);
        QCOMPARE(rig.service->resumePage(), OnboardingPage::Review);
        QCOMPARE(rig.service->draft().clientReference, clientReference);
        rig.service->submit();
        QVERIFY(waitForStatus(*rig.service, OnboardingStatus::Approved));
        QCOMPARE(host.hostDump().value(u"applications"_qs).toArray().size(), 1);
    }

    void networkDownKeepsSubmitting()
    {
        // No simulator: a port nothing listens on.
        Rig rig = makeRig(u"https://127.0.0.1:1/"_qs, {});
        POS_VERIFY_RESULT(start(*rig.service));
        const std::optional<OnboardingDraft> draft = attachedDraft(*rig.service);
        QVERIFY(draft);
        POS_VERIFY_RESULT(save(*rig.service, OnboardingPage::Agreement, *draft));
        QSignalSpy failures(rig.service.get(), &OnboardingFlow::failed);
        rig.service->submit();
        QVERIFY(failures.wait(20000));
        const QString message = failures.first().first().toString();
        QVERIFY(!message.isEmpty());
        QCOMPARE(rig.service->status(), OnboardingStatus::Submitting);
        QVERIFY(!rig.service->isSubmitting());
        // Still Submitting after a restart, the clientReference kept; the draft cannot be edited meanwhile.
        Rig fresh = makeRig(u"https://127.0.0.1:1/"_qs, {});
        POS_VERIFY_RESULT(start(*fresh.service));
        QCOMPARE(fresh.service->status(), OnboardingStatus::Submitting);
        QCOMPARE(fresh.service->draft().clientReference, rig.service->draft().clientReference);
        QVERIFY(!save(*fresh.service, OnboardingPage::Merchant, *draft));
    }
};

QTEST_GUILESS_MAIN(tst_OnboardingService)
#include "tst_onboarding_service.moc"
