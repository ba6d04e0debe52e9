// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QString>

class QLabel;
class QPushButton;
class QWidget;

// Small shared helpers of the Activation page's panels.
namespace pos {
namespace ui {

// A word-wrapped label named objectName.
QLabel* makeLabel(QWidget* parent, const QString& objectName);
// A push button named objectName; primary: the theme's primary style.
QPushButton* makeButton(QWidget* parent, const QString& objectName, bool primary = false);
// Sets the theme's "state" property ("ok", "warn", "error", "unknown", or empty for none) and repolishes.
void setTone(QLabel* label, const QString& tone);
// "mm:ss" of elapsedMs (minutes beyond 99 keep counting).
QString elapsedText(qint64 elapsedMs);

} // namespace ui
} // namespace pos
