// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>

namespace pos {
namespace crypto {
namespace {

struct CryptoText
{
    Q_DECLARE_TR_FUNCTIONS(pos::crypto::CryptoText)
};

QString lastOpenSslError(const char* step)
{
    const unsigned long code = ERR_get_error();
    char buffer[256] = {};
    if (code != 0)
        ERR_error_string_n(code, buffer, sizeof buffer);
    ERR_clear_error();
    return QStringLiteral("%1: %2").arg(QLatin1String(step),
                                        QLatin1String(code != 0 ? buffer : "no OpenSSL error"));
}

Failure cryptoFailure(const char* step)
{
    return fail(ErrorCode::CryptoFailure, CryptoText::tr("A cryptographic operation failed."),
                lastOpenSslError(step));
}

const unsigned char* bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(view.data());
}

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
struct MdDeleter
{
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};
struct CipherDeleter
{
    void operator()(EVP_CIPHER* cipher) const { EVP_CIPHER_free(cipher); }
};
struct MacDeleter
{
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};

Result<QByteArray> digest(const char* algorithm, QByteArrayView data)
{
    std::unique_ptr<EVP_MD, MdDeleter> md(EVP_MD_fetch(nullptr, algorithm, nullptr));
    if (!md)
        return cryptoFailure("EVP_MD_fetch");
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    QByteArray out(EVP_MD_get_size(md.get()), Qt::Uninitialized);
    unsigned int length = 0;
    if (!ctx || EVP_DigestInit_ex2(ctx.get(), md.get(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), data.data(), static_cast<size_t>(data.size())) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length) != 1)
        return cryptoFailure("EVP_Digest");
    out.resize(static_cast<qsizetype>(length));
    return out;
}

Result<QByteArray> ecb(const char* algorithm,
                       int keyLength,
                       int blockLength,
                       bool encrypt,
                       QByteArrayView key,
                       QByteArrayView data)
{
    if (key.size() != keyLength)
        return fail(ErrorCode::InvalidInput, CryptoText::tr("The key has the wrong length."),
                    QStringLiteral("%1 key must be %2 bytes, got %3")
                        .arg(QLatin1String(algorithm))
                        .arg(keyLength)
                        .arg(key.size()));
    if (data.isEmpty() || data.size() % blockLength != 0)
        return fail(ErrorCode::InvalidInput,
                    CryptoText::tr("The data is not a whole number of cipher blocks."),
                    QStringLiteral("%1 data must be a non-zero multiple of %2 bytes, got %3")
                        .arg(QLatin1String(algorithm))
                        .arg(blockLength)
                        .arg(data.size()));
    std::unique_ptr<EVP_CIPHER, CipherDeleter> cipher(EVP_CIPHER_fetch(nullptr, algorithm, nullptr));
    if (!cipher)
        return cryptoFailure("EVP_CIPHER_fetch");
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    if (!ctx ||
        EVP_CipherInit_ex2(ctx.get(), cipher.get(), bytes(key), nullptr, encrypt ? 1 : 0, nullptr) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1)
        return cryptoFailure("EVP_CipherInit_ex2");
    QByteArray out(data.size() + blockLength, Qt::Uninitialized);
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &written, bytes(data),
                         static_cast<int>(data.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + written,
                           &finalWritten) != 1)
        return cryptoFailure("EVP_Cipher");
    out.resize(written + finalWritten);
    return out;
}

Result<QByteArray> tdes(bool encrypt, QByteArrayView key, QByteArrayView data)
{
    if (key.size() == 16)
        return ecb("DES-EDE-ECB", 16, 8, encrypt, key, data);
    return ecb("DES-EDE3-ECB", 24, 8, encrypt, key, data);
}

// Single DES as 3DES-EDE3 with the key repeated three times; the expanded copy is wiped.
Result<QByteArray> des(bool encrypt, QByteArrayView key, QByteArrayView data)
{
    if (key.size() != 8)
        return fail(ErrorCode::InvalidInput, CryptoText::tr("The key has the wrong length."),
                    QStringLiteral("DES key must be 8 bytes, got %1").arg(key.size()));
    QByteArray expanded;
    expanded.reserve(24); // no reallocation, so no unwiped copy of the key is left behind
    expanded.append(key).append(key).append(key);
    Result<QByteArray> out = ecb("DES-EDE3-ECB", 24, 8, encrypt, expanded, data);
    secureWipe(expanded);
    return out;
}

} // namespace

Result<QByteArray> sha256(QByteArrayView data)
{
    return digest("SHA256", data);
}

Result<QByteArray> sm3(QByteArrayView data)
{
    return digest("SM3", data);
}

Result<QByteArray> hmacSha256(QByteArrayView key, QByteArrayView data)
{
    std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac)
        return cryptoFailure("EVP_MAC_fetch");
    std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(EVP_MAC_CTX_new(mac.get()));
    char digestName[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digestName, 0),
                                 OSSL_PARAM_construct_end()};
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t length = 0;
    // EVP_MAC_init rejects a null key pointer even for an empty key.
    static const unsigned char emptyKey[1] = {0};
    const unsigned char* keyBytes = key.isEmpty() ? emptyKey : bytes(key);
    if (!ctx || EVP_MAC_init(ctx.get(), keyBytes, static_cast<size_t>(key.size()), params) != 1 ||
        EVP_MAC_update(ctx.get(), bytes(data), static_cast<size_t>(data.size())) != 1 ||
        EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length,
                      static_cast<size_t>(out.size())) != 1)
        return cryptoFailure("EVP_MAC");
    out.resize(static_cast<qsizetype>(length));
    return out;
}

Result<QByteArray> tdesEcbEncrypt(QByteArrayView key, QByteArrayView data)
{
    return tdes(true, key, data);
}

Result<QByteArray> tdesEcbDecrypt(QByteArrayView key, QByteArrayView data)
{
    return tdes(false, key, data);
}

Result<QByteArray> desEcbEncrypt(QByteArrayView key, QByteArrayView data)
{
    return des(true, key, data);
}

Result<QByteArray> desEcbDecrypt(QByteArrayView key, QByteArrayView data)
{
    return des(false, key, data);
}

Result<QByteArray> sm4EcbEncrypt(QByteArrayView key, QByteArrayView data)
{
    return ecb("SM4-ECB", 16, 16, true, key, data);
}

Result<QByteArray> sm4EcbDecrypt(QByteArrayView key, QByteArrayView data)
{
    return ecb("SM4-ECB", 16, 16, false, key, data);
}

void secureWipe(QByteArray& secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    secret.clear();
}

} // namespace crypto
} // namespace pos

namespace pos {
namespace crypto {
QString libraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}
} // namespace crypto
} // namespace pos
