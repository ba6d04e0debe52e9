// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/onboarding/WizardFormPage.h"

class QCheckBox;

namespace pos {
namespace ui {

// Features page (功能需求): one check box per activation::Feature, objectName "features.<wire name>"
// ("features.swipe", "features.qr", ...); at least one tender is required (issue label "issue:features").
class FeaturesStep final : public WizardFormPage
{
    Q_OBJECT

public:
    explicit FeaturesStep(OnboardingWizard& wizard);

    void apply(activation::OnboardingDraft& draft) const override;
    void retranslateUi() override;

protected:
    void load(const activation::OnboardingDraft& draft) override;
    void applyReadOnly(bool readOnly) override;

private:
    QList<QCheckBox*> m_boxes; // index = int(Feature)
    QLabel* m_caption = nullptr;
};

} // namespace ui
} // namespace pos
