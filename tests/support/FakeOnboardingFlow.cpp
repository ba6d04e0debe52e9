// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "support/FakeOnboardingFlow.h"

#include <QTimer>

namespace pos {
namespace test {

void FakeOnboardingFlow::savePage(activation::OnboardingPage page,
                                  const activation::OnboardingDraft& draft,
                                  Completion<void> done)
{
    saves.append({page, draft, std::move(done)});
}

void FakeOnboardingFlow::attach(activation::AttachmentKind kind,
                                const QString& filePath,
                                Completion<activation::Attachment> done)
{
    attaches.append({kind, filePath, std::move(done)});
}

void FakeOnboardingFlow::attachmentBytes(activation::AttachmentKind kind, Completion<QByteArray> done)
{
    bytesCalls.append({kind, std::move(done)});
}

void FakeOnboardingFlow::fetchAgreement(Completion<activation::AgreementOffer> done)
{
    ++agreementRequests;
    agreementCalls.append(std::move(done));
}

void FakeOnboardingFlow::activationCode(Completion<QString> done) const
{
    ++activationCodeRequests;
    QTimer::singleShot(0, this, [code = m_activationCode, done = std::move(done)] { done(code); });
}

void FakeOnboardingFlow::setStatus(activation::OnboardingStatus status)
{
    m_status = status;
    Q_EMIT statusChanged(status);
}

bool FakeOnboardingFlow::completeSave(Result<void> result)
{
    if (saves.isEmpty())
        return false;
    SaveCall call = saves.takeFirst();
    if (result) {
        m_draft = call.draft;
        savedPages.append(call);
    }
    call.done(std::move(result));
    return true;
}

bool FakeOnboardingFlow::completeAttach(Result<activation::Attachment> result)
{
    if (attaches.isEmpty())
        return false;
    AttachCall call = attaches.takeFirst();
    call.done(std::move(result));
    return true;
}

bool FakeOnboardingFlow::completeBytes(Result<QByteArray> result)
{
    if (bytesCalls.isEmpty())
        return false;
    BytesCall call = bytesCalls.takeFirst();
    call.done(std::move(result));
    return true;
}

bool FakeOnboardingFlow::completeAgreement(Result<activation::AgreementOffer> result)
{
    if (agreementCalls.isEmpty())
        return false;
    Completion<activation::AgreementOffer> done = agreementCalls.takeFirst();
    done(std::move(result));
    return true;
}

} // namespace test
} // namespace pos
