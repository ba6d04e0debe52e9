// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// OnboardingService: submission (documents, then the application), idempotent across crashes.
#include "acquirer/api/OnboardingClient.h"
#include "activation/ActivationLog.h"
#include "activation/AttachmentFile.h"
#include "activation/OnboardingService.h"
#include "activation/OnboardingServiceSupport.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QUuid>

namespace pos {
namespace activation {

using detail::runOffThread;

namespace {

acquirer::DocumentKind documentKind(AttachmentKind kind)
{
    switch (kind) {
    case AttachmentKind::Licence: return acquirer::DocumentKind::Licence;
    case AttachmentKind::IdFront: return acquirer::DocumentKind::IdFront;
    case AttachmentKind::IdBack: return acquirer::DocumentKind::IdBack;
    }
    return acquirer::DocumentKind::Other;
}

OnboardingStatus fromWire(acquirer::ApplicationStatus status)
{
    switch (status) {
    case acquirer::ApplicationStatus::Submitted: return OnboardingStatus::Submitted;
    case acquirer::ApplicationStatus::UnderReview: return OnboardingStatus::UnderReview;
    case acquirer::ApplicationStatus::Approved: return OnboardingStatus::Approved;
    case acquirer::ApplicationStatus::Rejected: return OnboardingStatus::Rejected;
    }
    return OnboardingStatus::Submitted;
}

struct Upload
{
    QByteArray bytes;
    QString mime;
};

} // namespace

void OnboardingService::submit()
{
    const auto failLater = [this](const QString& message) {
        QTimer::singleShot(0, this, [this, message] { Q_EMIT failed(message); });
    };
    if (!requireStarted()) {
        failLater(tr("The application could not be loaded yet."));
        return;
    }
    if (m_submitBusy)
        return; // the running submission continues
    if (!detail::isEditable(m_status) && m_status != OnboardingStatus::Submitting) {
        failLater(tr("The application has already been sent."));
        return;
    }
    // validatePage is not run again here: the wizard validates each page before saving it, and the
    // acquirer's answer (refusal or review) is the authority on the application.
    beginSubmission();
}

void OnboardingService::beginSubmission()
{
    m_submitBusy = true;
    const int generation = ++m_submitGeneration;
    m_submitStep = 0;
    m_submitSteps = 1;
    for (int k = 0; k < attachmentKindCount; ++k)
        m_submitSteps += m_draft.attachment(static_cast<AttachmentKind>(k)).documentId.isEmpty() ? 1 : 0;
    const OnboardingStatus previous = m_status;
    const QString previousReference = m_draft.clientReference;
    if (m_draft.clientReference.isEmpty())
        m_draft.clientReference = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_status = OnboardingStatus::Submitting;
    // Committed before any byte is sent: a crash from here on resumes with the same clientReference.
    persist([this, generation, previous, previousReference](Result<> saved) {
        if (generation != m_submitGeneration)
            return;
        if (!saved) {
            m_status = previous;
            m_draft.clientReference = previousReference;
            submissionFailed(saved.error().userMessage, saved.error().detail);
            return;
        }
        if (previous != OnboardingStatus::Submitting)
            Q_EMIT statusChanged(m_status);
        uploadNextDocument(generation);
    });
}

void OnboardingService::uploadNextDocument(int generation)
{
    std::optional<AttachmentKind> next;
    for (int k = 0; k < attachmentKindCount && !next; ++k) {
        if (m_draft.attachment(static_cast<AttachmentKind>(k)).documentId.isEmpty())
            next = static_cast<AttachmentKind>(k);
    }
    if (!next) {
        sendApplication(generation);
        return;
    }
    const AttachmentKind kind = *next;
    const QString expectedSha = m_draft.attachment(kind).sha256;
    const QString keyId = m_keyId;
    auto key = std::make_shared<QByteArray>(m_key.constData(), m_key.size());
    m_store.attachment(
        attachmentKindWire(kind), this,
        [this, generation, kind, expectedSha, keyId, key](Result<std::optional<StoredAttachment>> stored) {
            if (generation != m_submitGeneration) {
                crypto::secureWipe(*key);
                return;
            }
            if (!stored) {
                crypto::secureWipe(*key);
                submissionFailed(stored.error().userMessage, stored.error().detail);
                return;
            }
            if (!stored.value() || stored.value()->sha256 != expectedSha) {
                crypto::secureWipe(*key);
                submissionRefused(QStringLiteral("DOCUMENT_MISSING"),
                                  tr("A document of the application is missing. Attach it again."));
                return;
            }
            const StoredAttachment scan = *stored.value();
            runOffThread<Upload>(
                this,
                [scan, kind, keyId, key]() -> Result<Upload> {
                    Result<QByteArray> bytes = detail::openAttachment(*key, keyId, scan, kind);
                    crypto::secureWipe(*key);
                    if (!bytes)
                        return Failure{bytes.error()};
                    return Upload{bytes.value(), scan.mime};
                },
                [this, generation, kind](Result<Upload> upload) {
                    if (generation != m_submitGeneration)
                        return;
                    if (!upload) {
                        submissionFailed(upload.error().userMessage, upload.error().detail);
                        return;
                    }
                    uploadDocument(generation, kind, upload.value().bytes, upload.value().mime);
                });
        });
}

void OnboardingService::uploadDocument(int generation,
                                       AttachmentKind kind,
                                       const QByteArray& bytes,
                                       const QString& mime)
{
    static const char* const texts[] = {QT_TR_NOOP("Uploading the business licence…"),
                                        QT_TR_NOOP("Uploading the front of the ID card…"),
                                        QT_TR_NOOP("Uploading the back of the ID card…")};
    Q_EMIT progress(++m_submitStep, m_submitSteps, tr(texts[static_cast<int>(kind)]));
    m_client.uploadDocument(
        documentKind(kind), bytes, mime, this,
        [this, generation, kind](Result<acquirer::ApiAnswer<acquirer::DocumentUploadResult>> answer) {
            if (generation != m_submitGeneration)
                return;
            if (!answer) {
                submissionFailed(answer.error().userMessage, answer.error().detail);
                return;
            }
            if (!answer.value().succeeded()) {
                submissionRefused(answer.value().refusalCode(),
                                  answer.value().refusal ? answer.value().refusal->message : QString());
                return;
            }
            const acquirer::DocumentUploadResult& uploaded = *answer.value().value;
            if (uploaded.sha256.compare(m_draft.attachment(kind).sha256, Qt::CaseInsensitive) != 0) {
                submissionFailed(tr("The acquirer received a different document. Try again."),
                                 QStringLiteral("uploaded %1: sha256 differs").arg(attachmentKindWire(kind)));
                return;
            }
            m_draft.attachment(kind).documentId = uploaded.documentId;
            persist([this, generation](Result<> saved) {
                if (generation != m_submitGeneration)
                    return;
                if (!saved)
                    submissionFailed(saved.error().userMessage, saved.error().detail);
                else
                    uploadNextDocument(generation);
            });
        });
}

void OnboardingService::sendApplication(int generation)
{
    const Result<QJsonObject> application = applicationJson(m_draft);
    if (!application) {
        submissionRefused(QStringLiteral("LOCAL"), application.error().userMessage);
        return;
    }
    Q_EMIT progress(++m_submitStep, m_submitSteps, tr("Sending the application…"));
    const bool resubmission = !m_applicationId.isEmpty();
    auto answered = [this, generation,
                     resubmission](Result<acquirer::ApiAnswer<acquirer::ApplicationSubmitted>> answer) {
        if (generation != m_submitGeneration)
            return;
        if (!answer) {
            submissionFailed(answer.error().userMessage, answer.error().detail);
            return;
        }
        if (answer.value().succeeded()) {
            submissionAccepted(generation, answer.value().value->applicationId,
                               fromWire(answer.value().value->status));
            return;
        }
        if (resubmission && answer.value().refusalCode() == QLatin1String("APPLICATION_STATE")) {
            // The corrected application was taken before (an answer lost, a crash): it is with the acquirer.
            submissionAccepted(generation, m_applicationId, OnboardingStatus::Submitted);
            return;
        }
        submissionRefused(answer.value().refusalCode(),
                          answer.value().refusal ? answer.value().refusal->message : QString());
    };
    if (resubmission)
        m_client.resubmit(m_applicationId, application.value(), this, std::move(answered));
    else
        m_client.submitApplication(application.value(), this, std::move(answered));
}

void OnboardingService::submissionAccepted(int generation,
                                           const QString& applicationId,
                                           OnboardingStatus status)
{
    m_applicationId = applicationId;
    // An idempotent replay may answer a decided application: the poll fetches its reasons or code.
    m_status = status == OnboardingStatus::UnderReview ? status : OnboardingStatus::Submitted;
    m_reasons.clear();
    persist([this, generation](Result<> saved) {
        if (generation != m_submitGeneration)
            return;
        m_submitBusy = false;
        if (!saved) {
            // The acquirer has the application; the next submit() repeats the idempotent call.
            m_status = OnboardingStatus::Submitting;
            Q_EMIT failed(saved.error().userMessage);
            return;
        }
        Q_EMIT statusChanged(m_status);
        m_pollDelayMs = m_config.pollIntervalMs;
        schedulePoll(m_config.pollIntervalMs);
    });
}

void OnboardingService::submissionRefused(const QString& code, const QString& message)
{
    qCInfo(lcActivation) << "onboarding submission refused:" << code;
    m_submitBusy = false;
    ++m_submitGeneration;
    m_status = m_applicationId.isEmpty() ? OnboardingStatus::Draft : OnboardingStatus::Rejected;
    const QString shown =
        message.isEmpty()
            ? tr("The acquirer refused the application (%1). Check it and send it again.").arg(code)
            : tr("The acquirer refused the application: %1").arg(message);
    persist([this, shown](Result<> saved) {
        Q_EMIT statusChanged(m_status);
        Q_EMIT failed(saved ? shown : saved.error().userMessage);
    });
}

void OnboardingService::submissionFailed(const QString& message, const QString& detail)
{
    qCWarning(lcActivation) << "onboarding submission failed:" << detail;
    m_submitBusy = false;
    ++m_submitGeneration;
    Q_EMIT failed(message.isEmpty() ? tr("The application could not be sent. Try again.") : message);
}

} // namespace activation
} // namespace pos
