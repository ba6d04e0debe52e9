// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/pages/SettingsPage.h"

#include "ui/LanguageManager.h"
#include "ui/ShellText.h"
#include "ui/UiLog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace pos {
namespace ui {

SettingsPage::SettingsPage(LanguageManager* languages, const ShellInfo& info, QWidget* parent)
    : Page(PageId::Settings, parent)
    , m_languages(languages)
    , m_info(info)
{
    QFrame* card = addCard(QStringLiteral("settingsCard"));
    m_form = new QFormLayout();
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setVerticalSpacing(10);
    static_cast<QVBoxLayout*>(card->layout())->addLayout(m_form);

    m_languageCombo = new QComboBox(card);
    m_languageCombo->setObjectName(QStringLiteral("languageComboBox"));
    m_languageCombo->setMaximumWidth(320);
    for (const QString& language : LanguageManager::availableLanguages())
        m_languageCombo->addItem(LanguageManager::nativeName(language), language);
    m_dataDirectory = new QLabel(card);
    m_dataDirectory->setObjectName(QStringLiteral("dataDirectoryLabel"));
    m_dataDirectory->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_logFile = new QLabel(card);
    m_logFile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_version = new QLabel(card);
    m_mode = new QLabel(card);
    for (int row = 0; row < 5; ++row)
        m_form->addRow(new QLabel(card), static_cast<QWidget*>(nullptr));
    m_form->setWidget(0, QFormLayout::FieldRole, m_languageCombo);
    m_form->setWidget(1, QFormLayout::FieldRole, m_dataDirectory);
    m_form->setWidget(2, QFormLayout::FieldRole, m_logFile);
    m_form->setWidget(3, QFormLayout::FieldRole, m_version);
    m_form->setWidget(4, QFormLayout::FieldRole, m_mode);

    connect(m_languageCombo, &QComboBox::activated, this, [this](int index) {
        const Result<> changed = m_languages->setLanguage(m_languageCombo->itemData(index).toString());
        if (!changed) {
            qCWarning(lcUi) << "language switch failed:" << changed.error().detail;
            syncLanguageCombo();
        }
    });
    connect(m_languages, &LanguageManager::languageChanged, this, &SettingsPage::syncLanguageCombo);
    syncLanguageCombo();
    retranslateUi();
}

void SettingsPage::retranslateUi()
{
    setTexts(ShellText::pageTitle(PageId::Settings), tr("Language, data location and this installation."));
    const QString labels[] = {tr("Language"), tr("Data directory"), tr("Log file"), tr("Version"),
                              tr("Mode")};
    for (int row = 0; row < 5; ++row)
        static_cast<QLabel*>(m_form->itemAt(row, QFormLayout::LabelRole)->widget())->setText(labels[row]);
    m_dataDirectory->setText(m_info.dataDirectory);
    m_logFile->setText(m_info.logFile);
    m_version->setText(m_info.version);
    m_mode->setText(m_info.demoMode ? tr("Demo (local simulators, no real money moves)") : tr("Production"));
}

void SettingsPage::syncLanguageCombo()
{
    const int index = m_languageCombo->findData(m_languages->language());
    if (index >= 0)
        m_languageCombo->setCurrentIndex(index);
}

} // namespace ui
} // namespace pos
