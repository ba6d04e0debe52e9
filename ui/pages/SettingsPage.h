// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "ui/ShellInfo.h"
#include "ui/pages/Page.h"

class QComboBox;
class QFormLayout;
class QLabel;

namespace pos {
namespace ui {

class LanguageManager;

// Shop-level settings. Language switches at once, without a restart.
class SettingsPage final : public Page
{
    Q_OBJECT
public:
    SettingsPage(LanguageManager* languages, const ShellInfo& info, QWidget* parent = nullptr);

protected:
    void retranslateUi() override;

private:
    void syncLanguageCombo();

    LanguageManager* m_languages;
    ShellInfo m_info;
    QFormLayout* m_form;
    QComboBox* m_languageCombo;
    QLabel* m_dataDirectory;
    QLabel* m_logFile;
    QLabel* m_version;
    QLabel* m_mode;
};

} // namespace ui
} // namespace pos
