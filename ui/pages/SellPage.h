// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/TerminalStatus.h"
#include "ui/pages/Page.h"

class QLabel;
class QPushButton;

namespace pos {
namespace ui {

// Selling. Tenders are enabled only on an activated terminal; until then the page explains why and offers
// the way to the Activation page.
class SellPage final : public Page
{
    Q_OBJECT
public:
    explicit SellPage(TerminalStatus* status, QWidget* parent = nullptr);

protected:
    void retranslateUi() override;

private:
    void updateState();

    TerminalStatus* m_status;
    QLabel* m_notice;
    QPushButton* m_goToActivation;
    QPushButton* m_payCash;
    QPushButton* m_payCard;
    QPushButton* m_payQr;
    QLabel* m_upcoming;
};

} // namespace ui
} // namespace pos
