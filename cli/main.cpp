// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "PosVersion.h"
#include "cli/Command.h"
#include "cli/PrinterCommand.h"
#include "simulators/printer/PrinterSimulator.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

int main(int argc, char** argv)
{
    // Commands that draw receipts need fonts, hence a QGuiApplication (offscreen unless QT_QPA_PLATFORM says
    // otherwise); everything else stays a QCoreApplication.
    std::unique_ptr<QCoreApplication> application;
    if (pos::cli::needsGuiApplication(argc, argv)) {
        pos::sim::preparePrinterRenderingPlatform();
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
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
