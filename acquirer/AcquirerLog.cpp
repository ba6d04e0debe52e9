// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/AcquirerLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcAcquirer, "pos.acquirer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAcquirerLink, "pos.acquirer.link", QtInfoMsg)
} // namespace pos
