// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/AcquirerEndpoints.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QRegularExpression>
#include <QSettings>

namespace pos {
namespace app {

namespace {

Failure invalidSetting(const QString& key, const QString& rule)
{
    return fail(ErrorCode::InvalidInput,
                AcquirerEndpoints::tr("settings.ini [acquirer] %1 is not valid: %2 Correct it and restart.")
                    .arg(key, rule),
                QStringLiteral("settings [acquirer] %1 invalid").arg(key));
}

Failure missingSetting(const QString& key)
{
    return fail(
        ErrorCode::InvalidInput,
        AcquirerEndpoints::tr("settings.ini [acquirer] has no %1. Add it (see the installation guide) "
                              "and restart.")
            .arg(key),
        QStringLiteral("settings [acquirer] %1 missing").arg(key));
}

// "host:port" or "[v6]:port" → host (without brackets) and port; false when malformed.
bool splitHostPort(const QString& text, QString* host, quint16* port)
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:\[\]/]+)):(\d{1,5})$)"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return false;
    const uint number = match.captured(3).toUInt();
    if (number == 0 || number > 65535)
        return false;
    *host = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    *port = static_cast<quint16>(number);
    return true;
}

} // namespace

Result<AcquirerEndpoints> AcquirerEndpoints::fromSettings(const QString& settingsFile)
{
    QSettings settings(settingsFile, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return fail(ErrorCode::IoFailure, tr("The settings file %1 cannot be read.").arg(settingsFile),
                    QStringLiteral("QSettings status %1").arg(int(settings.status())));
    settings.beginGroup(QStringLiteral("acquirer"));
    if (settings.childKeys().isEmpty())
        return fail(ErrorCode::NotFound,
                    tr("The acquirer is not configured yet: settings.ini has no [acquirer] section."),
                    QStringLiteral("no [acquirer] section in %1").arg(settingsFile));
    const auto text = [&settings](const char* key) {
        return settings.value(QLatin1String(key)).toString().trimmed();
    };
    AcquirerEndpoints endpoints;

    const QString apiUrl = text("apiUrl");
    if (apiUrl.isEmpty())
        return missingSetting(QStringLiteral("apiUrl"));
    endpoints.apiUrl = QUrl(apiUrl, QUrl::StrictMode);
    if (!endpoints.apiUrl.isValid() || endpoints.apiUrl.host().isEmpty())
        return invalidSetting(QStringLiteral("apiUrl"),
                              tr("it must be a URL such as https://api.example.cn:8443."));
    if (endpoints.apiUrl.scheme() != QLatin1String("https"))
        return invalidSetting(QStringLiteral("apiUrl"),
                              tr("it must start with https:// (personal data is sent)."));

    const QString cardHost = text("cardHost");
    if (cardHost.isEmpty())
        return missingSetting(QStringLiteral("cardHost"));
    if (!splitHostPort(cardHost, &endpoints.cardHost, &endpoints.cardPort))
        return invalidSetting(
            QStringLiteral("cardHost"),
            tr("it must be host:port with a port from 1 to 65535, such as pos.example.cn:5000."));

    endpoints.caPath = text("caFile");
    if (endpoints.caPath.isEmpty())
        return missingSetting(QStringLiteral("caFile"));

    endpoints.installerKeyId = text("installerKeyId");
    if (endpoints.installerKeyId.isEmpty())
        return missingSetting(QStringLiteral("installerKeyId"));
    static const QRegularExpression keyIdShape(QStringLiteral("^[\\x21-\\x7e]{1,64}$"));
    if (!keyIdShape.match(endpoints.installerKeyId).hasMatch())
        return invalidSetting(QStringLiteral("installerKeyId"),
                              tr("it must be 1 to 64 printable characters without spaces."));

    QByteArray secretHex = text("installerSecret").toLatin1();
    if (secretHex.isEmpty())
        return missingSetting(QStringLiteral("installerSecret"));
    static const QRegularExpression hex64(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    const bool wellFormed = hex64.match(QString::fromLatin1(secretHex)).hasMatch();
    if (wellFormed) {
        QByteArray secret = QByteArray::fromHex(secretHex);
        endpoints.installerSecret = acquirer::ApiSecret(secret);
        crypto::secureWipe(secret);
    }
    crypto::secureWipe(secretHex);
    if (!wellFormed)
        return invalidSetting(QStringLiteral("installerSecret"), tr("it must be 64 hexadecimal digits."));
    return endpoints;
}

} // namespace app
} // namespace pos
