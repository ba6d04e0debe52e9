// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingFlow.h"
#include "core/onboarding/OnboardingStore.h"

#include <QCoreApplication>
#include <QTimer>

#include <functional>

namespace pos {
namespace acquirer {
class OnboardingClient;
struct ApplicationState;
} // namespace acquirer

namespace activation {

// Sources the acquirer's agreement offer (the lead wires GET /v1/onboarding/agreement in); done is called
// once, later, in context's thread.
using AgreementSource =
    std::function<void(QObject* context, std::function<void(Result<AgreementOffer>)> done)>;

struct OnboardingServiceConfig
{
    int pollIntervalMs = 5000;     // [A] review status poll while Submitted/UnderReview
    int maxPollIntervalMs = 60000; // backoff ceiling after failed polls (doubling from pollIntervalMs)
};

// OnboardingFlow over the ledger (OnboardingStore, sealed AES-256-GCM under the personal-data key) and the
// acquirer's onboarding API (OnboardingClient).
//
// Sealing: the whole draft JSON with aad "onboarding-draft", each scan with "attachment:<kind>", the
// activation code with "activation-code"; the store keeps the key id next to them, so data sealed under
// another key is reported (CryptoFailure), never mis-decrypted.
//
// Submission (OnboardingSubmission.cpp): the status Submitting and the clientReference (created once) are
// committed before anything is sent; each document without a documentId is uploaded and its id committed as
// it arrives; then POST (no applicationId yet) or PUT (after a rejection) of applicationJson, and the
// applicationId and status committed. Crash-safe: a new service repeats the same calls with the same
// clientReference and bytes, which the contract answers with the same ids. A 4xx refusal puts the
// application back to Draft (or Rejected) and reports the acquirer's message through failed(); a network
// failure or unknown outcome reports failed() and leaves Submitting, for submit() to continue.
//
// Polling (OnboardingPolling.cpp): while Submitted/UnderReview the status is read every pollIntervalMs,
// doubling up to maxPollIntervalMs after failures; Rejected stores the reasons (pages from pageForField)
// and makes the draft editable again; Approved stores the merchantId and the sealed activation code.
//
// Thread affinity: the GUI thread. Disk reads of attachments and their sealing run on the global thread
// pool; the ledger's writer thread does the rest. The key is copied in and wiped on destruction. Call
// start() once before anything else; the other operations fail InvalidInput until it succeeded.
class OnboardingService final : public OnboardingFlow
{
    Q_OBJECT

public:
    // store and client must outlive the service. key: the personal-data key (32 bytes), see
    // PersonalDataKey.h.
    OnboardingService(OnboardingStore& store,
                      QByteArray key,
                      acquirer::OnboardingClient& client,
                      AgreementSource agreementSource,
                      OnboardingServiceConfig config = {},
                      QObject* parent = nullptr);
    ~OnboardingService() override;

    // Loads the saved application (an empty draft when none); resumes polling when it is with the acquirer.
    // CryptoFailure when the saved data was sealed under another key or was altered.
    void start(Completion<void> done);

    OnboardingDraft draft() const override { return m_draft; }
    OnboardingStatus status() const override { return m_status; }
    QList<ReviewReason> reasons() const override { return m_reasons; }
    OnboardingPage resumePage() const override;

    void savePage(OnboardingPage page, const OnboardingDraft& draft, Completion<void> done) override;
    void attach(AttachmentKind kind, const QString& filePath, Completion<Attachment> done) override;
    void attachmentBytes(AttachmentKind kind, Completion<QByteArray> done) override;
    void fetchAgreement(Completion<AgreementOffer> done) override;
    void submit() override;
    void cancelSubmit() override;
    void refreshStatus() override;

    // For the activation flow: the merchant id once Approved (empty before).
    QString approvedMerchantId() const { return m_merchantId; }
    // The single-use activation code once Approved (NotFound before), opened from its sealed form.
    void activationCode(Completion<QString> done) const override;
    // Whether a submission step is in flight.
    bool isSubmitting() const { return m_submitBusy; }

private:
    // Persistence: the current state sealed into one StoredOnboarding and saved.
    Result<StoredOnboarding> sealedState() const;
    void persist(Completion<void> done);
    void setStatus(OnboardingStatus status);
    Result<> requireStarted() const;

    // Submission steps (OnboardingSubmission.cpp). generation: the submit() they belong to.
    void beginSubmission();
    void uploadNextDocument(int generation);
    void uploadDocument(int generation, AttachmentKind kind, const QByteArray& bytes, const QString& mime);
    void sendApplication(int generation);
    void submissionRefused(const QString& code, const QString& message);
    void submissionFailed(const QString& message, const QString& detail);
    void submissionAccepted(int generation, const QString& applicationId, OnboardingStatus status);

    // Polling (OnboardingPolling.cpp).
    void schedulePoll(int delayMs);
    void poll();
    void applyReviewState(const acquirer::ApplicationState& state);

    OnboardingStore& m_store;
    QByteArray m_key;
    QString m_keyId;
    acquirer::OnboardingClient& m_client;
    AgreementSource m_agreementSource;
    OnboardingServiceConfig m_config;

    bool m_started = false;
    OnboardingDraft m_draft;
    OnboardingStatus m_status = OnboardingStatus::Draft;
    QList<ReviewReason> m_reasons;
    QString m_applicationId;
    QString m_merchantId;
    QByteArray m_sealedActivationCode;

    bool m_submitBusy = false;
    int m_submitGeneration = 0;
    int m_submitStep = 0;
    int m_submitSteps = 0;
    QTimer m_pollTimer;
    bool m_pollBusy = false;
    int m_pollDelayMs = 0;
};

} // namespace activation
} // namespace pos
