// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/activation/ActivationWidgets.h"

#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace pos {
namespace ui {

QLabel* makeLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

QPushButton* makeButton(QWidget* parent, const QString& objectName, bool primary)
{
    auto* button = new QPushButton(parent);
    button->setObjectName(objectName);
    if (primary)
        button->setProperty("primary", true);
    button->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    return button;
}

void setTone(QLabel* label, const QString& tone)
{
    if (label->property("state").toString() == tone)
        return;
    label->setProperty("state", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QString elapsedText(qint64 elapsedMs)
{
    const qint64 seconds = elapsedMs / 1000;
    return QStringLiteral("%1:%2")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace ui
} // namespace pos
