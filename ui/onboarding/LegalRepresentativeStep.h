// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/onboarding/WizardFormPage.h"

class QCheckBox;

namespace pos {
namespace ui {

class AttachmentPicker;
class MaskedLineEdit;

// Legal representative page (法人): name, resident ID number, ID validity or long-term, ID front and back
// scans. The ID number is masked outside editing as maskMiddle(id, 3, 4) ("110***********123X"): the first
// three digits (province and city) and the last four stay visible, the district, the birth date and the
// sequence number are hidden. objectNames: legalRepresentative.name, .idNumber, .idLongTerm, .idValidUntil,
// .idFrontDocumentId, .idBackDocumentId.
class LegalRepresentativeStep final : public WizardFormPage
{
    Q_OBJECT

public:
    static constexpr int idMaskKeepFirst = 3;
    static constexpr int idMaskKeepLast = 4;

    explicit LegalRepresentativeStep(OnboardingWizard& wizard);

    void apply(activation::OnboardingDraft& draft) const override;
    void retranslateUi() override;

protected:
    void load(const activation::OnboardingDraft& draft) override;
    void applyReadOnly(bool readOnly) override;

private:
    QLineEdit* m_name = nullptr;
    MaskedLineEdit* m_idNumber = nullptr;
    QCheckBox* m_longTerm = nullptr;
    QDateEdit* m_validUntil = nullptr;
    AttachmentPicker* m_front = nullptr;
    AttachmentPicker* m_back = nullptr;
    QList<QLabel*> m_captions;
};

} // namespace ui
} // namespace pos
