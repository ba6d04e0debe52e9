// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/SettlementStep.h"

#include "core/validation/BankAccounts.h"
#include "ui/onboarding/MaskedLineEdit.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace pos {
namespace ui {

SettlementStep::SettlementStep(OnboardingWizard& wizard)
    : WizardFormPage(activation::OnboardingPage::Settlement, wizard)
{
    m_type = new QComboBox(this);
    m_type->addItem(QString(), int(activation::AccountType::Corporate));
    m_type->addItem(QString(), int(activation::AccountType::Personal));
    m_captions.append(addFieldRow(QStringLiteral("settlement.type"), m_type));
    QLabel* caption = nullptr;
    m_accountName = addLineEdit(QStringLiteral("settlement.accountName"), &caption);
    m_captions.append(caption);
    m_accountNumber = new MaskedLineEdit(accountMaskKeepFirst, accountMaskKeepLast, this);
    m_accountNumber->setMaxLength(40);
    m_captions.append(addFieldRow(QStringLiteral("settlement.accountNumber"), m_accountNumber));
    m_bank = addLineEdit(QStringLiteral("settlement.bank"), &caption);
    m_captions.append(caption);
    m_bankSuggestion = new QLabel(this);
    m_bankSuggestion->setObjectName(QStringLiteral("settlement.bankSuggestion"));
    m_bankSuggestion->setTextFormat(Qt::PlainText);
    m_bankSuggestion->setProperty("state", QStringLiteral("unknown"));
    m_bankSuggestion->hide();
    if (auto* box = m_bank->parentWidget(); box && box->layout())
        static_cast<QVBoxLayout*>(box->layout())->insertWidget(1, m_bankSuggestion);
    m_branch = addLineEdit(QStringLiteral("settlement.branch"), &caption);
    m_captions.append(caption);

    connect(m_accountNumber, &QLineEdit::textEdited, this, &SettlementStep::suggestBank);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        if (!isLoading())
            suggestBank();
    });
    connect(m_bank, &QLineEdit::textEdited, this, [this] { m_suggestedBank.clear(); });
}

bool SettlementStep::isPersonal() const
{
    return m_type->currentData().toInt() == int(activation::AccountType::Personal);
}

void SettlementStep::suggestBank()
{
    QString bank;
    if (isPersonal()) {
        const validation::ValidationResult card = validation::validateBankCard(m_accountNumber->value());
        if (card.details.value(QStringLiteral("bankKnown")).toBool())
            bank = card.details.value(QStringLiteral("bank")).toString();
    }
    m_bankSuggestion->setText(bank.isEmpty() ? QString() : tr("Bank of this card: %1").arg(bank));
    m_bankSuggestion->setVisible(!bank.isEmpty());
    if (bank.isEmpty())
        return;
    if (m_bank->text().trimmed().isEmpty() || m_bank->text() == m_suggestedBank) {
        m_bank->setText(bank);
        m_suggestedBank = bank;
        revalidate();
    }
}

void SettlementStep::load(const activation::OnboardingDraft& draft)
{
    const activation::SettlementAccount& s = draft.settlement;
    m_type->setCurrentIndex(std::max(0, m_type->findData(int(s.type))));
    m_accountName->setText(s.accountName);
    m_accountNumber->setValue(s.accountNumber);
    m_bank->setText(s.bank);
    m_branch->setText(s.branch);
    m_suggestedBank.clear();
    m_bankSuggestion->hide();
}

void SettlementStep::apply(activation::OnboardingDraft& draft) const
{
    activation::SettlementAccount& s = draft.settlement;
    s.type = isPersonal() ? activation::AccountType::Personal : activation::AccountType::Corporate;
    s.accountName = m_accountName->text();
    const QString number = m_accountNumber->value();
    s.accountNumber = normalizedIfValid(isPersonal() ? validation::validateBankCard(number)
                                                     : validation::validateCorporateAccount(number),
                                        number);
    s.bank = m_bank->text();
    s.branch = m_branch->text();
}

void SettlementStep::retranslateUi()
{
    setTitle(tr("Settlement account"));
    setSubTitle(tr("Where the acquirer pays the shop's takings."));
    const QString captions[] = {tr("Account type"), tr("Account name"), tr("Account number"), tr("Bank"),
                                tr("Branch (开户行)")};
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions.at(i)->setText(captions[i]);
    m_type->setItemText(0, tr("Corporate account (对公), in the licence's name"));
    m_type->setItemText(1, tr("Personal card (对私), in the legal representative's name"));
    suggestBank();
}

} // namespace ui
} // namespace pos
