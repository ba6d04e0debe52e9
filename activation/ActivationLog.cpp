// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/ActivationLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcActivation, "pos.activation", QtInfoMsg)
} // namespace pos
