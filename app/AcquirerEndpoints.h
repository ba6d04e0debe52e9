// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/api/ApiConfig.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace pos {
namespace app {

// Where the acquirer is: demo mode takes it from the simulator's announcements, production from
// settings.ini [acquirer] (docs/activation.md "Configuration"):
//   apiUrl          https URL of the JSON API (https only: the API carries personal data)
//   cardHost        host:port of the ISO 8583 card host ([v6 address]:port for IPv6), port 1-65535
//   caFile          PEM file of the acquirer's CA, pinned for both
//   installerKeyId  the vendor's installer API key id (printable ASCII, no spaces)
//   installerSecret its secret, 64 hex digits (32 bytes)
struct AcquirerEndpoints
{
    Q_DECLARE_TR_FUNCTIONS(pos::app::AcquirerEndpoints)

public:
    QUrl apiUrl;
    QString cardHost;
    quint16 cardPort = 0;
    QString caPath;
    QString installerKeyId;
    acquirer::ApiSecret installerSecret;

    // Reads and checks the [acquirer] section (blocking file read: at start-up, with the other settings).
    // NotFound when the file has no [acquirer] section (not configured yet); InvalidInput naming the first
    // key that is missing or wrong and what it must be. Never logs or returns the secret.
    static Result<AcquirerEndpoints> fromSettings(const QString& settingsFile);

    bool isComplete() const
    {
        return apiUrl.isValid() && !cardHost.isEmpty() && cardPort != 0 && !caPath.isEmpty();
    }
};

} // namespace app
} // namespace pos
