// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// OnboardingService: polling the acquirer's review while the application is Submitted or UnderReview.
#include "acquirer/api/OnboardingClient.h"
#include "activation/ActivationLog.h"
#include "activation/OnboardingService.h"
#include "activation/OnboardingServiceSupport.h"
#include "core/crypto/Aes256Gcm.h"

#include <algorithm>

namespace pos {
namespace activation {

namespace {

bool isWithAcquirer(OnboardingStatus status)
{
    return status == OnboardingStatus::Submitted || status == OnboardingStatus::UnderReview;
}

} // namespace

void OnboardingService::schedulePoll(int delayMs)
{
    if (isWithAcquirer(m_status) && !m_applicationId.isEmpty())
        m_pollTimer.start(std::max(delayMs, 0));
}

void OnboardingService::refreshStatus()
{
    if (!isWithAcquirer(m_status) || m_pollBusy)
        return;
    m_pollTimer.stop();
    poll();
}

void OnboardingService::poll()
{
    if (!isWithAcquirer(m_status) || m_applicationId.isEmpty() || m_pollBusy)
        return;
    m_pollBusy = true;
    m_client.applicationStatus(
        m_applicationId, this, [this](Result<acquirer::ApiAnswer<acquirer::ApplicationState>> answer) {
            m_pollBusy = false;
            if (answer && answer.value().succeeded()) {
                m_pollDelayMs = m_config.pollIntervalMs;
                applyReviewState(*answer.value().value);
                return;
            }
            // Back off: double the wait after each failed poll, up to the ceiling.
            m_pollDelayMs = std::min(std::max(m_pollDelayMs, 1) * 2, std::max(m_config.maxPollIntervalMs, 1));
            if (!answer) {
                qCInfo(lcActivation) << "review status poll failed:" << answer.error().detail;
                Q_EMIT failed(answer.error().userMessage);
            } else {
                qCInfo(lcActivation) << "review status poll refused:" << answer.value().refusalCode();
                Q_EMIT failed(tr("The acquirer did not answer the review status (%1).")
                                  .arg(answer.value().refusalCode()));
            }
            schedulePoll(m_pollDelayMs);
        });
}

void OnboardingService::applyReviewState(const acquirer::ApplicationState& state)
{
    OnboardingStatus next = OnboardingStatus::Submitted;
    switch (state.status) {
    case acquirer::ApplicationStatus::Submitted: next = OnboardingStatus::Submitted; break;
    case acquirer::ApplicationStatus::UnderReview: next = OnboardingStatus::UnderReview; break;
    case acquirer::ApplicationStatus::Approved: next = OnboardingStatus::Approved; break;
    case acquirer::ApplicationStatus::Rejected: next = OnboardingStatus::Rejected; break;
    }
    if (next == m_status) {
        schedulePoll(m_config.pollIntervalMs);
        return;
    }
    if (next == OnboardingStatus::Rejected) {
        m_reasons.clear();
        for (const acquirer::RejectionReason& r : state.reasons)
            m_reasons.append(ReviewReason{r.code, r.field, r.message, pageForField(r.field)});
    } else if (next == OnboardingStatus::Approved) {
        const Result<QByteArray> sealed =
            crypto::aes256GcmSeal(m_key, state.activationCode.toLatin1(), detail::activationCodeAad);
        if (!sealed) {
            Q_EMIT failed(sealed.error().userMessage);
            schedulePoll(m_pollDelayMs);
            return;
        }
        m_merchantId = state.merchantId;
        m_sealedActivationCode = sealed.value();
        m_reasons.clear();
    }
    const OnboardingStatus previous = m_status;
    m_status = next;
    persist([this, previous](Result<> saved) {
        if (!saved) {
            // Not durable: ask again later rather than show a state a restart would forget.
            m_status = previous;
            Q_EMIT failed(saved.error().userMessage);
            schedulePoll(m_pollDelayMs);
            return;
        }
        Q_EMIT statusChanged(m_status);
        schedulePoll(m_config.pollIntervalMs);
    });
}

} // namespace activation
} // namespace pos
