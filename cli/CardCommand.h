// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool card <action> --ledger FILE --host H:P --ca FILE [--response-timeout-ms MS] [--json]
// Card transactions of the DEMO terminal (DemoTerminal.h identity, the software key store standing in for the
// PIN pad, the simulator's test cards) through the real engine, ledger and acquirer link: for support
// scripts, demos and the crash tests. Every run opens the ledger (turning payments a crash left 'sending'
// into due reversals), signs on, sends whatever reversals and advices are owed, then does its action:
//   sale --amount FEN --card LABEL [--pin PIN]   a sale with the test card LABEL (TestCards.h)
//   void --payment ID                            void of an approved sale of the current batch
//   recover                                      only the owed reversals and advices
//   settle                                       settlement of the current batch (upload when unbalanced)
// Exit codes: 0 the action ran to a definite answer (a decline or a confirmed reversal included), 1 it could
// not (host unreachable, reversal still owed, bad ledger file), 2 usage error. With --json exactly one JSON
// object on stdout: {"ok": true, "action", "outcome", "paymentId", "batch", "stan", "responseCode", "owed",
// ...} or {"ok": false, "error", "code", "detail"}. Runs the application's event loop; needs a
// QCoreApplication.
class CardCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("card"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Demo terminal card transactions against an acquirer host (sale, void, recover, settle)");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
