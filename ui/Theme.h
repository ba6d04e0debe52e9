// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

class QApplication;

namespace pos {
namespace ui {

// Applies the application look: Fusion style, a CJK-capable font family, and the style sheet
// :/theme/pos.qss (touch-sized targets of at least 44 px). Call once, on the GUI thread, before showing
// windows.
void applyTheme(QApplication& application);

} // namespace ui
} // namespace pos
