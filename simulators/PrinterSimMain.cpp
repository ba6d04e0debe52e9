// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/printer/PrinterSimulator.h"

#include <QGuiApplication>

int main(int argc, char* argv[])
{
    pos::sim::preparePrinterRenderingPlatform();
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pos-printer-sim"));
    return pos::sim::runPrinterSimulator(app, QCoreApplication::arguments());
}
