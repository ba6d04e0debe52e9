// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/AgreementStep.h"

#include "activation/OnboardingFlow.h"
#include "core/crypto/CryptoPrimitives.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace pos {
namespace ui {

AgreementStep::AgreementStep(OnboardingWizard& wizard)
    : WizardFormPage(activation::OnboardingPage::Agreement, wizard)
{
    m_loadStatus = new QLabel(this);
    m_loadStatus->setObjectName(QStringLiteral("agreement.loadStatus"));
    m_loadStatus->setWordWrap(true);
    m_loadStatus->setTextFormat(Qt::PlainText);
    m_loadStatus->hide();
    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("agreement.retry"));
    m_retry->hide();
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_loadStatus, 1);
    statusRow->addWidget(m_retry);
    pageLayout()->insertLayout(0, statusRow);

    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("agreement.text"));
    m_text->setOpenLinks(false);
    m_text->setMinimumHeight(180);
    pageLayout()->insertWidget(1, m_text, 1);

    m_fees = new QTableWidget(0, 3, this);
    m_fees->setObjectName(QStringLiteral("agreement.fees"));
    m_fees->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fees->setSelectionMode(QAbstractItemView::NoSelection);
    m_fees->verticalHeader()->hide();
    m_fees->horizontalHeader()->setStretchLastSection(true);
    m_fees->setMaximumHeight(140);
    m_captions.append(addFieldRow(QStringLiteral("agreement.fees"), m_fees));
    m_cycle = new QComboBox(this);
    m_captions.append(addFieldRow(QStringLiteral("agreement.settlementCycle"), m_cycle));
    QLabel* caption = nullptr;
    m_name = addLineEdit(QStringLiteral("agreement.signedName"), &caption);
    m_captions.append(caption);
    m_agreed = new QCheckBox(this);
    m_captions.append(addFieldRow(QStringLiteral("agreement.agreed"), m_agreed));
    m_fees->setEnabled(true);

    connect(m_retry, &QPushButton::clicked, this, &AgreementStep::fetch);
    connect(m_name, &QLineEdit::textEdited, this, &AgreementStep::clearSignature);
    connect(m_cycle, &QComboBox::currentIndexChanged, this, [this] {
        if (!isLoading())
            clearSignature();
    });
    connect(m_agreed, &QCheckBox::toggled, this, [this](bool on) {
        if (isLoading())
            return;
        if (on)
            signIfAgreed();
        else
            clearSignature();
    });
}

void AgreementStep::entered()
{
    fetch();
}

void AgreementStep::fetch()
{
    const int request = ++m_request;
    setLoadStatus(tr("Loading the agreement from the acquirer…"), false);
    m_retry->hide();
    QPointer<AgreementStep> self(this);
    wizard().flow().fetchAgreement([self, request](Result<activation::AgreementOffer> offer) {
        if (!self || request != self->m_request)
            return;
        if (!offer) {
            self->setLoadStatus(offer.error().userMessage, true);
            self->m_retry->show();
            return;
        }
        self->m_loadStatus->hide();
        self->showOffer(offer.value());
    });
}

void AgreementStep::showOffer(const activation::AgreementOffer& offer)
{
    m_offer = offer;
    m_text->setPlainText(offer.text);
    showFees();
    {
        const QSignalBlocker block(m_cycle);
        const QString chosen = m_signature.isSigned() ? m_signature.settlementCycle : m_cycle->currentText();
        m_cycle->clear();
        m_cycle->addItems(offer.settlementCycles);
        m_cycle->setCurrentIndex(std::max(0, m_cycle->findText(chosen)));
    }
    // A signature stays only when it was made over exactly this offer (a changed offer clears it).
    const bool sameOffer = m_signature.version == offer.version && m_signature.signedText == offer.text &&
                           m_signature.fees == offer.fees &&
                           offer.settlementCycles.contains(m_signature.settlementCycle);
    if (m_signature.isSigned() && !sameOffer)
        clearSignature();
    revalidate();
}

void AgreementStep::showFees()
{
    m_fees->setRowCount(0);
    if (!m_offer)
        return;
    const QLocale locale;
    for (const activation::FeeRate& fee : m_offer->fees) {
        const int row = m_fees->rowCount();
        m_fees->insertRow(row);
        m_fees->setItem(row, 0, new QTableWidgetItem(fee.tender));
        m_fees->setItem(
            row, 1,
            new QTableWidgetItem(tr("%1%").arg(locale.toString(fee.rateBasisPoints / 100.0, 'f', 2))));
        m_fees->setItem(row, 2,
                        new QTableWidgetItem(
                            fee.capFen ? tr("¥%1").arg(locale.toString(double(*fee.capFen) / 100.0, 'f', 2))
                                       : tr("No cap")));
    }
}

void AgreementStep::setLoadStatus(const QString& text, bool error)
{
    m_loadStatus->setText(text);
    m_loadStatus->setProperty("state", error ? QStringLiteral("error") : QStringLiteral("unknown"));
    m_loadStatus->style()->unpolish(m_loadStatus);
    m_loadStatus->style()->polish(m_loadStatus);
    m_loadStatus->show();
}

void AgreementStep::clearSignature()
{
    m_signature = {};
    if (m_agreed->isChecked()) {
        const QSignalBlocker block(m_agreed);
        m_agreed->setChecked(false);
    }
    revalidate();
}

void AgreementStep::signIfAgreed()
{
    const QString name = m_name->text().trimmed();
    if (!m_offer || name.isEmpty() || !m_agreed->isChecked()) {
        // Nothing to sign yet: the tick does not stand on its own.
        const QSignalBlocker block(m_agreed);
        m_agreed->setChecked(false);
        m_signature = {};
        revalidate();
        return;
    }
    const Result<QByteArray> hash = crypto::sha256(m_offer->text.toUtf8());
    if (!hash) {
        clearSignature();
        return;
    }
    activation::AgreementSignature signature;
    signature.version = m_offer->version;
    signature.signedText = m_offer->text;
    signature.textSha256 = QString::fromLatin1(hash.value().toHex());
    signature.fees = m_offer->fees;
    signature.settlementCycle = m_cycle->currentText();
    signature.signedName = name;
    signature.signedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_signature = signature;
    revalidate();
}

void AgreementStep::load(const activation::OnboardingDraft& draft)
{
    m_signature = draft.agreement;
    m_name->setText(m_signature.signedName);
    m_agreed->setChecked(m_signature.isSigned());
    if (m_signature.isSigned() && m_cycle->findText(m_signature.settlementCycle) < 0)
        m_cycle->addItem(m_signature.settlementCycle);
    m_cycle->setCurrentIndex(std::max(0, m_cycle->findText(m_signature.settlementCycle)));
}

void AgreementStep::apply(activation::OnboardingDraft& draft) const
{
    draft.agreement = m_signature;
}

void AgreementStep::applyReadOnly(bool readOnly)
{
    WizardFormPage::applyReadOnly(readOnly);
    m_fees->setEnabled(true); // read-only anyway; stays scrollable
}

void AgreementStep::retranslateUi()
{
    setTitle(tr("Agreement"));
    setSubTitle(tr("Read the acquirer's agreement. Type your name and tick the box to sign it."));
    const QString captions[] = {tr("Fees"), tr("Settlement cycle"), tr("Your name (legal representative)"),
                                QString()};
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions.at(i)->setText(captions[i]);
    m_agreed->setText(tr("I have read and agree"));
    m_retry->setText(tr("Try again"));
    m_fees->setHorizontalHeaderLabels({tr("Payment type"), tr("Rate"), tr("Cap per transaction")});
    showFees();
}

} // namespace ui
} // namespace pos
