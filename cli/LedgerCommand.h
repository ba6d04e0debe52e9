// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool ledger <action> [options] [--json]: support operations on a ledger database file.
//   init --db FILE               create (or upgrade) a ledger; refuses a file that is not a ledger
//   backup --db FILE --out FILE  online backup into one self-contained, checked file
//   restore --from FILE --db FILE  replace the ledger by a checked backup (the old one is kept beside it);
//                                the POS must not be running on that ledger
//   verify --db FILE             read-only checks: integrity, foreign keys, audit chain, ledger invariants;
//                                exit 0 only when everything holds
//   generate --db FILE --sales N --days D [--end DATE] --seed S
//                                a new synthetic shop ledger (tests, benchmarks), deterministic per seed
//   report --db FILE --from DATE --to DATE
//                                read-only reports of a period (day totals, tender, hour, cashier, products)
// Actions live in a table in LedgerCommand.cpp: a new one is one function and one row.
// Exit codes: 0 success, 1 the operation failed or the file was found bad, 2 usage error (written to
// stderr). With --json, success and failure print exactly one JSON object on stdout:
// {"ok": true, ...details} or {"ok": false, "error": user message, "code": ErrorCode name, "detail": ...}.
class LedgerCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("ledger"); }
    QString summary() const override
    {
        return QStringLiteral("Create, verify, back up and restore the ledger database");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
