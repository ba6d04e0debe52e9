// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/OnboardingService.h"

#include "activation/AttachmentFile.h"
#include "activation/OnboardingServiceSupport.h"
#include "activation/PersonalDataKey.h"
#include "core/crypto/Aes256Gcm.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace pos {
namespace activation {

using detail::deliverLater;
using detail::runOffThread;

OnboardingService::OnboardingService(OnboardingStore& store,
                                     QByteArray key,
                                     acquirer::OnboardingClient& client,
                                     AgreementSource agreementSource,
                                     OnboardingServiceConfig config,
                                     QObject* parent)
    : OnboardingFlow(parent)
    , m_store(store)
    , m_key(key.constData(), key.size()) // a deep copy: wiping ours never leaves a shared buffer behind
    , m_keyId(personalDataKeyId(m_key))
    , m_client(client)
    , m_agreementSource(std::move(agreementSource))
    , m_config(config)
    , m_pollDelayMs(config.pollIntervalMs)
{
    crypto::secureWipe(key);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &OnboardingService::poll);
}

OnboardingService::~OnboardingService()
{
    crypto::secureWipe(m_key);
}

Result<> OnboardingService::requireStarted() const
{
    if (m_started && m_key.size() == crypto::aes256GcmKeyBytes)
        return {};
    return fail(ErrorCode::InvalidInput, tr("The application could not be loaded yet."),
                QStringLiteral("onboarding service not started"));
}

void OnboardingService::start(Completion<void> done)
{
    m_store.load(this, [this, done = std::move(done)](Result<std::optional<StoredOnboarding>> loaded) {
        if (!loaded) {
            done(Failure{loaded.error()});
            return;
        }
        if (!loaded.value()) {
            m_started = true;
            done({});
            return;
        }
        const StoredOnboarding& stored = *loaded.value();
        if (stored.keyId != m_keyId) {
            done(fail(ErrorCode::CryptoFailure,
                      tr("The saved application was protected with another key and cannot be read. Restore "
                         "the key file or start a new application."),
                      QStringLiteral("stored key id %1, current key id %2").arg(stored.keyId, m_keyId)));
            return;
        }
        Result<OnboardingDraft> draft = detail::openDraft(m_key, stored.sealedDraft);
        const std::optional<OnboardingStatus> status = detail::statusFromKey(stored.status);
        if (!draft || !status) {
            done(draft ? fail(ErrorCode::StorageCorrupt, tr("The saved application could not be read."),
                              QStringLiteral("unknown onboarding status '%1'").arg(stored.status))
                       : Result<>(Failure{draft.error()}));
            return;
        }
        m_draft = std::move(draft).value();
        m_draft.lastCompletedPage = std::max(m_draft.lastCompletedPage, stored.lastCompletedPage);
        if (!stored.clientReference.isEmpty())
            m_draft.clientReference = stored.clientReference;
        m_status = *status;
        m_applicationId = stored.applicationId;
        m_merchantId = stored.merchantId;
        m_sealedActivationCode = stored.sealedActivationCode;
        m_reasons = detail::reasonsFromJson(stored.reasonsJson);
        m_started = true;
        if (m_status == OnboardingStatus::Submitted || m_status == OnboardingStatus::UnderReview)
            schedulePoll(0);
        done({});
    });
}

OnboardingPage OnboardingService::resumePage() const
{
    if (m_status != OnboardingStatus::Draft)
        return OnboardingPage::Review;
    return static_cast<OnboardingPage>(
        std::clamp(m_draft.lastCompletedPage + 1, 0, static_cast<int>(OnboardingPage::Review)));
}

Result<StoredOnboarding> OnboardingService::sealedState() const
{
    QByteArray clear = QJsonDocument(draftToJson(m_draft)).toJson(QJsonDocument::Compact);
    const Result<QByteArray> sealed = crypto::aes256GcmSeal(m_key, clear, detail::draftAad);
    crypto::secureWipe(clear);
    if (!sealed)
        return Failure{sealed.error()};
    StoredOnboarding state;
    state.status = onboardingStatusKey(m_status);
    state.clientReference = m_draft.clientReference;
    state.applicationId = m_applicationId;
    state.reasonsJson = detail::reasonsToJson(m_reasons);
    state.merchantId = m_merchantId;
    state.lastCompletedPage = m_draft.lastCompletedPage;
    state.keyId = m_keyId;
    state.sealedDraft = sealed.value();
    state.sealedActivationCode = m_sealedActivationCode;
    state.updatedMs = QDateTime::currentMSecsSinceEpoch();
    return state;
}

void OnboardingService::persist(Completion<void> done)
{
    const Result<StoredOnboarding> state = sealedState();
    if (!state) {
        deliverLater(this, std::move(done), Result<>(Failure{state.error()}));
        return;
    }
    m_store.save(state.value(), this, std::move(done));
}

void OnboardingService::setStatus(OnboardingStatus status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void OnboardingService::savePage(OnboardingPage page, const OnboardingDraft& draft, Completion<void> done)
{
    if (const Result<> started = requireStarted(); !started) {
        deliverLater(this, std::move(done), started);
        return;
    }
    if (!detail::isEditable(m_status)) {
        deliverLater(this, std::move(done),
                     Result<>(fail(ErrorCode::InvalidInput,
                                   tr("The application is with the acquirer and cannot be changed now."),
                                   QStringLiteral("savePage while %1").arg(onboardingStatusKey(m_status)))));
        return;
    }
    OnboardingDraft merged = draft;
    merged.clientReference = m_draft.clientReference; // chosen once by the service, never by the wizard
    merged.lastCompletedPage = std::max(m_draft.lastCompletedPage, static_cast<int>(page));
    for (int k = 0; k < attachmentKindCount; ++k) {
        const auto kind = static_cast<AttachmentKind>(k);
        Attachment& incoming = merged.attachment(kind);
        const Attachment& current = m_draft.attachment(kind);
        if (incoming.documentId.isEmpty() && incoming.sha256 == current.sha256)
            incoming.documentId = current.documentId; // the acquirer's id stays valid for the same bytes
    }
    const OnboardingDraft previous = m_draft;
    m_draft = merged;
    persist([this, previous, done = std::move(done)](Result<> saved) {
        if (!saved)
            m_draft = previous; // memory follows what is durable
        done(saved);
    });
}

void OnboardingService::attach(AttachmentKind kind, const QString& filePath, Completion<Attachment> done)
{
    if (const Result<> started = requireStarted(); !started) {
        deliverLater(this, std::move(done), Result<Attachment>(Failure{started.error()}));
        return;
    }
    if (!detail::isEditable(m_status)) {
        deliverLater(
            this, std::move(done),
            Result<Attachment>(fail(ErrorCode::InvalidInput,
                                    tr("The application is with the acquirer and cannot be changed now."),
                                    QStringLiteral("attach while %1").arg(onboardingStatusKey(m_status)))));
        return;
    }
    auto key = std::make_shared<QByteArray>(m_key.constData(), m_key.size());
    const QString keyId = m_keyId;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    runOffThread<SealedScan>(
        this,
        [filePath, kind, key, keyId, nowMs] {
            Result<SealedScan> scan = readAndSealAttachment(filePath, kind, *key, keyId, nowMs);
            crypto::secureWipe(*key);
            return scan;
        },
        [this, done = std::move(done)](Result<SealedScan> scan) {
            if (!scan) {
                done(Failure{scan.error()});
                return;
            }
            const Attachment metadata = scan.value().metadata;
            m_store.putAttachment(scan.value().stored, this, [metadata, done](Result<> stored) {
                if (!stored)
                    done(Failure{stored.error()});
                else
                    done(metadata);
            });
        });
}

void OnboardingService::attachmentBytes(AttachmentKind kind, Completion<QByteArray> done)
{
    if (const Result<> started = requireStarted(); !started) {
        deliverLater(this, std::move(done), Result<QByteArray>(Failure{started.error()}));
        return;
    }
    const QString keyId = m_keyId;
    auto key = std::make_shared<QByteArray>(m_key.constData(), m_key.size());
    m_store.attachment(
        attachmentKindWire(kind), this,
        [this, kind, keyId, key, done = std::move(done)](Result<std::optional<StoredAttachment>> stored) {
            if (!stored || !stored.value()) {
                crypto::secureWipe(*key);
                done(stored ? Result<QByteArray>(detail::noAttachment(kind))
                            : Result<QByteArray>(Failure{stored.error()}));
                return;
            }
            const StoredAttachment scan = *stored.value();
            runOffThread<QByteArray>(
                this,
                [scan, kind, keyId, key] {
                    Result<QByteArray> bytes = detail::openAttachment(*key, keyId, scan, kind);
                    crypto::secureWipe(*key);
                    return bytes;
                },
                done);
        });
}

void OnboardingService::fetchAgreement(Completion<AgreementOffer> done)
{
    if (!m_agreementSource) {
        deliverLater(
            this, std::move(done),
            Result<AgreementOffer>(fail(ErrorCode::NotFound, tr("The acquirer's agreement is not available."),
                                        QStringLiteral("no agreement source wired"))));
        return;
    }
    m_agreementSource(this, std::move(done));
}

void OnboardingService::activationCode(Completion<QString> done) const
{
    Result<QString> code = fail(ErrorCode::NotFound, tr("The application has not been approved yet."),
                                QStringLiteral("no activation code stored"));
    if (!m_sealedActivationCode.isEmpty()) {
        Result<QByteArray> opened =
            crypto::aes256GcmOpen(m_key, m_sealedActivationCode, detail::activationCodeAad);
        if (!opened) {
            code = Failure{opened.error()};
        } else {
            code = QString::fromLatin1(opened.value());
            crypto::secureWipe(opened.value());
        }
    }
    deliverLater(this, std::move(done), std::move(code));
}

void OnboardingService::cancelSubmit()
{
    if (!m_submitBusy)
        return;
    ++m_submitGeneration; // answers of the abandoned step are ignored
    m_submitBusy = false;
}

} // namespace activation
} // namespace pos
