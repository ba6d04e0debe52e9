// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingFlow.h"

#include <QDate>
#include <QWizard>

#include <functional>

namespace pos {
namespace ui {

class ReviewStep;
class WizardFormPage;

// The merchant onboarding wizard (商户进件, product.md §2): Merchant, Licence, Tax, Legal representative,
// Settlement, Features, Agreement, Review & submit; page ids are int(activation::OnboardingPage).
//
// The wizard edits a copy of flow.draft() and never blocks: every page is persisted with flow.savePage()
// before Next advances (WizardFormPage), the agreement is fetched when its page is entered, submission runs
// in the flow. It starts at flow.resumePage() with every page filled from the draft, Back reaching the
// earlier pages. While the status is Submitting/Submitted/UnderReview/Approved the form pages are read-only;
// Rejected makes them editable again and shows the acquirer's reasons under their fields.
//
// The flow is not owned and must outlive the wizard. today gives the date for validity and birth-date checks
// (QDate::currentDate when empty).
class OnboardingWizard final : public QWizard
{
    Q_OBJECT

public:
    using TodayFunction = std::function<QDate()>;

    explicit OnboardingWizard(activation::OnboardingFlow& flow,
                              TodayFunction today = {},
                              QWidget* parent = nullptr);
    // Stops the pages' focus watchers first: ~QDialog hides the window, which takes the focus from the
    // focused field after this class is gone (a watcher's fieldLeft() would then call into a half-destroyed
    // wizard).
    ~OnboardingWizard() override;

    activation::OnboardingFlow& flow() const { return m_flow; }
    QDate today() const;
    // The draft as last saved by a page (the pages validate their widgets against it).
    const activation::OnboardingDraft& draft() const { return m_draft; }
    // A page's save completed: draft is what was saved.
    void setSavedDraft(const activation::OnboardingDraft& draft);

    // Shows page: back through the visited pages, or forward without saving (resume, "Correct").
    void goToPage(activation::OnboardingPage page);
    bool isFastForwarding() const { return m_fastForwarding; }
    WizardFormPage* formPage(activation::OnboardingPage page) const;
    ReviewStep* reviewStep() const { return m_review; }
    // The status allows editing (Draft or Rejected).
    bool isEditable() const;

    void retranslateUi();

Q_SIGNALS:
    void draftSaved();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyStatus(activation::OnboardingStatus status);
    void pageChanged(int id);

    activation::OnboardingFlow& m_flow;
    TodayFunction m_today;
    activation::OnboardingDraft m_draft;
    QList<WizardFormPage*> m_formPages; // index = int(OnboardingPage)
    ReviewStep* m_review = nullptr;
    bool m_fastForwarding = false;
};

} // namespace ui
} // namespace pos
