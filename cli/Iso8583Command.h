// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool iso8583 <action> [options]: the CUP POS ISO 8583 codec of acquirer/iso8583 on the command line.
//   decode --hex HEX [--json] [--bcd-length]   a whole frame (2-byte length prefix included) to text or to
//                                              JSON (Iso8583Json.h) with a "parsed" member of subfields
//   encode --json FILE|- [--bcd-length]        that JSON (from a file or stdin) to the frame, printed as
//                                              upper-case hex, length prefix included
// Exit codes: 0 ok, 1 malformed input (the codec's message naming field and offset on stderr), 2 usage.
// Output is English only. Field contents are printed because the user supplied them; errors never echo
// them.
class Iso8583Command final : public Command
{
public:
    QString name() const override { return QStringLiteral("iso8583"); }
    QString summary() const override
    {
        return QStringLiteral("Decode and encode CUP POS ISO 8583 frames (hex <-> JSON)");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
