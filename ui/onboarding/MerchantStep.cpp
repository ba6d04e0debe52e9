// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/MerchantStep.h"

#include "core/validation/ContactDetails.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

namespace pos {
namespace ui {

MerchantStep::MerchantStep(OnboardingWizard& wizard)
    : WizardFormPage(activation::OnboardingPage::Merchant, wizard)
{
    QLabel* caption = nullptr;
    const auto line = [this, &caption](const char* path) {
        QLineEdit* edit = addLineEdit(QString::fromLatin1(path), &caption);
        m_captions.append(caption);
        return edit;
    };
    m_registeredName = line("merchant.registeredName");
    m_shopName = line("merchant.shopName");
    m_province = line("merchant.address.province");
    m_city = line("merchant.address.city");
    m_district = line("merchant.address.district");
    m_street = line("merchant.address.street");
    m_contactName = line("merchant.contactName");
    m_mobile = line("merchant.mobile");
    m_mobile->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_mcc = new QComboBox(this);
    m_captions.append(addFieldRow(QStringLiteral("merchant.mcc"), m_mcc));
    fillCatalogue();
}

void MerchantStep::fillCatalogue()
{
    const QString chosen = m_mcc->currentData().toString();
    const QSignalBlocker block(m_mcc);
    m_mcc->clear();
    m_mcc->addItem(tr("Choose the shop's business…"), QString());
    for (const activation::MccEntry& entry : activation::mccCatalogue())
        m_mcc->addItem(tr("%1 – %2").arg(entry.code, entry.description), entry.code);
    m_mcc->setCurrentIndex(std::max(0, m_mcc->findData(chosen)));
}

void MerchantStep::load(const activation::OnboardingDraft& draft)
{
    const activation::MerchantDetails& m = draft.merchant;
    m_registeredName->setText(m.registeredName);
    m_shopName->setText(m.shopName);
    m_province->setText(m.address.province);
    m_city->setText(m.address.city);
    m_district->setText(m.address.district);
    m_street->setText(m.address.street);
    m_contactName->setText(m.contactName);
    m_mobile->setText(m.mobile);
    m_mcc->setCurrentIndex(std::max(0, m_mcc->findData(m.mcc)));
}

void MerchantStep::apply(activation::OnboardingDraft& draft) const
{
    activation::MerchantDetails& m = draft.merchant;
    m.registeredName = m_registeredName->text();
    m.shopName = m_shopName->text();
    m.address.province = m_province->text();
    m.address.city = m_city->text();
    m.address.district = m_district->text();
    m.address.street = m_street->text();
    m.contactName = m_contactName->text();
    m.mobile = normalizedIfValid(validation::validateMobile(m_mobile->text()), m_mobile->text());
    m.mcc = m_mcc->currentData().toString();
}

void MerchantStep::retranslateUi()
{
    setTitle(tr("Merchant"));
    setSubTitle(tr("Who the shop is and how the acquirer reaches it."));
    const QString captions[] = {
        tr("Registered name"),  tr("Shop (signboard) name"), tr("Province"),     tr("City"),
        tr("District"),         tr("Street address"),        tr("Contact name"), tr("Mobile"),
        tr("Business category")};
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions.at(i)->setText(captions[i]);
    m_mobile->setPlaceholderText(tr("11 digits, e.g. 139 1234 5678"));
    fillCatalogue();
}

} // namespace ui
} // namespace pos
