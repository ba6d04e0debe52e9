// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/LegalRepresentativeStep.h"

#include "core/validation/ChineseIds.h"
#include "ui/onboarding/AttachmentPicker.h"
#include "ui/onboarding/MaskedLineEdit.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>

namespace pos {
namespace ui {

LegalRepresentativeStep::LegalRepresentativeStep(OnboardingWizard& wizard)
    : WizardFormPage(activation::OnboardingPage::LegalRepresentative, wizard)
{
    QLabel* caption = nullptr;
    m_name = addLineEdit(QStringLiteral("legalRepresentative.name"), &caption);
    m_captions.append(caption);
    m_idNumber = new MaskedLineEdit(idMaskKeepFirst, idMaskKeepLast, this);
    m_idNumber->setMaxLength(40);
    m_captions.append(addFieldRow(QStringLiteral("legalRepresentative.idNumber"), m_idNumber));
    m_longTerm = new QCheckBox(this);
    m_captions.append(addFieldRow(QStringLiteral("legalRepresentative.idLongTerm"), m_longTerm));
    m_validUntil = makeDateEdit();
    m_captions.append(addFieldRow(QStringLiteral("legalRepresentative.idValidUntil"), m_validUntil));
    m_front = new AttachmentPicker(activation::AttachmentKind::IdFront, wizard.flow(), this);
    m_front->setObjectNames(QStringLiteral("legalRepresentative.idFrontDocumentId"));
    m_captions.append(addFieldRow(QStringLiteral("legalRepresentative.idFrontDocumentId"), m_front));
    m_back = new AttachmentPicker(activation::AttachmentKind::IdBack, wizard.flow(), this);
    m_back->setObjectNames(QStringLiteral("legalRepresentative.idBackDocumentId"));
    m_captions.append(addFieldRow(QStringLiteral("legalRepresentative.idBackDocumentId"), m_back));
    connect(m_longTerm, &QCheckBox::toggled, this, [this](bool on) {
        m_validUntil->setEnabled(!on && !isReadOnly());
        fieldEdited(QStringLiteral("legalRepresentative.idValidUntil"));
    });
}

void LegalRepresentativeStep::load(const activation::OnboardingDraft& draft)
{
    const activation::LegalRepresentative& g = draft.legal;
    m_name->setText(g.name);
    m_idNumber->setValue(g.idNumber);
    m_longTerm->setChecked(g.idLongTerm);
    setDateOf(m_validUntil, g.idValidUntil);
    m_validUntil->setEnabled(!g.idLongTerm && !isReadOnly());
    m_front->setAttachment(g.idFront);
    m_back->setAttachment(g.idBack);
}

void LegalRepresentativeStep::apply(activation::OnboardingDraft& draft) const
{
    activation::LegalRepresentative& g = draft.legal;
    g.name = m_name->text();
    const QString id = m_idNumber->value();
    g.idNumber = normalizedIfValid(validation::validateResidentId(id, wizard().today()), id);
    g.idLongTerm = m_longTerm->isChecked();
    g.idValidUntil = g.idLongTerm ? QDate() : dateOf(m_validUntil);
    g.idFront = m_front->attachment();
    g.idBack = m_back->attachment();
}

void LegalRepresentativeStep::applyReadOnly(bool readOnly)
{
    WizardFormPage::applyReadOnly(readOnly);
    m_validUntil->setEnabled(!readOnly && !m_longTerm->isChecked());
}

void LegalRepresentativeStep::retranslateUi()
{
    setTitle(tr("Legal representative"));
    setSubTitle(tr("The person named on the business licence (法定代表人) and their identity card."));
    const QString captions[] = {
        tr("Name"),        tr("Resident ID number"),        tr("ID validity"),
        tr("Valid until"), tr("Identity card, front side"), tr("Identity card, back side")};
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions.at(i)->setText(captions[i]);
    m_idNumber->setPlaceholderText(tr("18 characters"));
    m_longTerm->setText(tr("Long-term (长期)"));
    m_front->retranslateUi();
    m_back->retranslateUi();
}

} // namespace ui
} // namespace pos
