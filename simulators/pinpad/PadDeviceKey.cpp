// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/pinpad/PadDeviceKey.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QFile>
#include <QSaveFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace pos {
namespace sim {

struct PadDeviceKey::Key
{
    EVP_PKEY* pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

Error opensslError(const QString& what)
{
    return {ErrorCode::CryptoFailure, QStringLiteral("The PIN pad emulator's device key failed."), what};
}

EVP_PKEY* generate(PadDeviceKey::Algorithm algorithm)
{
    const bool rsa = algorithm == PadDeviceKey::Algorithm::Rsa;
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_name(nullptr, rsa ? "RSA" : "SM2", nullptr);
    EVP_PKEY* key = nullptr;
    if (context && EVP_PKEY_keygen_init(context) > 0 &&
        (!rsa || EVP_PKEY_CTX_set_rsa_keygen_bits(context, 2048) > 0))
        (void)EVP_PKEY_generate(context, &key);
    EVP_PKEY_CTX_free(context);
    return key;
}

const char* typeName(PadDeviceKey::Algorithm algorithm)
{
    return algorithm == PadDeviceKey::Algorithm::Rsa ? "RSA" : "SM2";
}

} // namespace

PadDeviceKey::PadDeviceKey(Algorithm algorithm, std::unique_ptr<Key> key)
    : m_algorithm(algorithm)
    , m_key(std::move(key))
{}

PadDeviceKey::~PadDeviceKey() = default;

Result<std::unique_ptr<PadDeviceKey>> PadDeviceKey::loadOrCreate(const QString& pemPath, Algorithm algorithm)
{
    auto key = std::make_unique<Key>();
    if (!pemPath.isEmpty() && QFile::exists(pemPath)) {
        QFile file(pemPath);
        if (!file.open(QIODevice::ReadOnly))
            return Failure{opensslError(QStringLiteral("cannot read %1").arg(pemPath))};
        const QByteArray pem = file.readAll();
        BIO* bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
        key->pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        if (!key->pkey)
            return Failure{opensslError(QStringLiteral("%1 holds no private key").arg(pemPath))};
        if (!EVP_PKEY_is_a(key->pkey, typeName(algorithm)))
            return Failure{opensslError(
                QStringLiteral("%1 holds no %2 key").arg(pemPath, QLatin1String(typeName(algorithm))))};
        return std::unique_ptr<PadDeviceKey>(new PadDeviceKey(algorithm, std::move(key)));
    }
    key->pkey = generate(algorithm);
    if (!key->pkey)
        return Failure{
            opensslError(QStringLiteral("%1 key generation failed").arg(QLatin1String(typeName(algorithm))))};
    if (!pemPath.isEmpty()) {
        BIO* bio = BIO_new(BIO_s_mem());
        const bool written =
            PEM_write_bio_PrivateKey(bio, key->pkey, nullptr, nullptr, 0, nullptr, nullptr) == 1;
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        QSaveFile file(pemPath);
        const bool saved =
            written && file.open(QIODevice::WriteOnly) && file.write(data, size) == size && file.commit();
        BIO_free(bio);
        if (!saved)
            return Failure{opensslError(QStringLiteral("cannot write %1").arg(pemPath))};
    }
    return std::unique_ptr<PadDeviceKey>(new PadDeviceKey(algorithm, std::move(key)));
}

QByteArray PadDeviceKey::algorithmName() const
{
    return m_algorithm == Algorithm::Rsa ? QByteArrayLiteral("RSA-OAEP-SHA256") : QByteArrayLiteral("SM2");
}

QByteArray PadDeviceKey::publicKeyDer() const
{
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(m_key->pkey, &der);
    if (size <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return out;
}

Result<QByteArray> PadDeviceKey::unwrap(const QByteArray& wrapped) const
{
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_pkey(nullptr, m_key->pkey, nullptr);
    QByteArray clear;
    bool ok = context && EVP_PKEY_decrypt_init(context) > 0;
    if (ok && m_algorithm == Algorithm::Rsa) // SM2: OpenSSL's defaults (SM3, DER C1C3C2) are the scheme
        ok = EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) > 0 &&
             EVP_PKEY_CTX_set_rsa_oaep_md(context, EVP_sha256()) > 0 &&
             EVP_PKEY_CTX_set_rsa_mgf1_md(context, EVP_sha256()) > 0;
    size_t size = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(wrapped.constData());
    ok = ok && EVP_PKEY_decrypt(context, nullptr, &size, in, static_cast<size_t>(wrapped.size())) > 0;
    if (ok) {
        clear.resize(static_cast<qsizetype>(size));
        ok = EVP_PKEY_decrypt(context, reinterpret_cast<unsigned char*>(clear.data()), &size, in,
                              static_cast<size_t>(wrapped.size())) > 0;
        clear.resize(static_cast<qsizetype>(size));
    }
    EVP_PKEY_CTX_free(context);
    if (!ok) {
        crypto::secureWipe(clear);
        return Failure{opensslError(QStringLiteral("TMK unwrap failed"))};
    }
    return clear;
}

} // namespace sim
} // namespace pos
