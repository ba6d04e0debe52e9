// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

namespace pos {
namespace cli {

// pos-tool pinpad info --device ID [--timeout-ms MS] [--json]
// Asks the PIN pad at ID (serial:/dev/ttyUSB0[?baud=N], tcp:HOST:PORT) who it is (docs/pinpad-protocol.md
// DEVICE_INFO): model, serial number, firmware, key algorithm, the SHA-256 fingerprint of its public key and
// whether a TMK and work keys are loaded. Never loads or reads keys. Exit codes: 0 answered, 1 no answer or
// not a PIN pad, 2 usage error. With --json one object: {"ok": true, "model", "serialNumber", "firmware",
// "keyAlgorithm", "publicKeySha256", "tmkLoaded", "workKeysLoaded", "tampered", "device"} or
// {"ok": false, "error", "code", "detail"}. Runs the application's event loop; needs a QCoreApplication.
class PinPadCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("pinpad"); }
    QString summary() const override { return QStringLiteral("Ask an attached PIN pad who it is (info)"); }
    int run(const QStringList& arguments, CommandIo& io) override;
};

} // namespace cli
} // namespace pos
