// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/onboarding/WizardFormPage.h"

class QComboBox;

namespace pos {
namespace ui {

// Merchant page: registered name, shop (signboard) name, address, contact, mobile, MCC (from
// activation::mccCatalogue(): the shop's real business, no 跳码). Input objectNames are the field paths.
class MerchantStep final : public WizardFormPage
{
    Q_OBJECT

public:
    explicit MerchantStep(OnboardingWizard& wizard);

    void apply(activation::OnboardingDraft& draft) const override;
    void retranslateUi() override;

protected:
    void load(const activation::OnboardingDraft& draft) override;

private:
    void fillCatalogue();

    QLineEdit* m_registeredName = nullptr;
    QLineEdit* m_shopName = nullptr;
    QLineEdit* m_province = nullptr;
    QLineEdit* m_city = nullptr;
    QLineEdit* m_district = nullptr;
    QLineEdit* m_street = nullptr;
    QLineEdit* m_contactName = nullptr;
    QLineEdit* m_mobile = nullptr;
    QComboBox* m_mcc = nullptr;
    QList<QLabel*> m_captions;
};

} // namespace ui
} // namespace pos
