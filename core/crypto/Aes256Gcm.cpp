// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/crypto/Aes256Gcm.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <limits>
#include <memory>

namespace pos {
namespace crypto {
namespace {

struct GcmText
{
    Q_DECLARE_TR_FUNCTIONS(pos::crypto::Aes256Gcm)
};

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(view.data());
}

unsigned char* bytes(QByteArray& array)
{
    return reinterpret_cast<unsigned char*>(array.data());
}

Failure openSslFailure(const char* step)
{
    const unsigned long code = ERR_get_error();
    char buffer[256] = {};
    if (code != 0)
        ERR_error_string_n(code, buffer, sizeof buffer);
    ERR_clear_error();
    return fail(ErrorCode::CryptoFailure, GcmText::tr("A cryptographic operation failed."),
                QStringLiteral("AES-256-GCM %1: %2")
                    .arg(QLatin1String(step), QLatin1String(code != 0 ? buffer : "no OpenSSL error")));
}

Failure cannotOpen(const QString& detail)
{
    return fail(ErrorCode::CryptoFailure,
                GcmText::tr("Stored protected data could not be read: it was altered, or it belongs to "
                            "another key."),
                detail);
}

Result<> checkSizes(QByteArrayView key32, QByteArrayView data, QByteArrayView aad)
{
    if (key32.size() != aes256GcmKeyBytes)
        return fail(ErrorCode::InvalidInput, GcmText::tr("A cryptographic operation failed."),
                    QStringLiteral("AES-256-GCM key of %1 bytes").arg(key32.size()));
    if (data.size() > std::numeric_limits<int>::max() / 2 || aad.size() > std::numeric_limits<int>::max())
        return fail(ErrorCode::InvalidInput, GcmText::tr("A cryptographic operation failed."),
                    QStringLiteral("AES-256-GCM input of %1 bytes").arg(data.size()));
    return {};
}

} // namespace

Result<QByteArray> aes256GcmEncryptWithNonce(QByteArrayView key32,
                                             QByteArrayView nonce12,
                                             QByteArrayView plaintext,
                                             QByteArrayView aad)
{
    if (const Result<> sizes = checkSizes(key32, plaintext, aad); !sizes)
        return Failure{sizes.error()};
    if (nonce12.size() != aes256GcmNonceBytes)
        return fail(ErrorCode::InvalidInput, GcmText::tr("A cryptographic operation failed."),
                    QStringLiteral("AES-256-GCM nonce of %1 bytes").arg(nonce12.size()));
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return openSslFailure("context");
    if (EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key32), bytes(nonce12), nullptr) != 1)
        return openSslFailure("init");
    int length = 0;
    if (!aad.isEmpty() &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(aad), static_cast<int>(aad.size())) != 1)
        return openSslFailure("aad");
    QByteArray out(plaintext.size() + aes256GcmTagBytes, Qt::Uninitialized);
    int written = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), bytes(out), &length, bytes(plaintext),
                              static_cast<int>(plaintext.size())) != 1)
            return openSslFailure("encrypt");
        written = length;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), bytes(out) + written, &length) != 1)
        return openSslFailure("final");
    written += length;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(aes256GcmTagBytes), bytes(out) + written) !=
        1)
        return openSslFailure("tag");
    out.truncate(written + aes256GcmTagBytes);
    return out;
}

Result<QByteArray> aes256GcmSeal(QByteArrayView key32, QByteArrayView plaintext, QByteArrayView aad)
{
    QByteArray nonce(aes256GcmNonceBytes, Qt::Uninitialized);
    if (RAND_bytes(bytes(nonce), int(aes256GcmNonceBytes)) != 1)
        return openSslFailure("nonce");
    const Result<QByteArray> body = aes256GcmEncryptWithNonce(key32, nonce, plaintext, aad);
    if (!body)
        return Failure{body.error()};
    QByteArray sealed;
    sealed.reserve(1 + nonce.size() + body.value().size());
    sealed.append(aes256GcmSealVersion).append(nonce).append(body.value());
    return sealed;
}

Result<QByteArray> aes256GcmOpen(QByteArrayView key32, QByteArrayView sealed, QByteArrayView aad)
{
    if (const Result<> sizes = checkSizes(key32, sealed, aad); !sizes)
        return Failure{sizes.error()};
    if (sealed.size() < aes256GcmOverheadBytes)
        return cannotOpen(QStringLiteral("sealed value of %1 bytes is truncated").arg(sealed.size()));
    if (sealed.at(0) != aes256GcmSealVersion)
        return cannotOpen(QStringLiteral("unknown sealed format version %1").arg(int(sealed.at(0))));
    const QByteArrayView nonce = sealed.sliced(1, aes256GcmNonceBytes);
    const QByteArrayView ciphertext =
        sealed.sliced(1 + aes256GcmNonceBytes, sealed.size() - aes256GcmOverheadBytes);
    QByteArray tag = sealed.last(aes256GcmTagBytes).toByteArray();

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return openSslFailure("context");
    if (EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key32), bytes(nonce), nullptr) != 1)
        return openSslFailure("init");
    int length = 0;
    if (!aad.isEmpty() &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(aad), static_cast<int>(aad.size())) != 1)
        return openSslFailure("aad");
    QByteArray plaintext(ciphertext.size(), Qt::Uninitialized);
    int written = 0;
    if (!ciphertext.isEmpty()) {
        if (EVP_DecryptUpdate(ctx.get(), bytes(plaintext), &length, bytes(ciphertext),
                              static_cast<int>(ciphertext.size())) != 1)
            return openSslFailure("decrypt");
        written = length;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(aes256GcmTagBytes), bytes(tag)) != 1)
        return openSslFailure("set tag");
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plaintext) + written, &length) != 1) {
        ERR_clear_error();
        secureWipe(plaintext);
        return cannotOpen(QStringLiteral("authentication tag mismatch"));
    }
    plaintext.truncate(written + length);
    return plaintext;
}

} // namespace crypto
} // namespace pos
