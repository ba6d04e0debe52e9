// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/onboarding/WizardFormPage.h"

class QComboBox;

namespace pos {
namespace ui {

// Tax registration page (税务登记): taxpayer type (tax.taxpayerType combo, data 0 small-scale / 1 general)
// and tax id (tax.taxId), prefilled from the licence's USCC when entered empty (三证合一).
class TaxStep final : public WizardFormPage
{
    Q_OBJECT

public:
    explicit TaxStep(OnboardingWizard& wizard);

    void apply(activation::OnboardingDraft& draft) const override;
    void retranslateUi() override;
    void entered() override;

protected:
    void load(const activation::OnboardingDraft& draft) override;

private:
    QComboBox* m_type = nullptr;
    QLineEdit* m_taxId = nullptr;
    QList<QLabel*> m_captions;
};

} // namespace ui
} // namespace pos
