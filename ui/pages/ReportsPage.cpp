// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/ReportsPage.h"

#include "ui/ShellText.h"

#include <QFrame>
#include <QLabel>

namespace pos {
namespace ui {

ReportsPage::ReportsPage(QWidget* parent) : Page(PageId::Reports, parent)
{
    m_notice = addNotice(addCard(QStringLiteral("reportsCard")));
    retranslateUi();
}

void ReportsPage::retranslateUi()
{
    setTexts(ShellText::pageTitle(PageId::Reports),
             tr("Today's takings, tenders, hours, cashiers and products."));
    m_notice->setText(tr("The dashboard and the day, week and month reports (with CSV and PDF export) appear "
                         "here once the ledger records sales."));
}

} // namespace ui
} // namespace pos
