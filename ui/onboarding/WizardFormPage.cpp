// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/onboarding/WizardFormPage.h"

#include "activation/OnboardingFlow.h"
#include "core/validation/ValidationResult.h"
#include "ui/onboarding/AttachmentPicker.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QStyle>
#include <QVBoxLayout>

namespace pos {
namespace ui {
namespace {

// Reasons that only say "nothing entered yet": not shown for an untouched field before Next.
bool isEmptyReason(const QString& reasonKey)
{
    return reasonKey == QLatin1String("empty") || reasonKey == QLatin1String("required") ||
           reasonKey == QLatin1String("no_tender") || reasonKey == QLatin1String("not_signed");
}

void setState(QLabel* label, const char* state)
{
    label->setProperty("state", QString::fromLatin1(state));
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QLabel* makeIssueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    setState(label, "error");
    label->hide();
    return label;
}

// Forwards focus-out of an input as "the user left the field".
class FocusOutWatcher final : public QObject
{
public:
    FocusOutWatcher(QObject* parent, std::function<void()> left) : QObject(parent), m_left(std::move(left)) {}

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::FocusOut)
            m_left();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_left;
};

} // namespace

WizardFormPage::WizardFormPage(activation::OnboardingPage page, OnboardingWizard& wizard)
    : QWizardPage(nullptr)
    , m_page(page)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("onboardingPage:") + activation::onboardingPageKey(page));
    m_layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_layout->addLayout(m_form);
    m_pageIssue = makeIssueLabel(QStringLiteral("issue:page"), this);
    m_layout->addWidget(m_pageIssue);
    m_saveLabel = new QLabel(this);
    m_saveLabel->setObjectName(QStringLiteral("saveStatusLabel"));
    m_saveLabel->setWordWrap(true);
    m_saveLabel->hide();
    m_layout->addWidget(m_saveLabel);
    m_layout->addStretch(1);
}

WizardFormPage::~WizardFormPage()
{
    stopWatchingFocus();
}

void WizardFormPage::stopWatchingFocus()
{
    for (const QPointer<QObject>& watcher : std::as_const(m_focusWatchers))
        delete watcher.data();
    m_focusWatchers.clear();
}

void WizardFormPage::loadDraft(const activation::OnboardingDraft& draft)
{
    m_loading = true;
    load(draft);
    m_loading = false;
    m_touched.clear();
    m_showAll = false;
    revalidate();
}

void WizardFormPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    applyReadOnly(readOnly);
    Q_EMIT completeChanged();
}

void WizardFormPage::applyReadOnly(bool readOnly)
{
    for (QWidget* input : std::as_const(m_inputs)) {
        if (input)
            input->setEnabled(!readOnly);
    }
}

void WizardFormPage::showReasons(const QHash<QString, QString>& reasons)
{
    m_reasons.clear();
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
        if (activation::pageForField(it.key()) == m_page)
            m_reasons.insert(it.key(), it.value());
    }
    revalidate();
}

QList<activation::FieldIssue> WizardFormPage::currentIssues() const
{
    activation::OnboardingDraft draft = m_wizard.draft();
    apply(draft);
    return activation::validatePage(m_page, draft, m_wizard.today());
}

bool WizardFormPage::isComplete() const
{
    if (m_readOnly)
        return true;
    return !m_saving && m_issues.isEmpty();
}

void WizardFormPage::initializePage()
{
    // The widgets keep what was loaded or typed; QWizardPage's default would reset registered fields.
    revalidate();
}

bool WizardFormPage::validatePage()
{
    if (m_readOnly || m_wizard.isFastForwarding())
        return true;
    if (m_saved) {
        m_saved = false;
        return true;
    }
    if (m_saving)
        return false;
    m_showAll = true;
    revalidate();
    if (!m_issues.isEmpty())
        return false;

    activation::OnboardingDraft draft = m_wizard.draft();
    apply(draft);
    draft.lastCompletedPage = std::max(draft.lastCompletedPage, int(m_page));
    m_saving = true;
    m_saveLabel->setText(tr("Saving…"));
    setState(m_saveLabel, "unknown");
    m_saveLabel->show();
    Q_EMIT completeChanged();
    QPointer<WizardFormPage> self(this);
    m_wizard.flow().savePage(m_page, draft, [self, draft](Result<void> result) {
        if (!self)
            return;
        if (result)
            self->m_wizard.setSavedDraft(draft);
        self->finishSave(result.hasValue(), result ? QString() : result.error().userMessage);
    });
    return false;
}

void WizardFormPage::finishSave(bool ok, const QString& message)
{
    m_saving = false;
    if (!ok) {
        m_saveLabel->setText(message.isEmpty() ? tr("The page could not be saved.") : message);
        setState(m_saveLabel, "error");
        m_saveLabel->show();
        Q_EMIT completeChanged();
        return;
    }
    m_saveLabel->hide();
    Q_EMIT completeChanged();
    if (m_wizard.currentPage() == this) {
        m_saved = true;
        m_wizard.next();
        m_saved = false;
    }
}

QWidget* WizardFormPage::watchField(const QString& fieldPath, QWidget* input)
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    if (input) {
        layout->addWidget(input);
        m_inputs.insert(fieldPath, input);
        connectInput(fieldPath, input);
    }
    QLabel* issue = makeIssueLabel(QStringLiteral("issue:") + fieldPath, box);
    layout->addWidget(issue);
    m_issueLabels.insert(fieldPath, issue);
    return box;
}

QLabel* WizardFormPage::addFieldRow(const QString& fieldPath, QWidget* input)
{
    if (input && input->objectName().isEmpty())
        input->setObjectName(fieldPath);
    auto* caption = new QLabel(this);
    caption->setObjectName(QStringLiteral("caption:") + fieldPath);
    m_form->addRow(caption, watchField(fieldPath, input));
    if (input)
        caption->setBuddy(input);
    return caption;
}

namespace {
const QDate noDate(2000, 1, 1);
} // namespace

QDateEdit* WizardFormPage::makeDateEdit()
{
    auto* edit = new QDateEdit(this);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(noDate);
    edit->setMaximumDate(QDate(2199, 12, 31));
    edit->setSpecialValueText(QStringLiteral(" "));
    edit->setDate(noDate);
    return edit;
}

QDate WizardFormPage::dateOf(const QDateEdit* edit)
{
    return edit->date() == noDate ? QDate() : edit->date();
}

void WizardFormPage::setDateOf(QDateEdit* edit, const QDate& date)
{
    edit->setDate(date.isValid() && date > noDate ? date : noDate);
}

QString WizardFormPage::normalizedIfValid(const validation::ValidationResult& result, const QString& typed)
{
    return result.valid ? result.normalized : typed;
}

QLineEdit* WizardFormPage::addLineEdit(const QString& fieldPath, QLabel** caption)
{
    auto* edit = new QLineEdit(this);
    QLabel* label = addFieldRow(fieldPath, edit);
    if (caption)
        *caption = label;
    return edit;
}

void WizardFormPage::connectInput(const QString& fieldPath, QWidget* input)
{
    const auto edited = [this, fieldPath] {
        if (!m_loading)
            fieldEdited(fieldPath);
    };
    if (auto* line = qobject_cast<QLineEdit*>(input))
        connect(line, &QLineEdit::textEdited, this, edited);
    else if (auto* combo = qobject_cast<QComboBox*>(input))
        connect(combo, &QComboBox::currentIndexChanged, this, edited);
    else if (auto* button = qobject_cast<QAbstractButton*>(input))
        connect(button, &QAbstractButton::toggled, this, edited);
    else if (auto* date = qobject_cast<QDateEdit*>(input))
        connect(date, &QDateEdit::dateChanged, this, edited);
    else if (auto* picker = qobject_cast<AttachmentPicker*>(input))
        connect(picker, &AttachmentPicker::attachmentChanged, this, edited);
    auto* watcher = new FocusOutWatcher(input, [this, fieldPath] { fieldLeft(fieldPath); });
    input->installEventFilter(watcher);
    m_focusWatchers.append(watcher);
}

void WizardFormPage::fieldEdited(const QString& fieldPath)
{
    m_touched.insert(fieldPath);
    m_reasons.remove(fieldPath);
    revalidate();
}

void WizardFormPage::fieldLeft(const QString& fieldPath)
{
    if (m_loading || m_touched.contains(fieldPath))
        return;
    m_touched.insert(fieldPath);
    revalidate();
}

void WizardFormPage::revalidate()
{
    const bool wasComplete = isComplete();
    m_issues = currentIssues();
    QHash<QString, QStringList> shown;
    for (auto it = m_reasons.cbegin(); it != m_reasons.cend(); ++it)
        shown[it.key()].append(it.value());
    for (const activation::FieldIssue& issue : std::as_const(m_issues)) {
        if (m_showAll || m_touched.contains(issue.field) || !isEmptyReason(issue.reasonKey))
            shown[issue.field].append(issue.message);
    }
    QStringList general;
    for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
        if (!m_issueLabels.contains(it.key()))
            general.append(it.value());
    }
    for (auto it = m_issueLabels.cbegin(); it != m_issueLabels.cend(); ++it) {
        const QStringList messages = shown.value(it.key());
        it.value()->setText(messages.join(QLatin1Char('\n')));
        it.value()->setVisible(!messages.isEmpty());
    }
    m_pageIssue->setText(general.join(QLatin1Char('\n')));
    m_pageIssue->setVisible(!general.isEmpty());
    if (wasComplete != isComplete())
        Q_EMIT completeChanged();
}

} // namespace ui
} // namespace pos
