// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingDraft.h"

#include <QObject>

#include <functional>

// The seam between the onboarding wizard (ui/) and the onboarding service (activation/OnboardingService),
// so the wizard can be driven by a fake in its widget tests and by the real service against the simulator.
//
// Thread affinity: the GUI thread. No call blocks: every operation completes later through its callback or
// signal, in the flow's thread, never synchronously inside the call. Errors carry a translated message for
// the merchant and an untranslated detail for the log (core/Result.h).
namespace pos {
namespace activation {

// Where the application stands (product.md §2: draft → submitted → under review → approved / rejected →
// corrected → resubmitted). Stored as these ints: append only.
enum class OnboardingStatus {
    Draft = 0,   // being filled in; nothing sent
    Submitting,  // documents and application on their way (clientReference already stored)
    Submitted,   // the acquirer took it (applicationId known)
    UnderReview, // the acquirer is reviewing
    Approved,    // merchantId and activation code known
    Rejected,    // reasons() lists what to correct; the draft is editable again
};
QString onboardingStatusKey(OnboardingStatus status); // "draft", "submitting", ...

// One reason of a rejection, with the page that shows the field.
struct ReviewReason
{
    QString code;  // the acquirer's code, e.g. "ACCOUNT_NAME_MISMATCH"
    QString field; // contract JSON path, e.g. "settlement.accountName"
    QString message;
    OnboardingPage page = OnboardingPage::Review;
    bool operator==(const ReviewReason&) const = default;
};

class OnboardingFlow : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    using QObject::QObject;
    ~OnboardingFlow() override = default;

    // The draft as last saved (or as loaded at start); the wizard edits a copy.
    virtual OnboardingDraft draft() const = 0;
    virtual OnboardingStatus status() const = 0;
    // The acquirer's reasons of the last rejection (empty unless Rejected).
    virtual QList<ReviewReason> reasons() const = 0;
    // The page to open on start: the first page not completed, or Review once submitted.
    virtual OnboardingPage resumePage() const = 0;

    // Persists draft (sealed) with page marked completed. Done after the commit is durable. Refused with
    // InvalidInput while Submitting/Submitted/UnderReview/Approved (the application is with the acquirer).
    virtual void savePage(OnboardingPage page, const OnboardingDraft& draft, Completion<void> done) = 0;

    // Reads filePath, sniffs the type (JPEG/PNG/PDF by magic bytes, the extension is ignored), refuses
    // more than maxAttachmentBytes, seals and stores the bytes, and answers the metadata to put into the
    // draft (which the caller then saves with savePage).
    virtual void attach(AttachmentKind kind, const QString& filePath, Completion<Attachment> done) = 0;
    // The stored bytes of an attachment (for the thumbnail after a restart).
    virtual void attachmentBytes(AttachmentKind kind, Completion<QByteArray> done) = 0;

    // The acquirer's agreement text and fees.
    virtual void fetchAgreement(Completion<AgreementOffer> done) = 0;

    // Uploads the documents and submits (or, after a rejection, resubmits) the saved draft; progress() is
    // emitted on the way; statusChanged() when the status moves. Safe to call again after any failure or
    // restart: the same clientReference and the same document bytes never make a second application.
    virtual void submit() = 0;
    // Stops waiting for the current submission step. What the acquirer already received stays received;
    // the next submit() continues idempotently.
    virtual void cancelSubmit() = 0;
    // Asks the acquirer for the review status now (it is also polled while Submitted/UnderReview).
    virtual void refreshStatus() = 0;
    // The approved application's single-use activation code. Before approval: NotFound or an empty code
    // (callers treat both as "no code yet").
    virtual void activationCode(Completion<QString> done) const = 0;

    static constexpr qint64 maxAttachmentBytes = 10 * 1024 * 1024;

Q_SIGNALS:
    void statusChanged(pos::activation::OnboardingStatus status);
    // step of steps, with a translated description ("Uploading the business licence…").
    void progress(int step, int steps, const QString& text);
    // A submission or status poll failed; the status is unchanged and submit()/refreshStatus() may be
    // retried.
    void failed(const QString& message);
};

} // namespace activation
} // namespace pos
