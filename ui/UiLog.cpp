// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "ui/UiLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcUi, "pos.ui", QtInfoMsg)
} // namespace pos
