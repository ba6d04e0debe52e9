// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/DevicesLog.h"

namespace pos {
Q_LOGGING_CATEGORY(lcDevices, "pos.devices", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPrinter, "pos.devices.printer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPinPad, "pos.devices.pinpad", QtInfoMsg)
Q_LOGGING_CATEGORY(lcScanner, "pos.devices.scanner", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUsb, "pos.devices.usb", QtInfoMsg)
} // namespace pos
