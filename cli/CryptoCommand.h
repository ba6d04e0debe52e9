// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool crypto <action> [options] [--json]: the CUP terminal crypto of acquirer/crypto on values given on
// the command line, for checking test vectors and acquirer samples (never with production keys: command
// lines are visible to other processes).
//   kcv --alg des|3des|sm4 --key HEX [--length N]       key check value (default 4 bytes)
//   pinblock --pin PIN --pan PAN [--alg des|3des|sm4 --key HEX] [--sm4-padding extend|ff|zeros]
//                                                       ISO 9564 format 0 block, clear without --key
//   mac --alg cup-ecb|cup-ecb-sm4|x99|x919 --key HEX --data HEX
//   track --alg 3des|sm4 --tdk HEX --track DIGITS [--decrypt]
//   f62 --tmk HEX --code 001|003|004|006 --hex HEX [--sm4-code CODE]
//                                                       per key: KCV received, computed, match; never keys
// Exit codes: 0 success, 1 a check failed (KCV mismatch) or an input value is bad (hex, lengths, digits),
// 2 usage error (written to stderr). With --json exactly one JSON object on stdout: {"ok": true, ...} or
// {"ok": false, ...} (with "error", "code", "detail" when an input was refused).
class CryptoCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("crypto"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Key check values, PIN blocks, MACs, track and F62 work keys (CUP terminal crypto)");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
