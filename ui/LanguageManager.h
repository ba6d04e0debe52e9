// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QLocale>
#include <QObject>
#include <QStringList>
#include <QTranslator>

namespace pos {
namespace ui {

// Installs the application's translation (embedded under :/i18n) and Qt's own, and switches language at
// run time: installing a translator posts QEvent::LanguageChange to every widget, which retranslates itself.
// Thread affinity: GUI thread. zh_CN is the primary language, en the second.
class LanguageManager final : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    static QStringList availableLanguages();
    // The language's own name ("简体中文", "English"), untranslated on purpose.
    static QString nativeName(const QString& language);
    // zh_CN for any Chinese locale and for locales we do not translate; en for English ones.
    static QString languageForLocale(const QLocale& locale);

    QString language() const { return m_language; }
    Result<> setLanguage(const QString& language);

Q_SIGNALS:
    void languageChanged(const QString& language);

private:
    void removeTranslators();

    QString m_language;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace ui
} // namespace pos
