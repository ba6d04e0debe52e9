// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/pinpad/CustomerWindow.h"
#include "simulators/pinpad/PinPadSimulator.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

int main(int argc, char* argv[])
{
    // --window needs a QApplication; without it the emulator stays a QCoreApplication (no display needed).
    const bool window = pos::sim::canShowCustomerWindow(argc, argv);
    std::unique_ptr<QCoreApplication> app =
        window ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pos-pinpad-sim"));
    pos::sim::CardholderWindowFactory makeWindow;
    if (window) {
        makeWindow = []() -> std::unique_ptr<pos::sim::Cardholder> {
            auto customer = std::make_unique<pos::sim::CustomerWindow>();
            customer->show();
            return customer;
        };
    }
    return pos::sim::runPinPadSimulator(*app, QCoreApplication::arguments(), makeWindow);
}
