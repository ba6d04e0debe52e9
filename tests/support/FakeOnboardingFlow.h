// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingFlow.h"

#include <QList>

// A scripted activation::OnboardingFlow for widget tests: records every call and holds each completion until
// the test answers it (never synchronously inside the call, like the real service). Compiled into the tests
// that use it (SOURCES), so pos_testsupport stays free of activation.
namespace pos {
namespace test {

class FakeOnboardingFlow final : public activation::OnboardingFlow
{
    Q_OBJECT

public:
    struct SaveCall
    {
        activation::OnboardingPage page;
        activation::OnboardingDraft draft;
        Completion<void> done;
    };
    struct AttachCall
    {
        activation::AttachmentKind kind;
        QString filePath;
        Completion<activation::Attachment> done;
    };
    struct BytesCall
    {
        activation::AttachmentKind kind;
        Completion<QByteArray> done;
    };

    using activation::OnboardingFlow::OnboardingFlow;

    activation::OnboardingDraft draft() const override { return m_draft; }
    activation::OnboardingStatus status() const override { return m_status; }
    QList<activation::ReviewReason> reasons() const override { return m_reasons; }
    activation::OnboardingPage resumePage() const override { return m_resumePage; }

    void savePage(activation::OnboardingPage page,
                  const activation::OnboardingDraft& draft,
                  Completion<void> done) override;
    void attach(activation::AttachmentKind kind,
                const QString& filePath,
                Completion<activation::Attachment> done) override;
    void attachmentBytes(activation::AttachmentKind kind, Completion<QByteArray> done) override;
    void fetchAgreement(Completion<activation::AgreementOffer> done) override;
    void submit() override { ++submitCalls; }
    void cancelSubmit() override { ++cancelCalls; }
    void refreshStatus() override { ++refreshCalls; }
    // Answers on the next event-loop turn with setActivationCode()'s code (empty by default).
    void activationCode(Completion<QString> done) const override;

    // State the wizard reads at start. setStatus() also emits statusChanged.
    void setDraft(const activation::OnboardingDraft& draft) { m_draft = draft; }
    void setResumePage(activation::OnboardingPage page) { m_resumePage = page; }
    void setReasons(const QList<activation::ReviewReason>& reasons) { m_reasons = reasons; }
    void setStatus(activation::OnboardingStatus status);
    void setActivationCode(const QString& code) { m_activationCode = code; }

    // Answer the oldest pending call of each kind (false when none is pending). A successful save also
    // becomes draft().
    bool completeSave(Result<void> result = {});
    bool completeAttach(Result<activation::Attachment> result);
    bool completeBytes(Result<QByteArray> result);
    bool completeAgreement(Result<activation::AgreementOffer> result);

    QList<SaveCall> saves;                                        // pending
    QList<SaveCall> savedPages;                                   // answered with success, in order
    QList<AttachCall> attaches;                                   // pending
    QList<BytesCall> bytesCalls;                                  // pending
    QList<Completion<activation::AgreementOffer>> agreementCalls; // pending
    int agreementRequests = 0;
    int submitCalls = 0;
    int cancelCalls = 0;
    int refreshCalls = 0;
    mutable int activationCodeRequests = 0;

private:
    activation::OnboardingDraft m_draft;
    activation::OnboardingStatus m_status = activation::OnboardingStatus::Draft;
    QList<activation::ReviewReason> m_reasons;
    activation::OnboardingPage m_resumePage = activation::OnboardingPage::Merchant;
    QString m_activationCode;
};

} // namespace test
} // namespace pos
