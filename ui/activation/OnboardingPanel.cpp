// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/activation/OnboardingPanel.h"

#include "ui/activation/ActivationWidgets.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pos {
namespace ui {

using activation::OnboardingStatus;

OnboardingPanel::OnboardingPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = makeLabel(this, QStringLiteral("onboarding.status"));
    m_reasons = makeLabel(this, QStringLiteral("onboarding.reasons"));
    m_message = makeLabel(this, QStringLiteral("onboarding.message"));
    auto* buttons = new QHBoxLayout();
    m_open = makeButton(this, QStringLiteral("onboarding.open"), true);
    m_refresh = makeButton(this, QStringLiteral("onboarding.refresh"));
    buttons->addWidget(m_open);
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    layout->addWidget(m_status);
    layout->addWidget(m_reasons);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, &OnboardingPanel::openWizard);
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (m_flow) {
            m_message->clear();
            m_flow->refreshStatus();
        }
    });
    retranslateUi();
}

void OnboardingPanel::setFlow(activation::OnboardingFlow* flow)
{
    if (m_flow)
        disconnect(m_flow, nullptr, this, nullptr);
    delete m_wizard;
    m_flow = flow;
    if (m_flow) {
        connect(m_flow, &activation::OnboardingFlow::statusChanged, this, [this] {
            m_message->clear();
            refresh();
            Q_EMIT statusChanged();
        });
        connect(m_flow, &activation::OnboardingFlow::failed, this, [this](const QString& message) {
            setTone(m_message, QStringLiteral("error"));
            m_message->setText(message);
        });
        connect(m_flow, &QObject::destroyed, this, [this] {
            delete m_wizard;
            refresh();
            Q_EMIT statusChanged();
        });
    }
    m_message->clear();
    refresh();
    Q_EMIT statusChanged();
}

OnboardingWizard* OnboardingPanel::wizard() const
{
    return m_wizard;
}

void OnboardingPanel::setUnavailableReason(const QString& reason)
{
    m_unavailableReason = reason;
    refresh();
}

void OnboardingPanel::retranslateUi()
{
    m_refresh->setText(tr("Check review status"));
    refresh();
}

void OnboardingPanel::refresh()
{
    if (!m_flow) {
        m_status->setText(tr("Onboarding is unavailable on this terminal right now."));
        setTone(m_status, QStringLiteral("unknown"));
        m_reasons->hide();
        setTone(m_message, QStringLiteral("error"));
        m_message->setText(m_unavailableReason);
        m_message->setVisible(!m_unavailableReason.isEmpty());
        m_open->setText(tr("Start onboarding"));
        m_open->setEnabled(false); // shown disabled: where onboarding starts once it is available
        m_open->show();
        m_refresh->hide();
        return;
    }
    const OnboardingStatus status = m_flow->status();
    QString text;
    QString tone = QStringLiteral("warn");
    switch (status) {
    case OnboardingStatus::Draft:
        text = tr("Onboarding: not submitted yet. Fill in the application and submit it to the acquirer.");
        tone = QStringLiteral("unknown");
        m_open->setText(m_flow->resumePage() == activation::OnboardingPage::Merchant
                            ? tr("Start onboarding")
                            : tr("Continue onboarding"));
        break;
    case OnboardingStatus::Submitting:
        text = tr("Onboarding: submitting the application to the acquirer…");
        m_open->setText(tr("View the application"));
        break;
    case OnboardingStatus::Submitted:
        text = tr("Onboarding: submitted. The acquirer has received the application.");
        m_open->setText(tr("View the application"));
        break;
    case OnboardingStatus::UnderReview:
        text = tr("Onboarding: under review by the acquirer. This usually takes one to three working days.");
        m_open->setText(tr("View the application"));
        break;
    case OnboardingStatus::Approved:
        text = tr("Onboarding: approved. The terminal can now be activated.");
        tone = QStringLiteral("ok");
        m_open->setText(tr("View the application"));
        break;
    case OnboardingStatus::Rejected:
        text = tr("Onboarding: rejected. Correct the application and submit it again.");
        tone = QStringLiteral("error");
        m_open->setText(tr("Correct the application"));
        break;
    }
    m_status->setText(text);
    setTone(m_status, tone);

    QStringList reasons;
    if (status == OnboardingStatus::Rejected) {
        for (const activation::ReviewReason& reason : m_flow->reasons())
            reasons << QStringLiteral("• ") + reason.message;
    }
    m_reasons->setText(reasons.join(QLatin1Char('\n')));
    m_reasons->setVisible(!reasons.isEmpty());
    m_message->setVisible(true);
    m_open->setEnabled(true);
    m_open->show();
    m_refresh->setVisible(status == OnboardingStatus::Submitted || status == OnboardingStatus::UnderReview);
}

void OnboardingPanel::openWizard()
{
    if (!m_flow)
        return;
    if (!m_wizard) {
        // A dialog with a parent is still its own top-level window; the parent only bounds its lifetime.
        m_wizard = new OnboardingWizard(*m_flow, {}, this);
        m_wizard->setObjectName(QStringLiteral("onboardingWizard"));
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        m_wizard->setModal(false);
    }
    m_wizard->show();
    m_wizard->raise();
    m_wizard->activateWindow();
}

} // namespace ui
} // namespace pos
