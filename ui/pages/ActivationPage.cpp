// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/ActivationPage.h"

#include "ui/ShellText.h"

#include <QFrame>
#include <QIcon>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>

namespace pos {
namespace ui {
namespace {

// How many of the journey's steps are behind the terminal in each state.
int completedSteps(ActivationState state)
{
    switch (state) {
    case ActivationState::NotOnboarded: return 0;
    case ActivationState::OnboardingInProgress: return 0;
    case ActivationState::AwaitingActivation: return 2;
    case ActivationState::Activated: return 6;
    }
    return 0;
}

} // namespace

ActivationPage::ActivationPage(TerminalStatus* status, QWidget* parent)
    : Page(PageId::Activation, parent)
    , m_status(status)
{
    QFrame* card = addCard(QStringLiteral("activationCard"));
    m_stateLabel = new QLabel(card);
    m_stateLabel->setObjectName(QStringLiteral("activationStateLabel"));
    card->layout()->addWidget(m_stateLabel);
    m_steps = new QListWidget(card);
    m_steps->setObjectName(QStringLiteral("activationStepsList"));
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->setMinimumHeight(6 * 44 + 8);
    card->layout()->addWidget(m_steps);
    m_start = new QPushButton(card);
    m_start->setObjectName(QStringLiteral("startOnboardingPushButton"));
    m_start->setProperty("primary", true);
    m_start->setEnabled(false);
    card->layout()->addWidget(m_start);
    m_notice = addNotice(card);

    connect(m_status, &TerminalStatus::activationChanged, this, &ActivationPage::refresh);
    retranslateUi();
}

void ActivationPage::retranslateUi()
{
    setTexts(ShellText::pageTitle(PageId::Activation),
             tr("Onboard with the acquirer, then activate the PIN pad with the first card swipe."));
    m_start->setText(tr("Start onboarding"));
    m_notice->setText(tr("The onboarding wizard (business licence, legal representative, settlement account, "
                         "agreement) and the first-swipe activation arrive with the activation feature."));
    refresh();
}

void ActivationPage::refresh()
{
    const ActivationState state = m_status->activation();
    m_stateLabel->setText(tr("Current state: %1").arg(ShellText::activation(state)));
    m_stateLabel->setProperty("state", ShellText::activationTone(state));
    m_stateLabel->style()->unpolish(m_stateLabel);
    m_stateLabel->style()->polish(m_stateLabel);

    const QString steps[] = {tr("1. Merchant onboarding: documents and agreement"),
                             tr("2. Acquirer review"),
                             tr("3. Activation code and network check"),
                             tr("4. Bind the PIN pad and load its keys"),
                             tr("5. Sign on with the acquirer"),
                             tr("6. First card swipe")};
    m_steps->clear();
    const int done = completedSteps(state);
    for (int i = 0; i < 6; ++i) {
        auto* item = new QListWidgetItem(steps[i], m_steps);
        item->setIcon(QIcon(i < done ? QStringLiteral(":/icons/status-ok.svg")
                                     : QStringLiteral(":/icons/status-unknown.svg")));
        item->setSizeHint(QSize(0, 44));
    }
}

} // namespace ui
} // namespace pos
