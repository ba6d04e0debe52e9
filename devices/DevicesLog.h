// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QLoggingCategory>

// Logging categories of devices/. Enable with QT_LOGGING_RULES="pos.devices*.debug=true".
namespace pos {
Q_DECLARE_LOGGING_CATEGORY(lcDevices)
Q_DECLARE_LOGGING_CATEGORY(lcPrinter)
Q_DECLARE_LOGGING_CATEGORY(lcPinPad)
Q_DECLARE_LOGGING_CATEGORY(lcScanner)
Q_DECLARE_LOGGING_CATEGORY(lcUsb)
} // namespace pos
