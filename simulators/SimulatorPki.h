// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QStringList>

// Test PKI of the simulators: EC P-256 keys and X.509 v3 certificates (SHA-256) made with OpenSSL 3, so the
// acquirer host simulator can serve real TLS and the terminal can pin its CA. Never for production keys.
namespace pos {
namespace sim {

// What a certificate says. Validity is given as offsets in seconds from now, so tests can make certificates
// that are expired (both negative) or not yet valid (both positive).
struct CertificateSpec
{
    QString commonName;
    QStringList dnsNames;    // subjectAltName DNS entries
    QStringList ipAddresses; // subjectAltName IP entries ("127.0.0.1", "::1")
    qint64 notBeforeSecs = -3600;
    qint64 notAfterSecs = 5 * 365 * 86400;
};

struct IssuedCertificate
{
    QSslCertificate certificate;
    QSslKey key; // unencrypted private key
};

// A self-signed CA (basicConstraints CA:TRUE critical, keyUsage keyCertSign+cRLSign). commonName overrides
// spec.commonName; spec's SANs are ignored. CryptoFailure when OpenSSL fails.
Result<IssuedCertificate> createCertificateAuthority(const QString& commonName, const CertificateSpec& spec);

// A leaf certificate signed by ca (CA:FALSE, keyUsage digitalSignature, extendedKeyUsage serverAuth and
// clientAuth, so it also serves as a client certificate, subjectAltName from spec). InvalidInput when an
// IP address does not parse or ca has no key; CryptoFailure when OpenSSL fails.
Result<IssuedCertificate> issueServerCertificate(const IssuedCertificate& ca, const CertificateSpec& spec);

struct SimulatorPki
{
    IssuedCertificate ca;
    IssuedCertificate server;
    QString caPemPath; // dataDir/ca.pem: what a terminal pins (pos-tool host ping --ca, LinkConfig::pinnedCa)
};

// The simulator's PKI in dataDir (created if missing). First start: writes ca.pem, ca.key (0600), server.pem
// and server.key (0600); the server certificate has CN "pos-acquirer-sim" and SANs IP 127.0.0.1 and DNS
// localhost. Later starts load the files; a server certificate that expired (or expires within a day) or no
// longer chains to the CA is re-issued; a missing CA file or key makes a new CA (and server certificate).
// IoFailure when a file cannot be written, InvalidInput when an existing file does not parse.
Result<SimulatorPki> loadOrCreateSimulatorPki(const QString& dataDir);

// Server-side TLS configuration presenting server (and chain after it): TLS 1.2 or newer only, no client
// certificate requested (see TlsSimulatorServer::setRequireClientCertificate).
QSslConfiguration simulatorServerConfiguration(const IssuedCertificate& server,
                                               const QList<QSslCertificate>& chain = {});

} // namespace sim
} // namespace pos
