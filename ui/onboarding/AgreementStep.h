// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/onboarding/WizardFormPage.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace pos {
namespace ui {

// Agreement page (协议): the acquirer's offer is fetched each time the page is entered (never hard-coded):
// the full text in a read-only scrolling browser ("agreement.text"), the fee table ("agreement.fees"), the
// settlement cycle ("agreement.settlementCycle"). Typing the name ("agreement.signedName") and ticking "I
// have read and agree" ("agreement.agreed") makes the AgreementSignature over exactly the shown text:
// version, signedText, textSha256 = lowercase hex SHA-256 of its UTF-8, fees, cycle, name, signedAtMs (wall
// clock). Any change of the name, the tick, the cycle or the offer clears the signature (and the tick).
class AgreementStep final : public WizardFormPage
{
    Q_OBJECT

public:
    explicit AgreementStep(OnboardingWizard& wizard);

    void apply(activation::OnboardingDraft& draft) const override;
    void retranslateUi() override;
    void entered() override;

    const activation::AgreementSignature& signature() const { return m_signature; }

protected:
    void load(const activation::OnboardingDraft& draft) override;
    void applyReadOnly(bool readOnly) override;

private:
    void fetch();
    void showOffer(const activation::AgreementOffer& offer);
    void showFees();
    void setLoadStatus(const QString& text, bool error);
    void clearSignature();
    void signIfAgreed();

    QTextBrowser* m_text = nullptr;
    QTableWidget* m_fees = nullptr;
    QComboBox* m_cycle = nullptr;
    QLineEdit* m_name = nullptr;
    QCheckBox* m_agreed = nullptr;
    QLabel* m_loadStatus = nullptr;
    QPushButton* m_retry = nullptr;
    QList<QLabel*> m_captions;
    std::optional<activation::AgreementOffer> m_offer;
    activation::AgreementSignature m_signature;
    int m_request = 0;
};

} // namespace ui
} // namespace pos
