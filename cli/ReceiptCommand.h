// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool receipt sample --profile 58mm|80mm|<profile id> --out FILE.bin [--json]: renders the fixed sample
// receipt (devices/escpos/SampleReceipt.h) to ESC/POS bytes and writes them to FILE (the golden files in
// tests/data/receipts/ are made this way).
// pos-tool receipt profiles [--json]: lists the compiled-in printer profiles.
// Exit codes: 0 written/listed, 1 rendering or writing failed, 2 usage.
class ReceiptCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("receipt"); }
    QString summary() const override
    {
        return QStringLiteral("Render the sample receipt to ESC/POS bytes; list printer profiles");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
