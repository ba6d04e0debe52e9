// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool printer <action>: receipt printer tools.
//   render --in FILE.bin --png OUT.png --text OUT.txt [--profile 58mm|80mm] [--json]
//          draws ESC/POS bytes as the printer emulator does (simulators/printer/ReceiptRasterizer.h); needs
//          the QGuiApplication main() creates for this action (needsGuiApplication)
// Exit codes: 0 rendered (also when the bytes decoded only partly: a warning names the error), 1 the input
// could not be read or the output written, 2 usage.
class PrinterCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("printer"); }
    QString summary() const override { return QStringLiteral("Receipt printer tools: render ESC/POS bytes"); }
    int run(const QStringList& arguments, CommandIo& io) override;
};

// True when the pos-tool command line (argv as main() gets it) runs something that draws receipts ("printer
// render", "sim printer"), which needs a QGuiApplication instead of a QCoreApplication.
bool needsGuiApplication(int argc, const char* const* argv);

} // namespace cli
} // namespace pos
