// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/ActivationPage.h"

#include "ui/ShellText.h"
#include "ui/activation/ActivatedPanel.h"
#include "ui/activation/ActivationProgressPanel.h"
#include "ui/activation/ActivationWidgets.h"
#include "ui/activation/OnboardingPanel.h"

#include <QFrame>
#include <QIcon>
#include <QLabel>
#include <QLayout>
#include <QListWidget>

namespace pos {
namespace ui {
namespace {

constexpr int stepCount = 6;

// How many of the journey's steps are behind the terminal, from TerminalStatus alone (before attach()).
int stepsFromTerminalStatus(ActivationState state)
{
    switch (state) {
    case ActivationState::NotOnboarded: return 0;
    case ActivationState::OnboardingInProgress: return 0;
    case ActivationState::AwaitingActivation: return 2;
    case ActivationState::Activated: return stepCount;
    }
    return 0;
}

} // namespace

ActivationPage::ActivationPage(TerminalStatus* status, QWidget* parent)
    : Page(PageId::Activation, parent)
    , m_status(status)
{
    QFrame* card = addCard(QStringLiteral("activationCard"));
    m_stateLabel = makeLabel(card, QStringLiteral("activationStateLabel"));
    card->layout()->addWidget(m_stateLabel);
    m_steps = new QListWidget(card);
    m_steps->setObjectName(QStringLiteral("activationStepsList"));
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->setMinimumHeight(stepCount * 44 + 8);
    card->layout()->addWidget(m_steps);

    QFrame* onboardingCard = addCard(QStringLiteral("onboardingCard"));
    m_onboardingPanel = new OnboardingPanel(onboardingCard);
    onboardingCard->layout()->addWidget(m_onboardingPanel);

    m_activationCard = addCard(QStringLiteral("terminalActivationCard"));
    m_activationTitle = makeLabel(m_activationCard, QStringLiteral("activation.title"));
    m_progress = new ActivationProgressPanel(m_activationCard);
    m_activated = new ActivatedPanel(m_activationCard);
    m_activationCard->layout()->addWidget(m_activationTitle);
    m_activationCard->layout()->addWidget(m_progress);
    m_activationCard->layout()->addWidget(m_activated);

    connect(m_onboardingPanel, &OnboardingPanel::statusChanged, this,
            &ActivationPage::onboardingStatusChanged);
    connect(m_activated, &ActivatedPanel::testSaleRequested, this, &ActivationPage::testSaleRequested);
    connect(m_status, &TerminalStatus::activationChanged, this, &ActivationPage::refresh);
    retranslateUi();
}

void ActivationPage::attach(activation::OnboardingFlow* onboarding,
                            activation::ActivationService* activation,
                            NetworkCheckRunner runNetworkCheck)
{
    if (m_activation)
        disconnect(m_activation, nullptr, this, nullptr);
    m_attached = true;
    m_onboarding = onboarding;
    m_activation = activation;
    m_progress->setService(activation);
    m_progress->setNetworkCheck(std::move(runNetworkCheck));
    if (m_activation) {
        connect(m_activation, &activation::ActivationService::stepChanged, this, &ActivationPage::refresh);
        connect(m_activation, &activation::ActivationService::activated, this, &ActivationPage::refresh);
        connect(m_activation, &QObject::destroyed, this, &ActivationPage::refresh);
    }
    m_onboardingPanel->setFlow(onboarding); // emits statusChanged → onboardingStatusChanged → refresh
}

void ActivationPage::setUnavailableReason(const QString& reason)
{
    m_onboardingPanel->setUnavailableReason(reason);
}

void ActivationPage::onboardingStatusChanged()
{
    if (m_onboarding && m_onboarding->status() == activation::OnboardingStatus::Approved) {
        QPointer<ActivationProgressPanel> progress(m_progress);
        m_onboarding->activationCode([progress](Result<QString> code) {
            if (progress && code)
                progress->offerActivationCode(code.value());
        });
    }
    refresh();
}

void ActivationPage::retranslateUi()
{
    setTexts(ShellText::pageTitle(PageId::Activation),
             tr("Onboard with the acquirer, then activate the PIN pad with the first card swipe."));
    m_activationTitle->setText(tr("Terminal activation"));
    m_onboardingPanel->retranslateUi();
    m_progress->retranslateUi();
    m_activated->retranslateUi();
    refresh();
}

int ActivationPage::completedSteps() const
{
    if (!m_attached)
        return stepsFromTerminalStatus(m_status->activation());
    using activation::OnboardingStatus;
    const ActivationStep step = m_activation ? m_activation->step() : ActivationStep::NotStarted;
    if (step == ActivationStep::Activated || step == ActivationStep::FirstSwipeApproved)
        return stepCount;
    if (step >= ActivationStep::TerminalRegistered)
        return int(step) + 1; // registered 3, TMK loaded 4, signed on 5
    const OnboardingStatus status = m_onboarding ? m_onboarding->status() : OnboardingStatus::Draft;
    if (status == OnboardingStatus::Approved || step == ActivationStep::Registering)
        return 2;
    if (status == OnboardingStatus::Submitted || status == OnboardingStatus::UnderReview)
        return 1;
    return 0;
}

void ActivationPage::refresh()
{
    const ActivationState state = m_status->activation();
    m_stateLabel->setText(tr("Current state: %1").arg(ShellText::activation(state)));
    setTone(m_stateLabel, ShellText::activationTone(state));

    const QString steps[] = {tr("1. Merchant onboarding: documents and agreement"),
                             tr("2. Acquirer review"),
                             tr("3. Activation code and network check"),
                             tr("4. Bind the PIN pad and load its keys"),
                             tr("5. Sign on with the acquirer"),
                             tr("6. First card swipe")};
    m_steps->clear();
    const int done = completedSteps();
    for (int i = 0; i < stepCount; ++i) {
        auto* item = new QListWidgetItem(steps[i], m_steps);
        item->setIcon(QIcon(i < done ? QStringLiteral(":/icons/status-ok.svg")
                                     : QStringLiteral(":/icons/status-unknown.svg")));
        item->setData(Qt::UserRole, i < done);
        item->setSizeHint(QSize(0, 44));
    }

    // The activation card appears once the acquirer approved, activation already started, or when there is
    // no onboarding flow to tell.
    const bool approved = m_onboarding && m_onboarding->status() == activation::OnboardingStatus::Approved;
    const bool started = m_activation && m_activation->step() > ActivationStep::NotStarted;
    const bool activated = m_activation && m_activation->isActivated();
    m_activationCard->setVisible(m_attached && (approved || started || !m_onboarding));
    m_progress->setVisible(!activated);
    m_activated->setVisible(activated);
    if (activated)
        m_activated->showRecord(m_activation->record());
}

} // namespace ui
} // namespace pos
