// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QString>

namespace pos {
namespace ui {

// Facts about this running instance that the shell shows (Settings page, window title).
struct ShellInfo
{
    QString version;
    QString dataDirectory;
    QString logFile;
    bool demoMode = false;
};

} // namespace ui
} // namespace pos
