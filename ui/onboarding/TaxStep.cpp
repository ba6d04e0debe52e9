// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/TaxStep.h"

#include "core/validation/ChineseIds.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

namespace pos {
namespace ui {

TaxStep::TaxStep(OnboardingWizard& wizard) : WizardFormPage(activation::OnboardingPage::Tax, wizard)
{
    m_type = new QComboBox(this);
    m_type->addItem(QString(), int(activation::TaxpayerType::SmallScale));
    m_type->addItem(QString(), int(activation::TaxpayerType::General));
    m_captions.append(addFieldRow(QStringLiteral("tax.taxpayerType"), m_type));
    QLabel* caption = nullptr;
    m_taxId = addLineEdit(QStringLiteral("tax.taxId"), &caption);
    m_captions.append(caption);
}

void TaxStep::load(const activation::OnboardingDraft& draft)
{
    m_type->setCurrentIndex(std::max(0, m_type->findData(int(draft.tax.taxpayerType))));
    m_taxId->setText(draft.tax.taxId);
}

void TaxStep::entered()
{
    if (m_taxId->text().trimmed().isEmpty() && !isReadOnly()) {
        m_taxId->setText(wizard().draft().licence.uscc);
        revalidate();
    }
}

void TaxStep::apply(activation::OnboardingDraft& draft) const
{
    draft.tax.taxpayerType = m_type->currentData().toInt() == int(activation::TaxpayerType::General)
                                 ? activation::TaxpayerType::General
                                 : activation::TaxpayerType::SmallScale;
    draft.tax.taxId = normalizedIfValid(validation::validateUscc(m_taxId->text()), m_taxId->text());
}

void TaxStep::retranslateUi()
{
    setTitle(tr("Tax registration"));
    setSubTitle(tr("Since 三证合一 the tax id is the licence's unified social credit code."));
    m_captions.at(0)->setText(tr("Taxpayer type"));
    m_captions.at(1)->setText(tr("Tax id"));
    m_type->setItemText(0, tr("Small-scale taxpayer (小规模纳税人)"));
    m_type->setItemText(1, tr("General taxpayer (一般纳税人)"));
}

} // namespace ui
} // namespace pos
