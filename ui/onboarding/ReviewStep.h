// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingFlow.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace pos {
namespace ui {

class OnboardingWizard;

// Review & submit page: the saved application summarised with personal data masked ("review.summary": ID
// number maskMiddle(3, 4), account number maskMiddle(6, 4), scans by file name only), the status line
// ("review.status", from statusChanged), Submit ("review.submit"; resubmits after a rejection; disabled while
// any page has an issue, listed in "review.issues"), a progress bar and step text from progress()
// ("review.progress", "review.step") with Cancel ("review.cancel" → cancelSubmit) while submitting, the
// failure message ("review.message"), and the rejection reasons, each with a Correct button
// ("review.correct:<field path>") that shows the page of the field. Finish is enabled once approved.
class ReviewStep final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReviewStep(OnboardingWizard& wizard);

    void applyStatus(activation::OnboardingStatus status);
    void entered();
    void retranslateUi();
    bool isComplete() const override;

private:
    void refreshSummary();
    void refreshReasons();
    void refreshButtons();
    void submit();
    void cancel();
    void showProgress(int step, int steps, const QString& text);
    void showFailure(const QString& message);
    void setSubmitting(bool submitting);

    OnboardingWizard& m_wizard;
    activation::OnboardingStatus m_status = activation::OnboardingStatus::Draft;
    QTextBrowser* m_summary = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_issues = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_refresh = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_step = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_reasonsTitle = nullptr;
    QWidget* m_reasons = nullptr;
    QVBoxLayout* m_reasonsLayout = nullptr;
    bool m_submitting = false;
    bool m_hasIssues = false;
};

} // namespace ui
} // namespace pos
