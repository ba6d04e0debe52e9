// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"
#include "ui/pages/Page.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace pos {
namespace ui {

// Onboarding with the acquirer and first-swipe activation: shows where the terminal stands in the journey.
class ActivationPage final : public Page
{
    Q_OBJECT
public:
    explicit ActivationPage(TerminalStatus* status, QWidget* parent = nullptr);

protected:
    void retranslateUi() override;

private:
    void refresh();

    TerminalStatus* m_status;
    QLabel* m_stateLabel;
    QListWidget* m_steps;
    QPushButton* m_start;
    QLabel* m_notice;
};

} // namespace ui
} // namespace pos
