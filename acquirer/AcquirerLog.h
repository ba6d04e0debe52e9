// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QLoggingCategory>

// Logging categories of acquirer/. Enable with QT_LOGGING_RULES="pos.acquirer*.debug=true".
namespace pos {
Q_DECLARE_LOGGING_CATEGORY(lcAcquirer)
Q_DECLARE_LOGGING_CATEGORY(lcAcquirerLink)
} // namespace pos
