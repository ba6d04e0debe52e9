// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "activation/OnboardingDraft.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWizardPage>

class QFormLayout;
class QDateEdit;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace pos {
namespace validation {
struct ValidationResult;
} // namespace validation

namespace ui {

class OnboardingWizard;

// One form page of the onboarding wizard (product.md §2). A subclass builds its inputs, declares each input's
// contract field path with watchField(), and moves values between its widgets and the draft (load, apply).
//
// Inline validation: after every edit the page copies the wizard's draft, applies its widgets and runs
// activation::validatePage() for its page; each issue's message goes to the QLabel "issue:<field path>" under
// the field (a page-level label "issue:page" takes issues of paths without one). An issue of an empty field
// is only shown once the field was touched (edited, left, loaded with a value) or Next was pressed;
// isComplete() is false while any issue exists, shown or not. The acquirer's rejection reasons for the page's
// fields are shown the same way until that field is edited (they do not block Next: the correction may be
// elsewhere).
//
// Next: validatePage() starts OnboardingFlow::savePage() and answers false; when the save completes the page
// asks the wizard to advance, on failure it shows the message and stays. While the application is with the
// acquirer the page is read-only and Next just advances.
class WizardFormPage : public QWizardPage
{
    Q_OBJECT

public:
    WizardFormPage(activation::OnboardingPage page, OnboardingWizard& wizard);
    // Stops the focus-out watchers first: a focused input loses its focus when QWidget deletes the children,
    // after this page's members are gone.
    ~WizardFormPage() override;
    // Deletes the focus-out watchers (leaving a field no longer revalidates it). The wizard calls it as it is
    // destroyed, before its window is hidden.
    void stopWatchingFocus();

    activation::OnboardingPage page() const { return m_page; }

    // Fills the widgets from draft (no validation messages for untouched empty fields).
    void loadDraft(const activation::OnboardingDraft& draft);
    // Writes the page's widgets into draft; the rest of draft is untouched.
    virtual void apply(activation::OnboardingDraft& draft) const = 0;
    // The application is with the acquirer: inputs disabled, Next does not save.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // Shows the acquirer's rejection reasons (fieldPath → message) of this page's fields.
    void showReasons(const QHash<QString, QString>& reasons);
    // The issues of the page's current widgets, shown or not.
    QList<activation::FieldIssue> currentIssues() const;
    // Re-runs validation of the page's widgets and updates the issue labels and isComplete().
    void revalidate();
    // The wizard made this page current (not while fast-forwarding to a resumed page).
    virtual void entered() {}
    virtual void retranslateUi() = 0;

    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;

protected:
    virtual void load(const activation::OnboardingDraft& draft) = 0;
    virtual void applyReadOnly(bool readOnly);

    // Registers input as the editor of fieldPath: its edits revalidate; returns a container with the input
    // and the field's issue label, to put into the page's layout. input may be null (issues-only field).
    QWidget* watchField(const QString& fieldPath, QWidget* input);
    // watchField() plus a form row with a caption label (returned, for retranslateUi). An input without an
    // objectName is named fieldPath.
    QLabel* addFieldRow(const QString& fieldPath, QWidget* input);
    // A date edit whose lowest date stands for "no date" (shown blank).
    QDateEdit* makeDateEdit();
    static QDate dateOf(const QDateEdit* edit);
    static void setDateOf(QDateEdit* edit, const QDate& date);
    // The validator's normalised form when valid (what is stored), else the text as typed.
    static QString normalizedIfValid(const validation::ValidationResult& result, const QString& typed);
    // A line edit named fieldPath in a new row.
    QLineEdit* addLineEdit(const QString& fieldPath, QLabel** caption);
    // An extra issue label without input, e.g. for a field shown by another widget.
    QLabel* issueLabel(const QString& fieldPath) const { return m_issueLabels.value(fieldPath); }
    // Marks fieldPath edited by the user (clears its rejection reason) and revalidates.
    void fieldEdited(const QString& fieldPath);
    void fieldLeft(const QString& fieldPath);
    // A form layout in a card of the page, with the page's general issue and save labels below it.
    QFormLayout* formLayout() const { return m_form; }
    QVBoxLayout* pageLayout() const { return m_layout; }
    OnboardingWizard& wizard() const { return m_wizard; }
    bool isLoading() const { return m_loading; }

private:
    void connectInput(const QString& fieldPath, QWidget* input);
    void finishSave(bool ok, const QString& message);

    activation::OnboardingPage m_page;
    OnboardingWizard& m_wizard;
    QVBoxLayout* m_layout = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_pageIssue = nullptr;
    QLabel* m_saveLabel = nullptr;
    QHash<QString, QLabel*> m_issueLabels;
    QHash<QString, QWidget*> m_inputs;
    QSet<QString> m_touched;
    QList<QPointer<QObject>> m_focusWatchers; // children of their inputs; deleted first by the destructor
    QHash<QString, QString> m_reasons;
    QList<activation::FieldIssue> m_issues;
    bool m_showAll = false;
    bool m_loading = false;
    bool m_readOnly = false;
    bool m_saving = false;
    bool m_saved = false; // the save of the current Next completed: the next validatePage() lets it pass
};

} // namespace ui
} // namespace pos
