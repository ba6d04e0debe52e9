// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/LanguageManager.h"

#include "ui/UiLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace pos {
namespace ui {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent)
{}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QStringList LanguageManager::availableLanguages()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QString LanguageManager::nativeName(const QString& language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return language;
}

QString LanguageManager::languageForLocale(const QLocale& locale)
{
    if (locale.language() == QLocale::English)
        return QStringLiteral("en");
    return QStringLiteral("zh_CN");
}

Result<> LanguageManager::setLanguage(const QString& language)
{
    if (!availableLanguages().contains(language))
        return fail(ErrorCode::InvalidInput, tr("This language is not available."),
                    QStringLiteral("unknown language '%1'").arg(language));
    if (language == m_language)
        return {};

    QTranslator candidate;
    if (!candidate.load(QStringLiteral(":/i18n/pos_%1.qm").arg(language)))
        return fail(ErrorCode::NotFound, tr("The translation could not be loaded."),
                    QStringLiteral("missing :/i18n/pos_%1.qm").arg(language));

    removeTranslators();
    m_appInstalled = m_appTranslator.load(QStringLiteral(":/i18n/pos_%1.qm").arg(language)) &&
                     QCoreApplication::installTranslator(&m_appTranslator);
    // Qt's own catalogue (standard dialog buttons, context menus) is optional: Debian's
    // qt6-translations-l10n.
    m_qtInstalled = m_qtTranslator.load(QStringLiteral("qtbase_%1").arg(language),
                                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
                    QCoreApplication::installTranslator(&m_qtTranslator);
    if (!m_qtInstalled && language != QLatin1String("en"))
        qCInfo(lcUi) << "Qt's own translation for" << language << "is not installed";
    m_language = language;
    qCInfo(lcUi) << "language set to" << language;
    Q_EMIT languageChanged(language);
    return {};
}

void LanguageManager::removeTranslators()
{
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_appTranslator);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qtTranslator);
    m_appInstalled = m_qtInstalled = false;
}

} // namespace ui
} // namespace pos
