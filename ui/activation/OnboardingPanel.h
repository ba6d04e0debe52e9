// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingFlow.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace pos {
namespace ui {

class OnboardingWizard;

// The onboarding part of the Activation page (product.md §2): where the application stands, the acquirer's
// reasons after a rejection, the button that opens the onboarding wizard (non-modal, its own window, reused
// while open) and "Check review status". Without a flow it says onboarding is unavailable.
// The flow is not owned; setFlow(nullptr) or the flow's destruction detaches it.
class OnboardingPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit OnboardingPanel(QWidget* parent = nullptr);

    void setFlow(activation::OnboardingFlow* flow);
    activation::OnboardingFlow* flow() const { return m_flow; }
    // The open wizard, or null.
    OnboardingWizard* wizard() const;
    // Why onboarding is unavailable (translated, e.g. the settings problem or the key store's error), shown
    // under "unavailable" while there is no flow. Empty: no reason known.
    void setUnavailableReason(const QString& reason);

    void retranslateUi();

Q_SIGNALS:
    void statusChanged();

private:
    void refresh();
    void openWizard();

    QPointer<activation::OnboardingFlow> m_flow;
    QPointer<OnboardingWizard> m_wizard;
    QString m_unavailableReason;
    QLabel* m_status;
    QLabel* m_reasons;
    QLabel* m_message;
    QPushButton* m_open;
    QPushButton* m_refresh;
};

} // namespace ui
} // namespace pos
