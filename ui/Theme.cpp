// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/Theme.h"

#include "ui/UiLog.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QStyleFactory>

namespace pos {
namespace ui {

void applyTheme(QApplication& application)
{
    application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    // Simplified Chinese first; the first family that is installed wins for CJK glyphs and the rest are
    // fallbacks. Latin text uses the same families, which all carry Latin glyphs.
    const QStringList preferred = {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                                   QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Microsoft YaHei"),
                                   QStringLiteral("PingFang SC")};
    const QStringList installed = QFontDatabase::families();
    QStringList families;
    for (const QString& family : preferred) {
        if (installed.contains(family))
            families.append(family);
    }
    if (families.isEmpty())
        qCWarning(lcUi) << "no CJK font found; Chinese text may not render (install fonts-wqy-microhei)";
    QFont font = application.font();
    if (!families.isEmpty())
        font.setFamilies(families);
    font.setPixelSize(14);
    application.setFont(font);

    QFile styleSheet(QStringLiteral(":/theme/pos.qss"));
    if (styleSheet.open(QIODevice::ReadOnly | QIODevice::Text))
        application.setStyleSheet(QString::fromUtf8(styleSheet.readAll()));
    else
        qCWarning(lcUi) << "style sheet missing from resources";
}

} // namespace ui
} // namespace pos
