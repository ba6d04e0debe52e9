// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool validate KIND VALUE... [--json] [--today YYYY-MM-DD]
// Runs one onboarding validator of core/validation (docs/validation.md). KIND: uscc, id, bankcard, account
// (corporate), mobile, name (person), business-name. Several VALUE arguments are joined with spaces (a card
// typed in groups of four). --today sets the reference day for a resident ID's birth date (default: today).
// Exit codes: 0 valid, 1 invalid, 2 usage. With --json one object {"kind", "valid", "reason", "message",
// "normalized", ...details} (details flattened: birthDate, sex, region, bank, cardKind, position, expected…);
// otherwise "key: value" lines. The normalised value of id, bankcard and account is printed masked (first six
// and last four characters; "masked": true): card and ID numbers never go to output or logs in full.
class ValidateCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override
    {
        return QStringLiteral("Check a USCC, ID, bank card, account, mobile number or name");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
