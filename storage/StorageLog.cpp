// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/StorageLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcStorage, "pos.storage", QtInfoMsg)
} // namespace pos
