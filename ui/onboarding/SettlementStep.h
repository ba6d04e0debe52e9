// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/onboarding/WizardFormPage.h"

class QComboBox;

namespace pos {
namespace ui {

class MaskedLineEdit;

// Settlement account page (结算账户): type (settlement.type combo, data 0 corporate / 1 personal), account
// name, account number (masked outside editing as maskMiddle(number, 6, 4)), bank, branch (开户行). For a
// personal card the bank is suggested from the card's BIN (validation::validateBankCard's details) into an
// empty bank field or over an earlier suggestion, never over what the user typed; the suggestion is also
// shown in the label "settlement.bankSuggestion".
class SettlementStep final : public WizardFormPage
{
    Q_OBJECT

public:
    static constexpr int accountMaskKeepFirst = 6;
    static constexpr int accountMaskKeepLast = 4;

    explicit SettlementStep(OnboardingWizard& wizard);

    void apply(activation::OnboardingDraft& draft) const override;
    void retranslateUi() override;

protected:
    void load(const activation::OnboardingDraft& draft) override;

private:
    bool isPersonal() const;
    void suggestBank();

    QComboBox* m_type = nullptr;
    QLineEdit* m_accountName = nullptr;
    MaskedLineEdit* m_accountNumber = nullptr;
    QLineEdit* m_bank = nullptr;
    QLabel* m_bankSuggestion = nullptr;
    QLineEdit* m_branch = nullptr;
    QString m_suggestedBank; // the last suggestion put into m_bank
    QList<QLabel*> m_captions;
};

} // namespace ui
} // namespace pos
