// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/SettlementPage.h"

#include "ui/ShellText.h"

#include <QFrame>
#include <QLabel>

namespace pos {
namespace ui {

SettlementPage::SettlementPage(QWidget* parent) : Page(PageId::Settlement, parent)
{
    m_notice = addNotice(addCard(QStringLiteral("settlementCard")));
    retranslateUi();
}

void SettlementPage::retranslateUi()
{
    setTexts(ShellText::pageTitle(PageId::Settlement),
             tr("Close the batch with the acquirer and reconcile the totals."));
    m_notice->setText(
        tr("Batch settlement, reconciliation and the expected payout per batch appear here once "
           "the terminal is linked to the acquirer."));
}

} // namespace ui
} // namespace pos
