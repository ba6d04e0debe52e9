// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/api/ApiConfig.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QSslSocket>

namespace pos {
namespace acquirer {

ApiSecret::ApiSecret(const QByteArray& bytes) : m_bytes(bytes.constData(), bytes.size())
{}

ApiSecret::ApiSecret(const ApiSecret& other) : m_bytes(other.m_bytes.constData(), other.m_bytes.size())
{}

ApiSecret& ApiSecret::operator=(const ApiSecret& other)
{
    if (this != &other) {
        crypto::secureWipe(m_bytes);
        m_bytes = QByteArray(other.m_bytes.constData(), other.m_bytes.size());
    }
    return *this;
}

ApiSecret::~ApiSecret()
{
    crypto::secureWipe(m_bytes);
}

QString demoInstallerKeyId()
{
    return QStringLiteral("demo-installer");
}

ApiSecret demoInstallerSecret()
{
    QByteArray bytes =
        QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    ApiSecret secret(bytes);
    crypto::secureWipe(bytes);
    return secret;
}

QSslConfiguration apiTlsConfiguration(const ApiConfig& config)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    // Replaces the system CA list and disables Qt's on-demand loading of system roots.
    tls.setCaCertificates(config.pinnedCa);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setPeerVerifyDepth(0);
    return tls;
}

} // namespace acquirer
} // namespace pos
