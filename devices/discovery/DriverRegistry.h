// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "devices/discovery/DeviceCandidate.h"

#include <QList>

#include <functional>
#include <optional>

namespace pos {
namespace devices {

class UsbAllowList;

// One way to drive a device: which driver, for which role, how strongly, and when it applies.
struct DriverRule
{
    QString driver;
    DeviceRole role = DeviceRole::ReceiptPrinter;
    int priority = 0;
    bool needsUserChoice = false;
    QString reason;
    std::function<bool(const DeviceCandidate&)> supports;
};

// Matches candidates to drivers by priority (Odoo IoT's driver priority idea). Pure and immutable once
// built; safe to use from any thread.
//
// standard() rules, highest first:
//   90 escpos  printer  USB, VID:PID allow-listed as a printer, with a usable printer interface
//   90 pinpad / scanner USB, VID:PID allow-listed with that role
//   80 escpos  printer  USB printer class 0x07 whose IEEE 1284 id has CMD:ESC/POS
//   60 escpos  printer  tcp: (a configured network printer)
//   40 escpos  printer  USB printer class 0x07 without ESC/POS in its id: needs the user's choice
//   30 pinpad  pinpad   any serial port: needs the user's choice
//   20 escpos  printer  any serial port: needs the user's choice
//   10 scanner scanner  any serial port: needs the user's choice
class DriverRegistry final
{
public:
    static DriverRegistry standard(const UsbAllowList& allowList);
    static DriverRegistry standard(); // with UsbAllowList::builtIn()

    void addRule(DriverRule rule);
    // Every rule that supports candidate, highest priority first (rules of equal priority in insertion
    // order).
    QList<DriverMatch> matches(const DeviceCandidate& candidate) const;
    std::optional<DriverMatch> bestMatch(const DeviceCandidate& candidate) const;

private:
    QList<DriverRule> m_rules;
};

} // namespace devices
} // namespace pos
