// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/SimulatorLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcSim, "pos.sim", QtInfoMsg)
} // namespace pos
