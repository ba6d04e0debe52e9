// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/CliLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcCli, "pos.cli", QtInfoMsg)
} // namespace pos
