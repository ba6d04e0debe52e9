// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/LicenceStep.h"

#include "core/validation/ChineseIds.h"
#include "ui/onboarding/AttachmentPicker.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>

namespace pos {
namespace ui {

LicenceStep::LicenceStep(OnboardingWizard& wizard)
    : WizardFormPage(activation::OnboardingPage::Licence, wizard)
{
    QLabel* caption = nullptr;
    m_uscc = addLineEdit(QStringLiteral("licence.uscc"), &caption);
    m_uscc->setMaxLength(40);
    m_captions.append(caption);
    m_name = addLineEdit(QStringLiteral("licence.name"), &caption);
    m_captions.append(caption);
    m_longTerm = new QCheckBox(this);
    m_captions.append(addFieldRow(QStringLiteral("licence.longTerm"), m_longTerm));
    m_validUntil = makeDateEdit();
    m_captions.append(addFieldRow(QStringLiteral("licence.validUntil"), m_validUntil));
    m_scan = new AttachmentPicker(activation::AttachmentKind::Licence, wizard.flow(), this);
    m_scan->setObjectNames(QStringLiteral("licence.documentId"));
    m_captions.append(addFieldRow(QStringLiteral("licence.documentId"), m_scan));
    connect(m_longTerm, &QCheckBox::toggled, this, [this](bool on) {
        m_validUntil->setEnabled(!on && !isReadOnly());
        fieldEdited(QStringLiteral("licence.validUntil"));
    });
}

void LicenceStep::load(const activation::OnboardingDraft& draft)
{
    const activation::LicenceDetails& l = draft.licence;
    m_uscc->setText(l.uscc);
    m_name->setText(l.name);
    m_longTerm->setChecked(l.longTerm);
    setDateOf(m_validUntil, l.validUntil);
    m_validUntil->setEnabled(!l.longTerm && !isReadOnly());
    m_scan->setAttachment(l.scan);
}

void LicenceStep::apply(activation::OnboardingDraft& draft) const
{
    activation::LicenceDetails& l = draft.licence;
    l.uscc = normalizedIfValid(validation::validateUscc(m_uscc->text()), m_uscc->text());
    l.name = m_name->text();
    l.longTerm = m_longTerm->isChecked();
    l.validUntil = l.longTerm ? QDate() : dateOf(m_validUntil);
    l.scan = m_scan->attachment();
}

void LicenceStep::applyReadOnly(bool readOnly)
{
    WizardFormPage::applyReadOnly(readOnly);
    m_validUntil->setEnabled(!readOnly && !m_longTerm->isChecked());
}

void LicenceStep::retranslateUi()
{
    setTitle(tr("Business licence"));
    setSubTitle(tr("As printed on the business licence (营业执照)."));
    const QString captions[] = {tr("Unified social credit code"), tr("Name on the licence"), tr("Validity"),
                                tr("Valid until"), tr("Photo or scan")};
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions.at(i)->setText(captions[i]);
    m_uscc->setPlaceholderText(tr("18 characters"));
    m_longTerm->setText(tr("Long-term (长期)"));
    m_scan->retranslateUi();
}

} // namespace ui
} // namespace pos
