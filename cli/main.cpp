// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "PosVersion.h"
#include "cli/Command.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral(POS_ORGANIZATION_NAME));
    QCoreApplication::setApplicationName(QStringLiteral("pos-tool"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POS_VERSION_STRING));
    QTextStream out(stdout);
    QTextStream err(stderr);
    pos::cli::CommandIo io{out, err};
    const int exitCode = pos::cli::runPosTool(QCoreApplication::arguments(), io);
    out.flush();
    err.flush();
    return exitCode;
}
