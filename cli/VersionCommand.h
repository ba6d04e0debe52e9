// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool version [--json]: versions of pos-tool, Qt and OpenSSL in use.
class VersionCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("version"); }
    QString summary() const override
    {
        return QStringLiteral("Print the versions of pos-tool, Qt and OpenSSL");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
