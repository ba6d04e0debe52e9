// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/ApiSignature.h"

#include "core/crypto/CryptoPrimitives.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace pos {
namespace sim {

QByteArray apiBodyHashHex(QByteArrayView body)
{
    const Result<QByteArray> digest = crypto::sha256(body);
    return digest ? digest.value().toHex() : QByteArray();
}

QByteArray apiRequestCanonical(QByteArrayView method,
                               QByteArrayView path,
                               QByteArrayView timestamp,
                               QByteArrayView nonce,
                               QByteArrayView body)
{
    QByteArray canonical;
    canonical.append(method).append('\n').append(path).append('\n').append(timestamp).append('\n');
    canonical.append(nonce).append('\n').append(apiBodyHashHex(body));
    return canonical;
}

QByteArray apiResponseCanonical(
    int status, QByteArrayView path, QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body)
{
    QByteArray canonical("RESPONSE\n");
    canonical.append(QByteArray::number(status)).append('\n').append(path).append('\n');
    canonical.append(timestamp).append('\n').append(nonce).append('\n').append(apiBodyHashHex(body));
    return canonical;
}

QByteArray apiSignatureHex(QByteArrayView secret, QByteArrayView canonical)
{
    const Result<QByteArray> mac = crypto::hmacSha256(secret, canonical);
    return mac ? mac.value().toHex() : QByteArray();
}

QByteArray secureRandomBytes(qsizetype count)
{
    QByteArray bytes(count, '\0');
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1)
        return QByteArray();
    return bytes;
}

bool apiSignaturesEqual(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

} // namespace sim
} // namespace pos
