// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

namespace pos {
namespace sim {

// The whole pos-pinpad-sim process after QCoreApplication exists, shared with "pos-tool sim pinpad":
// options --tcp (default; --port N, 0 = ephemeral) or --pty, --script FILE (the scripted cardholder,
// PinPadEmulator.h), --faults SPEC, --data-dir DIR (device key and TMK kept there), --key-algorithm RSA|SM2
// (default RSA), --parent-pid. The first stdout line says where it listens: "listening 127.0.0.1:PORT" or
// "listening pty /dev/pts/N". arguments[0] is the program name. Returns the exit code (SimulatorHost's
// codes).
//
// --window: the cardholder acts in a customer window instead of the script. makeWindow builds (and shows) it;
// pos-pinpad-sim passes one when it runs a QApplication (a display or QT_QPA_PLATFORM is there). Without
// makeWindow (pos-tool has no widgets, or there is no display) --window only logs a warning and the scripted
// cardholder answers.
class Cardholder;
using CardholderWindowFactory = std::function<std::unique_ptr<Cardholder>()>;
int runPinPadSimulator(QCoreApplication& application,
                       const QStringList& arguments,
                       const CardholderWindowFactory& makeWindow = {});

// True when arguments ask for --window and this process can show one (DISPLAY, WAYLAND_DISPLAY or
// QT_QPA_PLATFORM set): main() then creates a QApplication instead of a QCoreApplication.
bool canShowCustomerWindow(int argc, const char* const* argv);

} // namespace sim
} // namespace pos
