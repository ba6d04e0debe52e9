// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool printer test --device ID [--profile 58mm|80mm|ID] [--timeout-ms MS] [--json]
// Prints the sample receipt (Chinese and English text, QR, barcode, logo) through the print-job driver on the
// printer at ID (serial:…, usb:…, tcp:…): status before, the job, status after. Exit 0 printed, 1 not (the
// reason: paper out, cover open, no answer, …), 2 usage error. With --json one object: {"ok": true, "device",
// "profile", "bytes", "status": {...}} or {"ok": false, "error", "code", "detail", "status"}. Runs the
// application's event loop; needs a QCoreApplication.
int runPrinterTest(const QStringList& arguments, CommandIo& io);

} // namespace cli
} // namespace pos
