// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QStringList>

class QCoreApplication;

namespace pos {
namespace sim {

// The whole pos-printer-sim process after the application object exists, shared with "pos-tool sim printer"
// (docs/printing.md, "Printer emulator"). Options: --tcp PORT (the default transport; 0 = ephemeral; --port
// also works) or --pty, --out DIR (default ./printer-jobs), --profile 58mm|80mm (default 80mm), --state
// paper-out|paper-near-end|cover-open|offline, --faults SPEC (PrinterEmulator.h), --baud N (consume at most
// N/10 bytes per second; 0 = unpaced), --parent-pid. The first stdout line says where it listens:
// "listening 127.0.0.1:PORT" or "listening pty /dev/pts/N"; then "job DIR/job-NNNN.bin BYTES" per finished
// job (with job-NNNN.png and job-NNNN.txt beside it) and the emulator's events ("state ...", "lost N",
// "fault ...", "drawer open"). Standard input takes control lines (PrinterEmulator::control). The PNG needs a
// QGuiApplication (see preparePrinterSimulatorPlatform); without one jobs are stored as .bin only.
// arguments[0] is the program name. Returns the exit code (SimulatorHost's codes).
int runPrinterSimulator(QCoreApplication& application, const QStringList& arguments);

// Call before constructing the QGuiApplication of a process that runs the printer simulator or renders
// receipts: selects the offscreen platform unless QT_QPA_PLATFORM is set, so no display is needed.
void preparePrinterRenderingPlatform();

} // namespace sim
} // namespace pos
