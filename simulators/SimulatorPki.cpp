// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/SimulatorPki.h"

#include "core/crypto/CryptoPrimitives.h"
#include "simulators/SimulatorLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/buffer.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace pos {
namespace sim {
namespace {

class PkiText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::SimulatorPki)

public:
    static QString cryptoFailed() { return tr("The simulator could not create its TLS certificates."); }
    static QString badAddress(const QString& address)
    {
        return tr("%1 is not an IP address for a certificate.").arg(address);
    }
    static QString noKey() { return tr("The certificate authority has no private key."); }
    static QString writeFailed(const QString& path)
    {
        return tr("The simulator could not write %1.").arg(QDir::toNativeSeparators(path));
    }
    static QString badFile(const QString& path)
    {
        return tr("The simulator's TLS file %1 is damaged.").arg(QDir::toNativeSeparators(path));
    }
};

template <typename T, void (*Free)(T*)>
struct OpenSslDeleter
{
    void operator()(T* pointer) const { Free(pointer); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BIGNUM, BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;
using PkeyContextPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;

// A fresh P-256 key; null on failure (the OpenSSL error queue says why). Spelled out with the EVP_PKEY_CTX
// calls instead of the EVP_EC_gen macro, whose cast of the curve name to char* trips -Wcast-qual.
PkeyPtr generateP256Key()
{
    const PkeyContextPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!context || EVP_PKEY_keygen_init(context.get()) <= 0 ||
        EVP_PKEY_CTX_set_group_name(context.get(), "P-256") <= 0)
        return {};
    EVP_PKEY* key = nullptr;
    if (EVP_PKEY_generate(context.get(), &key) <= 0)
        return {};
    return PkeyPtr(key);
}

constexpr qint64 renewalMarginSecs = 86400;

Failure opensslFailure(const char* step)
{
    char reason[256] = {};
    ERR_error_string_n(ERR_get_error(), reason, sizeof(reason));
    ERR_clear_error();
    return fail(ErrorCode::CryptoFailure, PkiText::cryptoFailed(),
                QStringLiteral("%1: %2").arg(QLatin1String(step), QString::fromLatin1(reason)));
}

QByteArray bioContents(BIO* bio)
{
    BUF_MEM* memory = nullptr;
    BIO_get_mem_ptr(bio, &memory);
    return memory ? QByteArray(memory->data, static_cast<qsizetype>(memory->length)) : QByteArray();
}

BioPtr bioFrom(const QByteArray& data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

Result<IssuedCertificate> toQt(X509* certificate, EVP_PKEY* key)
{
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio || PEM_write_bio_X509(certificateBio.get(), certificate) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return opensslFailure("PEM_write_bio");
    QByteArray keyPem = bioContents(keyBio.get());
    IssuedCertificate issued{QSslCertificate(bioContents(certificateBio.get()), QSsl::Pem),
                             QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey)};
    crypto::secureWipe(keyPem);
    if (issued.certificate.isNull() || issued.key.isNull()) {
        return fail(ErrorCode::CryptoFailure, PkiText::cryptoFailed(),
                    QStringLiteral("Qt could not read the generated certificate or key"));
    }
    return issued;
}

X509Ptr toOpenSsl(const QSslCertificate& certificate)
{
    const BioPtr bio = bioFrom(certificate.toPem());
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

PkeyPtr toOpenSsl(const QSslKey& key)
{
    QByteArray pem = key.toPem();
    PkeyPtr result;
    if (const BioPtr bio = bioFrom(pem))
        result.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    crypto::secureWipe(pem);
    return result;
}

bool addExtension(X509* certificate, X509* issuer, int nid, const QByteArray& value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool setRandomSerial(X509* certificate)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof(bytes)) != 1)
        return false;
    bytes[0] &= 0x7F; // positive
    bytes[0] |= 0x01; // and never zero
    const BignumPtr number(BN_bin2bn(bytes, sizeof(bytes), nullptr));
    return number && BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate)) != nullptr;
}

// A certificate for key with subject CN commonName and the validity of spec, not yet signed and without
// extensions.
X509Ptr newCertificate(EVP_PKEY* key, const QString& commonName, const CertificateSpec& spec)
{
    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), 2) != 1 || !setRandomSerial(certificate.get()))
        return {};
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), static_cast<long>(spec.notBeforeSecs)) ||
        !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), static_cast<long>(spec.notAfterSecs)))
        return {};
    const QByteArray name = commonName.toUtf8();
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(name.constData()), -1, -1,
                                   0) != 1 ||
        X509_set_pubkey(certificate.get(), key) != 1)
        return {};
    return certificate;
}

Result<QByteArray> subjectAltNames(const CertificateSpec& spec)
{
    QStringList entries;
    for (const QString& dns : spec.dnsNames)
        entries << QStringLiteral("DNS:") + dns;
    for (const QString& ip : spec.ipAddresses) {
        if (QHostAddress(ip).isNull()) {
            return fail(ErrorCode::InvalidInput, PkiText::badAddress(ip),
                        QStringLiteral("subjectAltName IP '%1' does not parse").arg(ip));
        }
        entries << QStringLiteral("IP:") + ip;
    }
    return entries.join(QLatin1Char(',')).toUtf8();
}

QString pathIn(const QString& dataDir, const char* name)
{
    return QDir(dataDir).filePath(QLatin1String(name));
}

Result<void> writeFile(const QString& path, const QByteArray& data, bool secret)
{
    const QFileDevice::Permissions permissions = secret ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                                                        : (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                           QFileDevice::ReadGroup | QFileDevice::ReadOther);
    const QString temporary = path + QStringLiteral(".tmp");
    QFile::remove(temporary);
    QFile file(temporary);
    // The file is created with its final permissions: a key is never readable by others, not even briefly.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) ||
        file.write(data) != data.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.remove();
        return fail(ErrorCode::IoFailure, PkiText::writeFailed(path),
                    QStringLiteral("%1: %2").arg(path, reason));
    }
    file.close();
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        return fail(ErrorCode::IoFailure, PkiText::writeFailed(path),
                    QStringLiteral("%1: rename from %2 failed").arg(path, temporary));
    }
    return {};
}

Result<void>
writeIssued(const IssuedCertificate& issued, const QString& certificatePath, const QString& keyPath)
{
    QByteArray keyPem = issued.key.toPem();
    const Result<void> key = writeFile(keyPath, keyPem, true);
    crypto::secureWipe(keyPem);
    if (!key)
        return key;
    return writeFile(certificatePath, issued.certificate.toPem(), false);
}

Result<IssuedCertificate> readIssued(const QString& certificatePath, const QString& keyPath)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoFailure, PkiText::badFile(certificatePath), certificateFile.errorString());
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoFailure, PkiText::badFile(keyPath), keyFile.errorString());
    QByteArray keyPem = keyFile.readAll();
    IssuedCertificate issued{QSslCertificate(certificateFile.readAll(), QSsl::Pem),
                             QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey)};
    crypto::secureWipe(keyPem);
    if (issued.certificate.isNull()) {
        return fail(ErrorCode::InvalidInput, PkiText::badFile(certificatePath),
                    QStringLiteral("%1: no PEM certificate").arg(certificatePath));
    }
    if (issued.key.isNull()) {
        return fail(ErrorCode::InvalidInput, PkiText::badFile(keyPath),
                    QStringLiteral("%1: no PEM EC private key").arg(keyPath));
    }
    return issued;
}

// True when server is still valid for a day, was signed by ca and matches its key.
bool serverCertificateUsable(const IssuedCertificate& ca, const IssuedCertificate& server)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (server.certificate.effectiveDate() > now ||
        server.certificate.expiryDate() < now.addSecs(renewalMarginSecs))
        return false;
    const X509Ptr caX509 = toOpenSsl(ca.certificate);
    const X509Ptr serverX509 = toOpenSsl(server.certificate);
    const PkeyPtr serverKey = toOpenSsl(server.key);
    if (!caX509 || !serverX509 || !serverKey)
        return false;
    EVP_PKEY* caPublicKey = X509_get0_pubkey(caX509.get());
    const bool usable = caPublicKey && X509_check_issued(caX509.get(), serverX509.get()) == X509_V_OK &&
                        X509_verify(serverX509.get(), caPublicKey) == 1 &&
                        X509_check_private_key(serverX509.get(), serverKey.get()) == 1;
    ERR_clear_error();
    return usable;
}

CertificateSpec simulatorServerSpec()
{
    CertificateSpec spec;
    spec.commonName = QStringLiteral("pos-acquirer-sim");
    spec.dnsNames = {QStringLiteral("localhost")};
    spec.ipAddresses = {QStringLiteral("127.0.0.1")};
    return spec;
}

} // namespace

Result<IssuedCertificate> createCertificateAuthority(const QString& commonName, const CertificateSpec& spec)
{
    const PkeyPtr key = generateP256Key();
    if (!key)
        return opensslFailure("P-256 key generation");
    const X509Ptr certificate = newCertificate(key.get(), commonName, spec);
    if (!certificate)
        return opensslFailure("CA certificate fields");
    X509* self = certificate.get();
    if (X509_set_issuer_name(self, X509_get_subject_name(self)) != 1 ||
        !addExtension(self, self, NID_basic_constraints, "critical,CA:TRUE") ||
        !addExtension(self, self, NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(self, self, NID_subject_key_identifier, "hash") ||
        !addExtension(self, self, NID_authority_key_identifier, "keyid:always"))
        return opensslFailure("CA certificate extensions");
    if (X509_sign(self, key.get(), EVP_sha256()) <= 0)
        return opensslFailure("X509_sign (CA)");
    return toQt(self, key.get());
}

Result<IssuedCertificate> issueServerCertificate(const IssuedCertificate& ca, const CertificateSpec& spec)
{
    if (ca.key.isNull())
        return fail(ErrorCode::InvalidInput, PkiText::noKey(), QStringLiteral("issuing CA has no key"));
    const Result<QByteArray> altNames = subjectAltNames(spec);
    if (!altNames)
        return Failure{altNames.error()};
    const X509Ptr caCertificate = toOpenSsl(ca.certificate);
    const PkeyPtr caKey = toOpenSsl(ca.key);
    if (!caCertificate || !caKey)
        return opensslFailure("reading the CA certificate and key");
    const PkeyPtr key = generateP256Key();
    if (!key)
        return opensslFailure("P-256 key generation");
    const X509Ptr certificate = newCertificate(key.get(), spec.commonName, spec);
    if (!certificate)
        return opensslFailure("server certificate fields");
    X509* leaf = certificate.get();
    if (X509_set_issuer_name(leaf, X509_get_subject_name(caCertificate.get())) != 1 ||
        !addExtension(leaf, caCertificate.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(leaf, caCertificate.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(leaf, caCertificate.get(), NID_ext_key_usage, "serverAuth,clientAuth") ||
        !addExtension(leaf, caCertificate.get(), NID_subject_key_identifier, "hash") ||
        !addExtension(leaf, caCertificate.get(), NID_authority_key_identifier, "keyid:always") ||
        (!altNames.value().isEmpty() &&
         !addExtension(leaf, caCertificate.get(), NID_subject_alt_name, altNames.value())))
        return opensslFailure("server certificate extensions");
    if (X509_sign(leaf, caKey.get(), EVP_sha256()) <= 0)
        return opensslFailure("X509_sign (server)");
    return toQt(leaf, key.get());
}

Result<SimulatorPki> loadOrCreateSimulatorPki(const QString& dataDir)
{
    if (!QDir().mkpath(dataDir)) {
        return fail(ErrorCode::IoFailure, PkiText::writeFailed(dataDir),
                    QStringLiteral("cannot create %1").arg(dataDir));
    }
    const QString caPem = pathIn(dataDir, "ca.pem");
    const QString caKey = pathIn(dataDir, "ca.key");
    const QString serverPem = pathIn(dataDir, "server.pem");
    const QString serverKey = pathIn(dataDir, "server.key");

    SimulatorPki pki;
    pki.caPemPath = caPem;
    const bool haveCa = QFile::exists(caPem) && QFile::exists(caKey);
    if (haveCa) {
        Result<IssuedCertificate> ca = readIssued(caPem, caKey);
        if (!ca)
            return Failure{ca.error()};
        pki.ca = std::move(ca).value();
    } else {
        qCInfo(lcSim).noquote() << "creating the simulator CA in" << dataDir;
        CertificateSpec caSpec;
        caSpec.notAfterSecs = 10LL * 365 * 86400;
        Result<IssuedCertificate> ca =
            createCertificateAuthority(QStringLiteral("POS Acquirer Simulator CA"), caSpec);
        if (!ca)
            return Failure{ca.error()};
        pki.ca = std::move(ca).value();
        if (const Result<void> written = writeIssued(pki.ca, caPem, caKey); !written)
            return Failure{written.error()};
    }

    if (haveCa && QFile::exists(serverPem) && QFile::exists(serverKey)) {
        Result<IssuedCertificate> server = readIssued(serverPem, serverKey);
        if (!server)
            return Failure{server.error()};
        if (serverCertificateUsable(pki.ca, server.value())) {
            pki.server = std::move(server).value();
            return pki;
        }
        qCInfo(lcSim) << "the simulator server certificate expired or does not match the CA; re-issuing it";
    }
    Result<IssuedCertificate> server = issueServerCertificate(pki.ca, simulatorServerSpec());
    if (!server)
        return Failure{server.error()};
    pki.server = std::move(server).value();
    if (const Result<void> written = writeIssued(pki.server, serverPem, serverKey); !written)
        return Failure{written.error()};
    return pki;
}

QSslConfiguration simulatorServerConfiguration(const IssuedCertificate& server,
                                               const QList<QSslCertificate>& chain)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setLocalCertificateChain(QList<QSslCertificate>{server.certificate} + chain);
    configuration.setPrivateKey(server.key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace sim
} // namespace pos
