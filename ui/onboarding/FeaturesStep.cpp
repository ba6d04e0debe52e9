// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/FeaturesStep.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace pos {
namespace ui {

FeaturesStep::FeaturesStep(OnboardingWizard& wizard)
    : WizardFormPage(activation::OnboardingPage::Features, wizard)
{
    auto* boxes = new QWidget(this);
    auto* column = new QVBoxLayout(boxes);
    column->setContentsMargins(0, 0, 0, 0);
    for (int f = 0; f < activation::featureCount; ++f) {
        auto* box = new QCheckBox(boxes);
        box->setObjectName(QStringLiteral("features.") +
                           activation::featureWire(static_cast<activation::Feature>(f)));
        column->addWidget(box);
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!isLoading())
                fieldEdited(QStringLiteral("features"));
        });
        m_boxes.append(box);
    }
    QWidget* field = watchField(QStringLiteral("features"), nullptr);
    static_cast<QVBoxLayout*>(field->layout())->insertWidget(0, boxes);
    m_caption = new QLabel(this);
    formLayout()->addRow(m_caption, field);
}

void FeaturesStep::load(const activation::OnboardingDraft& draft)
{
    for (int f = 0; f < activation::featureCount; ++f)
        m_boxes.at(f)->setChecked(draft.features.contains(static_cast<activation::Feature>(f)));
}

void FeaturesStep::apply(activation::OnboardingDraft& draft) const
{
    draft.features.clear();
    for (int f = 0; f < activation::featureCount; ++f) {
        if (m_boxes.at(f)->isChecked())
            draft.features.append(static_cast<activation::Feature>(f));
    }
}

void FeaturesStep::applyReadOnly(bool readOnly)
{
    WizardFormPage::applyReadOnly(readOnly);
    for (QCheckBox* box : std::as_const(m_boxes))
        box->setEnabled(!readOnly);
}

void FeaturesStep::retranslateUi()
{
    setTitle(tr("Features"));
    setSubTitle(tr("What the terminal should do. Choose at least one way to take payments."));
    m_caption->setText(tr("Requested functions"));
    const QString names[] = {tr("Magnetic stripe (swipe)"), tr("Chip card (IC)"), tr("Contactless (闪付)"),
                             tr("QR code payments (扫码)"), tr("Refunds"),        tr("Pre-authorisation")};
    for (int f = 0; f < m_boxes.size(); ++f)
        m_boxes.at(f)->setText(names[f]);
}

} // namespace ui
} // namespace pos
