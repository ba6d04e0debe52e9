// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool sim <action>: the simulators inside pos-tool.
//   acquirer [pos-acquirer-sim options]         runs the acquirer host simulator in this process (same code
//                                               and readiness lines as pos-acquirer-sim) until a signal or,
//                                               with --parent-pid, until stdin closes
//   acquirer-dump --data-dir DIR [--json]       prints the simulator's host ledger (host.db, opened
//                                               read-only): terminals, transactions, settlements, uploads,
//                                               faults, reversal tombstones and the JSON API's
//                                               merchants, applications, terminal keys and QR orders;
//                                               never keys, secrets or activation codes
//   pinpad [pos-pinpad-sim options]            runs the PIN pad emulator in this process
//   printer [pos-printer-sim options]          runs the receipt printer emulator in this process (main()
//                                               makes a QGuiApplication for it, see PrinterCommand.h)
// Exit codes: 0 success, 1 the ledger could not be read, 2 usage error. acquirer: the simulator's codes.
class SimCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("sim"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Run the acquirer host simulator or the device emulators; dump the host ledger");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
