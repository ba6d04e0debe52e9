// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/SellPage.h"

#include "ui/ShellText.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace pos {
namespace ui {

SellPage::SellPage(TerminalStatus* status, QWidget* parent) : Page(PageId::Sell, parent), m_status(status)
{
    QFrame* stateCard = addCard(QStringLiteral("sellStateCard"));
    m_notice = addNotice(stateCard);
    m_goToActivation = new QPushButton(stateCard);
    m_goToActivation->setObjectName(QStringLiteral("goToActivationPushButton"));
    m_goToActivation->setProperty("primary", true);
    m_goToActivation->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    stateCard->layout()->addWidget(m_goToActivation);

    QFrame* tenderCard = addCard(QStringLiteral("tenderCard"));
    auto* tenders = new QHBoxLayout();
    m_payCash = new QPushButton(tenderCard);
    m_payCash->setObjectName(QStringLiteral("payCashPushButton"));
    m_payCard = new QPushButton(tenderCard);
    m_payCard->setObjectName(QStringLiteral("payCardPushButton"));
    m_payQr = new QPushButton(tenderCard);
    m_payQr->setObjectName(QStringLiteral("payQrPushButton"));
    for (QPushButton* button : {m_payCash, m_payCard, m_payQr})
        tenders->addWidget(button);
    static_cast<QVBoxLayout*>(tenderCard->layout())->addLayout(tenders);
    m_tenderNotice = new QLabel(tenderCard);
    m_tenderNotice->setObjectName(QStringLiteral("tenderNoticeLabel"));
    m_tenderNotice->setWordWrap(true);
    tenderCard->layout()->addWidget(m_tenderNotice);
    m_upcoming = new QLabel(tenderCard);
    m_upcoming->setWordWrap(true);
    tenderCard->layout()->addWidget(m_upcoming);

    QFrame* scannedCard = addCard(QStringLiteral("scannedCard"));
    m_scannedTitle = new QLabel(scannedCard);
    m_scannedTitle->setObjectName(QStringLiteral("scannedTitleLabel"));
    scannedCard->layout()->addWidget(m_scannedTitle);
    m_scannedItems = new QListWidget(scannedCard);
    m_scannedItems->setObjectName(QStringLiteral("scannedItemsList"));
    m_scannedItems->setFocusPolicy(Qt::NoFocus);
    m_scannedItems->setMinimumHeight(120);
    scannedCard->layout()->addWidget(m_scannedItems);

    connect(m_goToActivation, &QPushButton::clicked, this,
            [this] { Q_EMIT navigationRequested(PageId::Activation); });
    connect(m_status, &TerminalStatus::activationChanged, this, &SellPage::updateState);
    connect(m_status, &TerminalStatus::enabledTendersChanged, this, &SellPage::updateState);
    retranslateUi();
    updateState();
}

void SellPage::retranslateUi()
{
    setTexts(ShellText::pageTitle(PageId::Sell),
             tr("Ring up sales with cash, UnionPay cards and QR payment codes."));
    m_goToActivation->setText(tr("Go to activation"));
    m_payCash->setText(tr("Cash"));
    m_payCard->setText(tr("UnionPay card"));
    m_payQr->setText(tr("QR code"));
    m_upcoming->setText(tr("The sale screen (barcode scanning, lines, discounts, split tender and receipts) "
                           "arrives with the selling feature."));
    m_scannedTitle->setText(tr("Scanned items"));
    updateState();
}

void SellPage::addScannedCode(const QString& code)
{
    m_scannedItems->addItem(code);
    while (m_scannedItems->count() > maxScannedItems)
        delete m_scannedItems->takeItem(0);
    m_scannedItems->scrollToBottom();
}

void SellPage::updateState()
{
    const bool activated = m_status->activation() == ActivationState::Activated;
    m_notice->setText(activated
                          ? tr("This terminal is activated and ready to sell.")
                          : tr("This terminal is not activated yet. Selling is enabled once the acquirer "
                               "has approved the shop and the PIN pad is activated with the first swipe."));
    m_goToActivation->setVisible(!activated);

    const QStringList tenders = m_status->enabledTenders();
    const bool card = tenders.contains(QStringLiteral("swipe")) || tenders.contains(QStringLiteral("ic")) ||
                      tenders.contains(QStringLiteral("contactless"));
    const bool qr = tenders.contains(QStringLiteral("qr"));
    const QString notActivated = tr("Available once the terminal is activated.");
    m_payCash->setEnabled(activated);
    m_payCash->setToolTip(activated ? QString() : notActivated);
    m_payCard->setEnabled(activated && card);
    m_payCard->setToolTip(!activated ? notActivated
                          : card     ? QString()
                                     : tr("The acquirer has not enabled card payments for this terminal."));
    m_payQr->setEnabled(activated && qr);
    m_payQr->setToolTip(!activated ? notActivated
                        : qr       ? QString()
                                   : tr("The acquirer has not enabled QR code payments for this terminal."));
    QStringList disabled;
    if (activated && !card)
        disabled << m_payCard->toolTip();
    if (activated && !qr)
        disabled << m_payQr->toolTip();
    m_tenderNotice->setText(disabled.join(QLatin1Char(' ')));
    m_tenderNotice->setVisible(!disabled.isEmpty());
}

} // namespace ui
} // namespace pos
