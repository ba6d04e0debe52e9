// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool selftest [--json]: runs the crypto known-answer tests pos runs at start-up.
// Exit code 0 when all pass, 1 when any fails.
class SelfTestCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("selftest"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Run the known-answer tests of every crypto primitive (SHA-256, HMAC, 3DES, SM3, SM4)");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
