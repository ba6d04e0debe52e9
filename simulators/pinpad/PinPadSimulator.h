// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace pos {
namespace sim {

// The whole pos-pinpad-sim process after QCoreApplication exists, shared with "pos-tool sim pinpad":
// options --tcp (default; --port N, 0 = ephemeral) or --pty, --script FILE (the scripted cardholder,
// PinPadEmulator.h), --faults SPEC, --data-dir DIR (device key and TMK kept there), --key-algorithm RSA|SM2
// (default RSA), --parent-pid. The first stdout line says where it listens: "listening 127.0.0.1:PORT" or
// "listening pty /dev/pts/N". arguments[0] is the program name. Returns the exit code (SimulatorHost's
// codes).
int runPinPadSimulator(QCoreApplication& application, const QStringList& arguments);

} // namespace sim
} // namespace pos
