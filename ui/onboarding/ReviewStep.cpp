// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/ReviewStep.h"

#include "core/validation/ValidationResult.h"
#include "ui/onboarding/LegalRepresentativeStep.h"
#include "ui/onboarding/OnboardingWizard.h"
#include "ui/onboarding/SettlementStep.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace pos {
namespace ui {

using activation::OnboardingStatus;

namespace {

void setState(QLabel* label, const char* state)
{
    label->setProperty("state", QString::fromLatin1(state));
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QLabel* makeLabel(const char* objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString masked(const QString& value, int keepFirst, int keepLast)
{
    const QString compact = validation::compactIdentifier(value, false);
    return compact.isEmpty() ? QString() : validation::maskMiddle(compact, keepFirst, keepLast);
}

} // namespace

ReviewStep::ReviewStep(OnboardingWizard& wizard) : QWizardPage(nullptr), m_wizard(wizard)
{
    setObjectName(QStringLiteral("onboardingPage:review"));
    auto* layout = new QVBoxLayout(this);
    m_statusLabel = makeLabel("review.status", this);
    layout->addWidget(m_statusLabel);
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("review.summary"));
    m_summary->setMinimumHeight(160);
    layout->addWidget(m_summary, 1);
    m_issues = makeLabel("review.issues", this);
    setState(m_issues, "error");
    m_issues->hide();
    layout->addWidget(m_issues);

    m_reasonsTitle = makeLabel("review.reasonsTitle", this);
    m_reasonsTitle->hide();
    layout->addWidget(m_reasonsTitle);
    m_reasons = new QWidget(this);
    m_reasons->setObjectName(QStringLiteral("review.reasons"));
    m_reasonsLayout = new QVBoxLayout(m_reasons);
    m_reasonsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reasons);

    auto* buttons = new QHBoxLayout;
    m_submit = new QPushButton(this);
    m_submit->setObjectName(QStringLiteral("review.submit"));
    m_submit->setProperty("primary", true);
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("review.refresh"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("review.cancel"));
    m_cancel->hide();
    buttons->addWidget(m_submit);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("review.progress"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_step = makeLabel("review.step", this);
    m_step->hide();
    layout->addWidget(m_step);
    m_message = makeLabel("review.message", this);
    setState(m_message, "error");
    m_message->hide();
    layout->addWidget(m_message);

    connect(m_submit, &QPushButton::clicked, this, &ReviewStep::submit);
    connect(m_cancel, &QPushButton::clicked, this, &ReviewStep::cancel);
    connect(m_refresh, &QPushButton::clicked, this, [this] { m_wizard.flow().refreshStatus(); });
    connect(&m_wizard.flow(), &activation::OnboardingFlow::progress, this, &ReviewStep::showProgress);
    connect(&m_wizard.flow(), &activation::OnboardingFlow::failed, this, &ReviewStep::showFailure);
    connect(&m_wizard, &OnboardingWizard::draftSaved, this, &ReviewStep::refreshSummary);
}

bool ReviewStep::isComplete() const
{
    return m_status == OnboardingStatus::Approved;
}

void ReviewStep::entered()
{
    refreshSummary();
}

void ReviewStep::applyStatus(OnboardingStatus status)
{
    const bool wasComplete = isComplete();
    m_status = status;
    if (status == OnboardingStatus::Submitting)
        setSubmitting(true);
    else if (m_submitting)
        setSubmitting(false);
    if (status != OnboardingStatus::Draft && status != OnboardingStatus::Submitting)
        m_message->hide();
    retranslateUi();
    refreshReasons();
    if (wasComplete != isComplete())
        Q_EMIT completeChanged();
}

void ReviewStep::retranslateUi()
{
    setTitle(tr("Review and submit"));
    setSubTitle(tr("Check the application, then submit it to the acquirer."));
    QString status;
    switch (m_status) {
    case OnboardingStatus::Draft: status = tr("Not submitted yet."); break;
    case OnboardingStatus::Submitting: status = tr("Submitting to the acquirer…"); break;
    case OnboardingStatus::Submitted: status = tr("Submitted. Waiting for the acquirer's review."); break;
    case OnboardingStatus::UnderReview: status = tr("The acquirer is reviewing the application."); break;
    case OnboardingStatus::Approved: status = tr("Approved. The terminal can now be activated."); break;
    case OnboardingStatus::Rejected:
        status = tr("Rejected. Correct what is listed below and submit again.");
        break;
    }
    m_statusLabel->setText(tr("Status: %1").arg(status));
    setState(m_statusLabel, m_status == OnboardingStatus::Approved   ? "ok"
                            : m_status == OnboardingStatus::Rejected ? "error"
                                                                     : "unknown");
    m_submit->setText(m_status == OnboardingStatus::Rejected ? tr("Submit again") : tr("Submit"));
    m_refresh->setText(tr("Check status"));
    m_cancel->setText(tr("Cancel submission"));
    m_reasonsTitle->setText(tr("What the acquirer asks to correct:"));
    refreshSummary();
    refreshReasons();
}

void ReviewStep::refreshSummary()
{
    const activation::OnboardingDraft& d = m_wizard.draft();
    const auto validity = [this](bool longTerm, const QDate& until) {
        return longTerm ? tr("long-term") : until.toString(Qt::ISODate);
    };
    const auto file = [this](const activation::Attachment& a) {
        return a.isEmpty() ? tr("none") : a.fileName;
    };
    QString mcc = d.merchant.mcc;
    for (const activation::MccEntry& entry : activation::mccCatalogue()) {
        if (entry.code == d.merchant.mcc)
            mcc = tr("%1 – %2").arg(entry.code, entry.description);
    }
    QStringList features;
    const QString featureNames[] = {tr("swipe"), tr("chip"),    tr("contactless"),
                                    tr("QR"),    tr("refunds"), tr("pre-authorisation")};
    for (activation::Feature f : d.features)
        features.append(featureNames[int(f)]);
    const QString address = QStringList{d.merchant.address.province, d.merchant.address.city,
                                        d.merchant.address.district, d.merchant.address.street}
                                .join(QLatin1Char(' '));
    const QStringList lines{
        tr("Merchant"),
        tr("  Registered name: %1").arg(d.merchant.registeredName),
        tr("  Shop name: %1").arg(d.merchant.shopName),
        tr("  Address: %1").arg(address),
        tr("  Contact: %1, %2").arg(d.merchant.contactName, d.merchant.mobile),
        tr("  Business category: %1").arg(mcc),
        tr("Business licence"),
        tr("  Unified social credit code: %1").arg(d.licence.uscc),
        tr("  Name: %1").arg(d.licence.name),
        tr("  Valid until: %1").arg(validity(d.licence.longTerm, d.licence.validUntil)),
        tr("  Scan: %1").arg(file(d.licence.scan)),
        tr("Tax registration"),
        tr("  Taxpayer type: %1")
            .arg(d.tax.taxpayerType == activation::TaxpayerType::General ? tr("general") : tr("small-scale")),
        tr("  Tax id: %1").arg(d.tax.taxId),
        tr("Legal representative"),
        tr("  Name: %1").arg(d.legal.name),
        tr("  ID number: %1")
            .arg(masked(d.legal.idNumber, LegalRepresentativeStep::idMaskKeepFirst,
                        LegalRepresentativeStep::idMaskKeepLast)),
        tr("  Valid until: %1").arg(validity(d.legal.idLongTerm, d.legal.idValidUntil)),
        tr("  ID scans: %1, %2").arg(file(d.legal.idFront), file(d.legal.idBack)),
        tr("Settlement account"),
        tr("  Type: %1")
            .arg(d.settlement.type == activation::AccountType::Personal ? tr("personal") : tr("corporate")),
        tr("  Account name: %1").arg(d.settlement.accountName),
        tr("  Account number: %1")
            .arg(masked(d.settlement.accountNumber, SettlementStep::accountMaskKeepFirst,
                        SettlementStep::accountMaskKeepLast)),
        tr("  Bank: %1, %2").arg(d.settlement.bank, d.settlement.branch),
        tr("Features: %1").arg(features.join(QStringLiteral(", "))),
        tr("Agreement: %1")
            .arg(d.agreement.isSigned()
                     ? tr("version %1 signed by %2, settlement %3")
                           .arg(d.agreement.version, d.agreement.signedName, d.agreement.settlementCycle)
                     : tr("not signed")),
    };
    m_summary->setPlainText(lines.join(QLatin1Char('\n')));

    const QList<activation::FieldIssue> issues =
        activation::validatePage(activation::OnboardingPage::Review, d, m_wizard.today());
    m_hasIssues = !issues.isEmpty();
    QStringList messages;
    for (const activation::FieldIssue& issue : issues)
        messages.append(issue.message);
    m_issues->setText(messages.join(QLatin1Char('\n')));
    m_issues->setVisible(m_hasIssues && m_wizard.isEditable());
    refreshButtons();
}

void ReviewStep::refreshReasons()
{
    while (QLayoutItem* item = m_reasonsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QList<activation::ReviewReason> reasons = m_status == OnboardingStatus::Rejected
                                                        ? m_wizard.flow().reasons()
                                                        : QList<activation::ReviewReason>{};
    m_reasonsTitle->setVisible(!reasons.isEmpty());
    for (const activation::ReviewReason& reason : reasons) {
        auto* row = new QWidget(m_reasons);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* text = new QLabel(reason.message, row);
        text->setObjectName(QStringLiteral("review.reason:") + reason.field);
        text->setWordWrap(true);
        text->setTextFormat(Qt::PlainText);
        auto* correct = new QPushButton(tr("Correct"), row);
        correct->setObjectName(QStringLiteral("review.correct:") + reason.field);
        const activation::OnboardingPage page = reason.page;
        connect(correct, &QPushButton::clicked, this, [this, page] { m_wizard.goToPage(page); });
        rowLayout->addWidget(text, 1);
        rowLayout->addWidget(correct);
        m_reasonsLayout->addWidget(row);
    }
}

void ReviewStep::refreshButtons()
{
    const bool canSubmit = m_status == OnboardingStatus::Draft || m_status == OnboardingStatus::Rejected;
    m_submit->setVisible(canSubmit);
    m_submit->setEnabled(canSubmit && !m_submitting && !m_hasIssues);
    m_refresh->setVisible(m_status == OnboardingStatus::Submitted ||
                          m_status == OnboardingStatus::UnderReview);
    m_cancel->setVisible(m_submitting);
}

void ReviewStep::submit()
{
    m_message->hide();
    setSubmitting(true);
    m_wizard.flow().submit();
}

void ReviewStep::cancel()
{
    m_wizard.flow().cancelSubmit();
    setSubmitting(false);
    m_message->setText(
        tr("Submission stopped. What was sent stays with the acquirer; submit again to continue."));
    setState(m_message, "unknown");
    m_message->show();
}

void ReviewStep::showProgress(int step, int steps, const QString& text)
{
    if (!m_submitting)
        setSubmitting(true);
    m_progress->setRange(0, std::max(1, steps));
    m_progress->setValue(std::clamp(step, 0, std::max(1, steps)));
    m_step->setText(text);
    m_step->show();
}

void ReviewStep::showFailure(const QString& message)
{
    setSubmitting(false);
    m_message->setText(message);
    setState(m_message, "error");
    m_message->show();
}

void ReviewStep::setSubmitting(bool submitting)
{
    m_submitting = submitting;
    m_progress->setVisible(submitting);
    if (submitting) {
        m_progress->setRange(0, 0); // busy until the first progress()
        m_step->clear();
    }
    m_step->setVisible(submitting && !m_step->text().isEmpty());
    refreshButtons();
}

} // namespace ui
} // namespace pos
