// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/link/LinkConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslSocket>

namespace pos {
namespace acquirer {
namespace {

class LinkConfigText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::LinkConfig)

public:
    static QString missingCaFile(const QString& path)
    {
        return tr("The acquirer CA file %1 cannot be read.").arg(path);
    }
    static QString noCaCertificate(const QString& path)
    {
        return tr("The acquirer CA file %1 holds no PEM certificate.").arg(path);
    }
};

} // namespace

Result<QList<QSslCertificate>> loadPinnedCa(const QString& pemPath)
{
    QFile file(pemPath);
    if (!file.exists() || !file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::NotFound, LinkConfigText::missingCaFile(pemPath),
                    QStringLiteral("pinned CA %1: %2")
                        .arg(pemPath, file.exists() ? file.errorString() : QStringLiteral("no such file")));
    }
    const QByteArray pem = file.readAll();
    if (pem.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidInput, LinkConfigText::noCaCertificate(pemPath),
                    QStringLiteral("pinned CA %1: file is empty").arg(pemPath));
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty()) {
        return fail(
            ErrorCode::InvalidInput, LinkConfigText::noCaCertificate(pemPath),
            QStringLiteral("pinned CA %1: no PEM certificate in %2 bytes").arg(pemPath).arg(pem.size()));
    }
    return certificates;
}

QSslConfiguration linkTlsConfiguration(const LinkConfig& config)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    // Replaces the system CA list and disables Qt's on-demand loading of system roots.
    tls.setCaCertificates(config.pinnedCa);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setPeerVerifyDepth(0);
    if (!config.clientCertificate.isNull()) {
        tls.setLocalCertificate(config.clientCertificate);
        tls.setPrivateKey(config.clientKey);
    }
    return tls;
}

} // namespace acquirer
} // namespace pos
