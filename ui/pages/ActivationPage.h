// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/ActivationService.h"
#include "activation/NetworkCheck.h"
#include "activation/OnboardingFlow.h"
#include "core/TerminalStatus.h"
#include "ui/pages/Page.h"

#include <QPointer>

#include <functional>

class QFrame;
class QLabel;
class QListWidget;

namespace pos {
namespace ui {

class ActivatedPanel;
class ActivationProgressPanel;
class OnboardingPanel;

// Onboarding with the acquirer and first-swipe activation (product.md §2–§3), in the order of the journey:
// the onboarding status and wizard, then (once approved) the network check, the activation code, the waits
// of registration and sign-on, the first swipe, and finally the activated terminal's terms. The steps list
// marks every completed step (onboarding status + ActivationStep; TerminalStatus alone until attach()).
class ActivationPage final : public Page
{
    Q_OBJECT
public:
    using NetworkCheckRunner = std::function<void(std::function<void(activation::NetworkReport)>)>;

    explicit ActivationPage(TerminalStatus* status, QWidget* parent = nullptr);

    // The services behind the page (not owned; they must outlive it or be destroyed before it, which
    // detaches them). Any may be null: the page then says that part is unavailable. runNetworkCheck runs
    // the check and calls back on the GUI thread with the report.
    void attach(activation::OnboardingFlow* onboarding,
                activation::ActivationService* activation,
                NetworkCheckRunner runNetworkCheck);
    // Why the services are not attached (translated), shown on the onboarding part; empty: none known.
    void setUnavailableReason(const QString& reason);

Q_SIGNALS:
    // "Try a small test sale" on the activated terminal (the main window shows the Sell page).
    void testSaleRequested();

protected:
    void retranslateUi() override;

private:
    void refresh();
    void onboardingStatusChanged();
    int completedSteps() const;

    TerminalStatus* m_status;
    QPointer<activation::OnboardingFlow> m_onboarding;
    QPointer<activation::ActivationService> m_activation;
    bool m_attached = false;
    QLabel* m_stateLabel;
    QListWidget* m_steps;
    OnboardingPanel* m_onboardingPanel;
    QFrame* m_activationCard;
    QLabel* m_activationTitle;
    ActivationProgressPanel* m_progress;
    ActivatedPanel* m_activated;
};

} // namespace ui
} // namespace pos
