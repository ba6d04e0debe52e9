// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace pos {
namespace app {

// Process exit codes of pos. Scripts and tests rely on them; never renumber.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 2,
    ExitSelfTestFailed = 3,
    ExitAlreadyRunning = 4,
    ExitDataDirectory = 5,
    ExitNoDisplay = 6,
    ExitDemoFailed = 7,
};

struct AppOptions
{
    bool demo = false;
    QString dataDirectory;      // empty: QStandardPaths (or a fresh temporary folder in demo mode)
    QString autopilotDirectory; // non-empty: walk every page offscreen, save PNGs there, exit
    bool quitAfterFirstFrame = false;
    QString language; // empty: saved choice, else the system locale
};

// Parses pos's command line (arguments()[0] is the program). --help and --version are handled by the caller
// before a QApplication exists; see wantsInformationOnly().
Result<AppOptions> parseAppOptions(const QStringList& arguments);

// True when the command line only asks for --help or --version, which need no display.
bool wantsInformationOnly(int argc, char** argv);

// Prints help or version to stdout for wantsInformationOnly() command lines; returns the exit code.
int printInformation(const QStringList& arguments);

} // namespace app
} // namespace pos
