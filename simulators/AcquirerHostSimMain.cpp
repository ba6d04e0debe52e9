// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/AcquirerSimulator.h"

#include <QCoreApplication>

// pos-acquirer-sim: the acquirer host simulator (see AcquirerSimulator.h; "pos-tool sim acquirer" runs the
// same code).
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pos-acquirer-sim"));
    return pos::sim::runAcquirerSimulator(app, QCoreApplication::arguments());
}
