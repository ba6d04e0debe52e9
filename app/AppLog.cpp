// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/AppLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcApp, "pos.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "pos.demo", QtInfoMsg)
} // namespace pos
