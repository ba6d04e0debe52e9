// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/onboarding/WizardFormPage.h"

class QCheckBox;

namespace pos {
namespace ui {

class AttachmentPicker;

// Business licence page (营业执照): USCC (stored normalised, upper case), name as on the licence, validity
// date or long-term, scan. objectNames: licence.uscc, licence.name, licence.longTerm, licence.validUntil,
// licence.documentId (the AttachmentPicker).
class LicenceStep final : public WizardFormPage
{
    Q_OBJECT

public:
    explicit LicenceStep(OnboardingWizard& wizard);

    void apply(activation::OnboardingDraft& draft) const override;
    void retranslateUi() override;

protected:
    void load(const activation::OnboardingDraft& draft) override;
    void applyReadOnly(bool readOnly) override;

private:
    QLineEdit* m_uscc = nullptr;
    QLineEdit* m_name = nullptr;
    QCheckBox* m_longTerm = nullptr;
    QDateEdit* m_validUntil = nullptr;
    AttachmentPicker* m_scan = nullptr;
    QList<QLabel*> m_captions;
};

} // namespace ui
} // namespace pos
