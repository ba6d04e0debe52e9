// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/OnboardingWizard.h"

#include "ui/onboarding/AgreementStep.h"
#include "ui/onboarding/FeaturesStep.h"
#include "ui/onboarding/LegalRepresentativeStep.h"
#include "ui/onboarding/LicenceStep.h"
#include "ui/onboarding/MerchantStep.h"
#include "ui/onboarding/ReviewStep.h"
#include "ui/onboarding/SettlementStep.h"
#include "ui/onboarding/TaxStep.h"

#include <QEvent>

namespace pos {
namespace ui {

using activation::OnboardingPage;
using activation::OnboardingStatus;

OnboardingWizard::~OnboardingWizard()
{
    for (WizardFormPage* page : std::as_const(m_formPages)) {
        if (page)
            page->stopWatchingFocus();
    }
}

OnboardingWizard::OnboardingWizard(activation::OnboardingFlow& flow, TodayFunction today, QWidget* parent)
    : QWizard(parent)
    , m_flow(flow)
    , m_today(std::move(today))
    , m_draft(flow.draft())
{
    setObjectName(QStringLiteral("onboardingWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveFinishButtonOnEarlyPages, false);
    m_formPages = {new MerchantStep(*this),   new LicenceStep(*this),
                   new TaxStep(*this),        new LegalRepresentativeStep(*this),
                   new SettlementStep(*this), new FeaturesStep(*this),
                   new AgreementStep(*this)};
    for (WizardFormPage* page : std::as_const(m_formPages)) {
        setPage(int(page->page()), page);
        page->loadDraft(m_draft);
    }
    m_review = new ReviewStep(*this);
    setPage(int(OnboardingPage::Review), m_review);
    setStartId(int(OnboardingPage::Merchant));

    connect(this, &QWizard::currentIdChanged, this, &OnboardingWizard::pageChanged);
    connect(&m_flow, &activation::OnboardingFlow::statusChanged, this, &OnboardingWizard::applyStatus);
    retranslateUi();
    applyStatus(m_flow.status());

    restart();
    goToPage(m_flow.resumePage());
}

QDate OnboardingWizard::today() const
{
    return m_today ? m_today() : QDate::currentDate();
}

void OnboardingWizard::setSavedDraft(const activation::OnboardingDraft& draft)
{
    m_draft = draft;
    Q_EMIT draftSaved();
}

WizardFormPage* OnboardingWizard::formPage(OnboardingPage page) const
{
    const int index = int(page);
    return index >= 0 && index < m_formPages.size() ? m_formPages.at(index) : nullptr;
}

bool OnboardingWizard::isEditable() const
{
    const OnboardingStatus status = m_flow.status();
    return status == OnboardingStatus::Draft || status == OnboardingStatus::Rejected;
}

void OnboardingWizard::goToPage(OnboardingPage page)
{
    const int target = int(page);
    if (currentId() == target || !pageIds().contains(target))
        return;
    if (visitedIds().contains(target)) {
        while (currentId() != target && currentId() != -1)
            back();
        return;
    }
    m_fastForwarding = true;
    while (currentId() != -1 && currentId() < target) {
        const int before = currentId();
        next();
        if (currentId() == before)
            break;
    }
    m_fastForwarding = false;
    pageChanged(currentId());
}

void OnboardingWizard::pageChanged(int id)
{
    if (m_fastForwarding || id < 0)
        return;
    if (WizardFormPage* page = formPage(static_cast<OnboardingPage>(id)))
        page->entered();
    else if (id == int(OnboardingPage::Review))
        m_review->entered();
}

void OnboardingWizard::applyStatus(OnboardingStatus status)
{
    const bool readOnly = !(status == OnboardingStatus::Draft || status == OnboardingStatus::Rejected);
    QHash<QString, QString> reasons;
    if (status == OnboardingStatus::Rejected) {
        for (const activation::ReviewReason& reason : m_flow.reasons())
            reasons.insert(reason.field, reason.message);
    }
    for (WizardFormPage* page : std::as_const(m_formPages)) {
        page->setReadOnly(readOnly);
        page->showReasons(reasons);
    }
    m_review->applyStatus(status);
}

void OnboardingWizard::retranslateUi()
{
    setWindowTitle(tr("Merchant onboarding"));
    for (WizardFormPage* page : std::as_const(m_formPages)) {
        page->retranslateUi();
        page->revalidate(); // the issue messages are translated when made
    }
    m_review->retranslateUi();
}

void OnboardingWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

} // namespace ui
} // namespace pos
