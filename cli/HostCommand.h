// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "cli/Command.h"

#include <QString>

#include <optional>
#include <utility>

namespace pos {
namespace cli {

// pos-tool host <action> [options] [--json]: checks the link to an acquirer host.
//   ping --host H:P --ca FILE [--name PEERNAME] [--timeout MS]
//       TCP connect and TLS handshake with the TLS settings of the acquirer link (linkTlsConfiguration():
//       TLS 1.2 or newer, the CA in FILE pinned, peer name PEERNAME or H); no ISO 8583 message is sent.
//       Prints protocol, cipher, peer subject, issuer and expiry, connect and handshake milliseconds.
//       --timeout covers connect plus handshake (default 10000 ms).
// Exit codes: 0 handshake completed, 1 refused or unreachable (the reason: untrusted, expired, host name,
// refused, timeout, ...) or an unusable CA file, 2 usage error (written to stderr). With --json exactly one
// JSON object on stdout: {"ok": true, "protocol", "cipher", "peerSubject", "peerIssuer", "peerExpiry",
// "connectMs", "handshakeMs", ...} or {"ok": false, "error", "code", "cause", "detail"}.
// Runs the application's event loop (QCoreApplication::exec) until the check ends; needs a QCoreApplication.
class HostCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("host"); }
    QString summary() const override
    {
        return QStringLiteral("Check the TLS link to an acquirer host (ping)");
    }
    int run(const QStringList& arguments, CommandIo& io) override;
};

// "host:port" or "[v6]:port" (port 1-65535); nothing when malformed. Shared by the commands that reach a
// host.
std::optional<std::pair<QString, quint16>> parseEndpoint(const QString& text);

} // namespace cli
} // namespace pos
