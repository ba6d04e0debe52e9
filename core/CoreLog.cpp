// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/CoreLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcCore, "pos.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCrypto, "pos.crypto", QtInfoMsg)
} // namespace pos
