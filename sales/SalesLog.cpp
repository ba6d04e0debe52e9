// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "sales/SalesLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcSales, "pos.sales", QtInfoMsg)
} // namespace pos
