// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "PosVersion.h"
#include "app/AppOptions.h"
#include "app/PosApplication.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral(POS_ORGANIZATION_NAME));
    QCoreApplication::setApplicationName(QStringLiteral(POS_APPLICATION_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(POS_VERSION_STRING));
}

bool hasArgument(int argc, char** argv, const char* name)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (pos::app::wantsInformationOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        setIdentity();
        return pos::app::printInformation(QCoreApplication::arguments());
    }

    // Headless runs (autopilot, benchmarks) need no display: use the offscreen platform unless told
    // otherwise.
    const bool headless =
        hasArgument(argc, argv, "--autopilot") || hasArgument(argc, argv, "--quit-after-first-frame");
    const bool noDisplay =
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && noDisplay) {
        if (!headless) {
            std::fprintf(stderr, "pos: no display found (DISPLAY/WAYLAND_DISPLAY unset). "
                                 "Run with --autopilot DIR to capture the pages offscreen.\n");
            return pos::app::ExitNoDisplay;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication application(argc, argv);
    setIdentity();
    QGuiApplication::setDesktopFileName(QStringLiteral("pos"));

    const pos::Result<pos::app::AppOptions> options =
        pos::app::parseAppOptions(QCoreApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "pos: %s\n", qPrintable(options.error().userMessage));
        return pos::app::ExitUsage;
    }
    pos::app::PosApplication pos(options.value());
    if (const std::optional<int> exitCode = pos.start())
        return *exitCode;
    return QApplication::exec();
}
