// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool devices <action>:
//   list [--json] [--network tcp:HOST:PORT]... [--no-serial] [--no-usb]
//       one scan of serial ports, USB devices (printer class 0x07 and allow-listed VID:PID) and the given
//       network printers, each matched to a driver (devices/discovery/DriverRegistry.h). Text: a header line
//       then one tab-separated row per device: id, role, driver/priority (with "?" when the user must
//       confirm), description. --json: one JSON array of objects {id, transport, role, driver, priority,
//       needsUserChoice, description, vid, pid, serial, portPath, ieee1284Id, allowListed}.
// Exit codes: 0 success (also when nothing is found), 2 usage error (e.g. a --network value that is not
// tcp:HOST:PORT).
class DevicesCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("devices"); }
    QString summary() const override
    {
        return QStringLiteral("List serial, USB and network devices and their drivers");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
